import { BUILTIN_TEMPLATES, type Workflow } from '@shuoshi/engine';
import { describe, expect, it } from 'vitest';
import { caseDims, foldCaseFacts, type LoggedEvent } from './case-facts.js';

const grievance = BUILTIN_TEMPLATES.find((w) => w.key === 'union-grievance') as Workflow;
const dims = caseDims({ tenant_id: 'chalu', ancestors: ['ninghai'], workflow_key: 'union-grievance', channel: 'phone', data: { category: 'wages' } }, grievance);
const states = Object.keys(grievance.states);
const [first = 'intake', second = 'triage'] = states;
const doneState = states.find((s) => grievance.states[s]?.tags?.includes('resolved')) ?? 'resolved';
const finalState = states.find((s) => grievance.states[s]?.final === true) ?? 'closed';

let at = Date.parse('2026-11-02T01:00:00Z');
function event(seq: number, partial: Partial<LoggedEvent>): LoggedEvent {
  at += 3_600_000;
  return { seq, type: 'step', actorRoles: ['intake_operator'], data: {}, effects: [], stateFrom: first, stateTo: first, warning: 'green', createdAt: new Date(at), ...partial };
}

describe('foldCaseFacts', () => {
  it('takes the case as it is from the case row and its opening day in Asia/Shanghai', () => {
    const facts = foldCaseFacts([event(1, { type: '$open', actorRoles: ['worker'], stateFrom: null, createdAt: new Date('2026-10-31T16:30:00Z') })], dims, grievance);
    expect(facts).toMatchObject({ tenantId: 'chalu', dataCategory: 'wages', workflowCategory: grievance.category ?? '', openedDay: '2026-11-01', seq: 1, enteredSeq: 1, responseSeq: null });
  });

  it('counts the first staff step as the response, not a timer, a worker or an agency', () => {
    const facts = foldCaseFacts([
      event(1, { type: '$open', stateFrom: null }),
      event(2, { type: '$timer', actorRoles: ['system'] }),
      event(3, { type: 'comment', actorRoles: ['worker'] }),
      event(4, { type: 'reply', actorRoles: ['agency'] }),
      event(5, { type: 'accept', actorRoles: ['mediator'], stateTo: second }),
    ], dims, grievance);
    expect(facts?.responseSeq).toBe(5);
  });

  it('marks the current state overdue on its SLA breach and forgets it when the state is left', () => {
    const breach = { type: 'slaBreached', state: second, dueAt: '2026-11-03T00:00:00Z' };
    const log = [event(1, { type: '$open', stateFrom: null }), event(2, { stateTo: second }), event(3, { type: '$timer', stateFrom: second, stateTo: second, effects: [breach] })];
    expect(foldCaseFacts(log, dims, grievance)).toMatchObject({ slaOverdue: true, breachSeq: 3, enteredSeq: 2 });
    expect(foldCaseFacts([...log, event(4, { stateFrom: second, stateTo: first })], dims, grievance)).toMatchObject({ slaOverdue: false, breachSeq: 3, enteredSeq: 4 });
  });

  it('does not hold a breach of a done state against the handling', () => {
    const breach = { type: 'slaBreached', state: doneState, dueAt: '2026-11-03T00:00:00Z' };
    const facts = foldCaseFacts([event(1, { type: '$open', stateFrom: null }), event(2, { stateTo: doneState }), event(3, { type: '$timer', stateFrom: doneState, stateTo: doneState, effects: [breach] })], dims, grievance);
    expect(facts).toMatchObject({ done: true, doneStartSeq: 2, breachSeq: null, everResolved: true });
  });

  it('keeps referrals until they are closed, overdue once their deadline timer fired', () => {
    const refer = (id: string) => ({ type: 'refer', referralId: id, agency: 'court', state: second, replyDueAt: '2026-11-10T00:00:00Z', replyEvent: 'reply' });
    const facts = foldCaseFacts([
      event(1, { type: '$open', stateFrom: null }),
      event(2, { stateTo: second, effects: [refer('r1'), refer('r2')] }),
      event(3, { type: '$timer', stateFrom: second, stateTo: second, data: { timerId: 'r1.referral', kind: 'referral' } }),
      event(4, { type: '$timer', stateFrom: second, stateTo: second, data: { timerId: 'r2.sla', kind: 'sla' } }),
    ], dims, grievance);
    expect(facts?.referrals).toEqual([{ id: 'r1', overdue: true }, { id: 'r2', overdue: false }]);
    const closed = foldCaseFacts([event(1, { type: '$open', stateFrom: null }), event(2, { stateTo: second, effects: [refer('r1')] }), event(3, { stateFrom: second, effects: [{ type: 'referralClosed', referralId: 'r1', agency: 'court', status: 'replied' }] })], dims, grievance);
    expect(closed?.referrals).toEqual([]);
  });

  it('records ratings by day, the last idea value, and a final state as done', () => {
    const facts = foldCaseFacts([
      event(1, { type: '$open', stateFrom: null }),
      event(2, { type: 'grant_reward', data: { idea_value: 1200.5 } }),
      event(3, { type: 'grant_reward', data: { idea_value: 'a lot' } }),
      event(4, { type: 'rate', actorRoles: ['worker'], data: { satisfaction: 4 }, createdAt: new Date('2026-11-20T17:00:00Z') }),
      event(5, { type: 'rate', actorRoles: ['worker'], data: { satisfaction: '5' } }),
      event(6, { stateTo: finalState }),
    ], dims, grievance);
    expect(facts).toMatchObject({ ideaValue: 1200.5, ratings: [{ day: '2026-11-21', score: 4 }], final: true, done: true, state: finalState });
  });
});
