import { describe, expect, it } from 'vitest';
import type { Effect } from '@shuoshi/engine';
import type { TimelineEntry } from './in-memory-store.js';
import { runDemo } from './run-demo.js';

const effectsOf = <T extends Effect['type']>(entries: TimelineEntry[], type: T): Array<Extract<Effect, { type: T }>> =>
  entries.flatMap((entry) => entry.effects.filter((effect): effect is Extract<Effect, { type: T }> => effect.type === type));

const iso = (local: string) => new Date(local).toISOString();

describe('runDemo', () => {
  const lines: string[] = [];
  const result = runDemo({ out: (line) => lines.push(line) });

  it('walks the night-bus matter from the phone call to closed', () => {
    expect(result.snapshot.state).toBe('closed');
    expect(result.snapshot.status).toBe('closed');
    expect(result.snapshot.channel).toBe('phone');
    expect(result.timeline.map((entry) => entry.label).filter((label) => !label.includes('.'))).toEqual([
      'phone', 'accept', 'escalate', 'agency_replied', 'reply_to_worker', 'rate',
    ]);
  });

  it('refers the matter to the congress liaison station with a reply deadline 15 working days out', () => {
    const [refer] = effectsOf(result.timeline, 'refer');
    // Escalated Wed 5 Nov 08:40; 15 working days (24 h each, weekends off) end Wed 26 Nov 08:40.
    expect(refer).toMatchObject({ agency: 'people_congress_liaison', replyEvent: 'agency_replied', replyDueAt: iso('2025-11-26T08:40:00+08:00') });
    expect(result.snapshot.data).toMatchObject({ category: 'commute', referral_agency: 'people_congress_liaison' });
  });

  it('changes the warning colour when the store fires due timers', () => {
    const fired = result.timeline.filter((entry) => entry.kind === 'timer');
    expect(fired.map((entry) => [entry.timer?.kind, entry.warning])).toEqual([['warning', 'yellow'], ['referral', 'red']]);
    expect(fired[0]?.effects).toContainEqual(expect.objectContaining({ type: 'warningChanged', from: 'green', to: 'yellow' }));
    expect(fired[1]?.effects).toContainEqual(expect.objectContaining({ type: 'warningChanged', from: 'green', to: 'red' }));
    expect(fired[1]?.effects).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'referralOverdue', to: { roles: ['supervisor'] } }));
  });

  it('records the liaison station reply about night bus line 227, which clears the red', () => {
    const reply = result.timeline.find((entry) => entry.label === 'agency_replied');
    expect(reply).toMatchObject({ state: 'resolved', warning: 'green', actor: { agency: 'people_congress_liaison' } });
    expect(reply?.effects).toContainEqual(expect.objectContaining({ type: 'referralClosed', status: 'replied' }));
    expect(String(result.snapshot.data.reply_summary)).toContain('227路');
    expect(result.snapshot.referrals).toEqual([expect.objectContaining({ status: 'replied', overdue: true })]);
  });

  it('closes with the independent supervisor’s rating of 5', () => {
    const rating = result.timeline.at(-1);
    expect(rating).toMatchObject({ label: 'rate', actor: { id: 'sup-hu', roles: ['supervisor'] }, status: 'closed' });
    expect(result.snapshot.data.satisfaction).toBe(5);
    // The supervisor joins the handlers only with the rating itself.
    expect(result.snapshot.handlers).toEqual(['op-chen', 'admin-ye', 'sup-hu']);
    expect(effectsOf(result.timeline, 'caseClosed')).toEqual([{ type: 'caseClosed', state: 'closed' }]);
  });

  it('keeps the store consistent with the engine: no timer left, every other effect in the outbox', () => {
    expect(result.snapshot.timers).toEqual([]);
    const all = result.timeline.flatMap((entry) => entry.effects);
    expect(result.outbox.map((message) => message.effect)).toEqual(all.filter((e) => e.type !== 'scheduleTimer' && e.type !== 'cancelTimer'));
  });

  it('has the store refuse the second operator’s stale save', () => {
    expect(result.refusedSave).toMatchObject({ name: 'StaleSaveError', expectedSeq: 1, storedSeq: 2 });
    expect(result.timeline.filter((entry) => entry.label === 'accept')).toHaveLength(1);
  });

  it('prints the timeline in Beijing time with zh and en state titles', () => {
    expect(lines[0]).toBe('#1 2025-11-03 周一 22:40  开案 opened · 电话 phone · 小陈（接线员 intake operator）');
    expect(lines).toContain('    状态 state：研判分流 Triage · 预警 🟡 黄 yellow');
    expect(lines.some((line) => line.includes('📨 交办 refer → 人大代表联络站 People\'s congress liaison station'))).toBe(true);
  });

  it('tells the same story from another start, the calendar moving every deadline', () => {
    // A Friday-night call: the weekend is not working time, so triage runs into Tuesday.
    const friday = runDemo({ start: '2025-11-07T22:40:00+08:00' });
    expect(friday.snapshot.state).toBe('closed');
    expect(friday.timeline.filter((entry) => entry.kind === 'timer').map((entry) => entry.warning)).toEqual(['yellow', 'red']);
  });
});
