import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { createEngine } from './create-engine.js';
import { miniWorkflow } from './fixtures/mini-workflow.js';
import type { CaseSnapshot } from './snapshot.js';

const operator: Actor = { id: 'op-1', roles: ['intake_operator'] };
const mediator: Actor = { id: 'med-1', roles: ['mediator'] };
const iso = (local: string) => new Date(local).toISOString();

/** An engine whose clock the test moves. */
function clocked(start: string) {
  let now = Date.parse(start);
  const engine = createEngine({ workflows: [miniWorkflow], now: () => now });
  return { engine, set: (local: string) => void (now = Date.parse(local)) };
}

function inTriage(start = '2025-09-30T10:00:00+08:00') {
  const c = clocked(start);
  const opened = c.engine.start({ key: 'mini' }, { data: { title: '夜班' }, actor: operator, channel: 'phone' }).snapshot;
  const step = c.engine.apply(opened, { type: 'accept' }, operator);
  return { ...c, ...step };
}

const timer = (s: CaseSnapshot, suffix: string) => {
  const found = s.timers.find((t) => t.id.endsWith(suffix));
  if (!found) throw new Error(`no timer ${suffix} in ${JSON.stringify(s.timers)}`);
  return found;
};

describe('SLA clocks and warning ladders', () => {
  it('schedules the ladder on working days across the National Day holiday', () => {
    // Entered Tue 30 Sep 10:00; 1 working day = 24 working hours; 30 Sep gives 14 h, 1-8 Oct are off.
    // Yellow at 80 % = 19.2 h: 5.2 h into Thu 9 Oct -> 05:12. Red at 100 %: 10 h into 9 Oct -> 10:00.
    const { snapshot, effects } = inTriage();
    expect(timer(snapshot, 'warn0').dueAt).toBe(iso('2025-10-09T05:12:00+08:00'));
    expect(timer(snapshot, 'warn1').dueAt).toBe(iso('2025-10-09T10:00:00+08:00'));
    expect(timer(snapshot, '.sla').dueAt).toBe(iso('2025-10-09T10:00:00+08:00'));
    expect(snapshot.clock?.dueAt).toBe(iso('2025-10-09T10:00:00+08:00'));
    expect(effects.filter((e) => e.type === 'scheduleTimer')).toHaveLength(3);
  });

  it('raises yellow then red with a notification as the timers fire', () => {
    const { engine, snapshot } = inTriage();
    const yellow = engine.fireTimer(snapshot, timer(snapshot, 'warn0').id, '2025-10-09T05:12:00+08:00');
    expect(yellow.snapshot.warning).toBe('yellow');
    expect(yellow.effects).toContainEqual(expect.objectContaining({ type: 'warningChanged', from: 'green', to: 'yellow' }));
    const red = engine.fireTimer(yellow.snapshot, timer(snapshot, 'warn1').id, '2025-10-09T10:00:00+08:00');
    expect(red.snapshot.warning).toBe('red');
    expect(red.effects).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'warning', to: { roles: ['supervisor'] } }));
    const breached = engine.fireTimer(red.snapshot, timer(snapshot, '.sla').id, '2025-10-09T10:00:00+08:00');
    expect(breached.snapshot.clock?.breachedAt).toBe(iso('2025-10-09T10:00:00+08:00'));
    expect(breached.effects).toContainEqual(expect.objectContaining({ type: 'slaBreached', state: 'triage' }));
  });

  it('drops the ladder colour when the case leaves the state', () => {
    const { engine, snapshot, set } = inTriage();
    const yellow = engine.fireTimer(snapshot, timer(snapshot, 'warn0').id, '2025-10-09T06:00:00+08:00').snapshot;
    set('2025-10-09T06:30:00+08:00');
    const { snapshot: moved, effects } = engine.apply(yellow, { type: 'to_mediation', data: { category: 'wages' } }, mediator);
    expect(moved.warning).toBe('green');
    expect(effects).toContainEqual(expect.objectContaining({ type: 'warningChanged', from: 'yellow', to: 'green' }));
    expect(effects).toContainEqual({ type: 'cancelTimer', timerId: timer(snapshot, 'warn1').id });
  });

  it('ignores a timer the case no longer has, and one not yet due', () => {
    const { engine, snapshot } = inTriage();
    const moved = engine.apply(snapshot, { type: 'to_mediation', data: { category: 'wages' } }, mediator).snapshot;
    expect(engine.fireTimer(moved, timer(snapshot, 'warn0').id, '2025-10-20T00:00:00+08:00')).toEqual({ snapshot: moved, effects: [] });
    expect(engine.fireTimer(snapshot, timer(snapshot, 'warn0').id, '2025-10-01T00:00:00+08:00')).toEqual({ snapshot, effects: [] });
  });

  it('pauses the clock and resumes it with the time that was left', () => {
    // Paused at 12:00 on 30 Sep after 2 h; resumed Thu 9 Oct 09:00 with 22 h left:
    // 15 h to midnight, 7 h into Fri 10 Oct -> 07:00. Yellow had 17.2 h left -> 10 Oct 02:12.
    const { engine, snapshot, set } = inTriage();
    set('2025-09-30T12:00:00+08:00');
    const paused = engine.apply(snapshot, { type: 'wait_worker' }, operator);
    expect(paused.snapshot.timers).toEqual([]);
    expect(paused.snapshot.clock?.pauses).toEqual([{ from: iso('2025-09-30T12:00:00+08:00'), to: null }]);
    expect(paused.effects.filter((e) => e.type === 'cancelTimer')).toHaveLength(3);
    set('2025-10-09T09:00:00+08:00');
    const resumed = engine.apply(paused.snapshot, { type: 'worker_back' }, operator).snapshot;
    expect(timer(resumed, '.sla').dueAt).toBe(iso('2025-10-10T07:00:00+08:00'));
    expect(timer(resumed, 'warn0').dueAt).toBe(iso('2025-10-10T02:12:00+08:00'));
  });

  it('sends the timeout event when the 15-day mediation clock runs out', () => {
    const { engine, snapshot } = inTriage();
    const mediation = engine.apply(snapshot, { type: 'to_mediation', data: { category: 'wages' } }, mediator).snapshot;
    const timeout = timer(mediation, 'timeout');
    expect(timeout.dueAt).toBe(iso('2025-10-15T10:00:00+08:00'));
    const { snapshot: handed, effects } = engine.fireTimer(mediation, timeout.id, timeout.dueAt);
    expect(handed.state).toBe('arbitration');
    expect(handed.status).toBe('closed');
    expect(effects).toContainEqual({ type: 'stateChanged', from: 'mediation', to: 'arbitration', event: 'hand_off' });
  });
});

describe('referrals', () => {
  function escalated() {
    const c = inTriage();
    const step = c.engine.apply(c.snapshot, { type: 'escalate', data: { referral_agency: 'transport_group' } }, mediator);
    return { ...c, ...step };
  }

  it('refers the case with a reply deadline on working days', () => {
    // 5 wd from Tue 30 Sep 10:00: 14 h + 9, 10, 11 (make-up Saturday), 13 Oct = 110 h, 10 h into Tue 14 Oct.
    const { snapshot, effects } = escalated();
    const refer = effects.find((e) => e.type === 'refer');
    expect(refer).toMatchObject({ agency: 'transport_group', replyDueAt: iso('2025-10-14T10:00:00+08:00'), replyEvent: 'agency_replied' });
    expect(snapshot.referrals).toEqual([expect.objectContaining({ status: 'awaiting', agency: 'transport_group', overdue: false })]);
  });

  it('lets only the addressed agency reply, and closes the referral as replied', () => {
    const { engine, snapshot } = escalated();
    const other: Actor = { id: 'agency:court', roles: ['agency'], agency: 'court' };
    expect(() => engine.apply(snapshot, { type: 'agency_replied', data: { reply_summary: '已开通' } }, other)).toThrow(/may not send/);
    const agency: Actor = { id: 'agency:transport_group', roles: ['agency'], agency: 'transport_group' };
    const { snapshot: replied, effects } = engine.apply(snapshot, { type: 'agency_replied', data: { reply_summary: '227路夜班公交已开通' } }, agency);
    expect(replied.state).toBe('resolved');
    expect(replied.referrals[0]).toMatchObject({ status: 'replied', closedAt: expect.any(String) });
    expect(effects).toContainEqual(expect.objectContaining({ type: 'referralClosed', status: 'replied' }));
    expect(replied.timers.some((t) => t.kind === 'referral')).toBe(false);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'requestFollowUp', state: 'resolved' }));
  });

  it('raises red and notifies when the reply is overdue, and drops it on the reply', () => {
    const { engine, snapshot, set } = escalated();
    const due = timer(snapshot, '.referral');
    const overdue = engine.fireTimer(snapshot, due.id, due.dueAt);
    expect(overdue.snapshot.warning).toBe('red');
    expect(overdue.snapshot.referrals[0]?.overdue).toBe(true);
    expect(overdue.effects).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'referralOverdue' }));
    set('2025-10-15T09:00:00+08:00');
    const returned = engine.apply(overdue.snapshot, { type: 'agency_returned' }, mediator).snapshot;
    expect(returned.referrals[0]?.status).toBe('returned');
    expect(returned.state).toBe('triage');
    expect(returned.warning).toBe('green');
  });
});

describe('data warning rules', () => {
  it('turns red with 10 or more workers affected and falls back when the data says so', () => {
    const { engine, snapshot } = inTriage();
    const many = engine.apply(snapshot, { type: 'wait_worker', data: { workers_affected: 12 } }, operator);
    expect(many.snapshot.warning).toBe('red');
    expect(many.snapshot.warningCauses).toEqual([{ source: 'rule', id: 'many_workers', level: 'red' }]);
    expect(many.effects).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'rule' }));
    const fewer = engine.apply(many.snapshot, { type: 'worker_back', data: { workers_affected: 3 } }, operator);
    expect(fewer.snapshot.warning).toBe('green');
    expect(fewer.effects).toContainEqual(expect.objectContaining({ type: 'warningChanged', from: 'red', to: 'green' }));
  });
});
