import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors/index.js';
import type { Actor } from './actor.js';
import { createEngine } from './create-engine.js';
import { miniWorkflow } from './fixtures/mini-workflow.js';
import { caseSnapshotSchema } from './snapshot-schema.js';

const operator: Actor = { id: 'op-1', roles: ['intake_operator'] };
const mediator: Actor = { id: 'med-1', roles: ['mediator'] };
const supervisor: Actor = { id: 'sup-1', roles: ['supervisor'] };
const at = Date.parse('2025-09-30T10:00:00+08:00');

function engineAt(ms = at) {
  return createEngine({ workflows: [miniWorkflow], now: () => ms });
}

function refusal(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}

function opened() {
  const engine = engineAt();
  const { snapshot } = engine.start({ key: 'mini' }, { data: { title: '下夜班打车难' }, actor: operator, channel: 'phone' });
  return { engine, snapshot };
}

describe('createEngine', () => {
  it('opens a case in the initial state with plain JSON', () => {
    const { snapshot } = opened();
    expect(snapshot).toMatchObject({ workflow: { key: 'mini', version: 1 }, state: 'intake', status: 'open', seq: 1, channel: 'phone', warning: 'green', handlers: ['op-1'] });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(caseSnapshotSchema.parse(snapshot)).toEqual(snapshot);
  });

  it('refuses to open a case without its required fields', () => {
    const error = refusal(() => engineAt().start({ key: 'mini' }, { data: {}, actor: operator, channel: 'phone' }));
    expect(error.code).toBe('MISSING_FIELDS');
    expect(error.message).toContain('title (标题)');
  });

  it('refuses data of the wrong type, quoting the value', () => {
    const error = refusal(() => engineAt().start({ key: 'mini' }, { data: { title: 'x', workers_affected: 'ten' }, actor: operator, channel: 'phone' }));
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toContain('"ten"');
  });

  it('refuses an unknown field and lists the fields', () => {
    const error = refusal(() => engineAt().start({ key: 'mini' }, { data: { title: 'x', titel: 'y' }, actor: operator, channel: 'phone' }));
    expect(error.code).toBe('INVALID_DATA');
    expect(error.message).toContain('"titel"');
    expect(error.message).toContain('workers_affected');
  });

  it('refuses an unknown workflow and names the registered ones', () => {
    const error = refusal(() => engineAt().start({ key: 'nope' }, { data: {}, actor: operator, channel: 'phone' }));
    expect(error.code).toBe('UNKNOWN_WORKFLOW');
    expect(error.message).toContain('mini@1');
  });

  it('refuses an invalid workflow at registration', () => {
    const broken = { ...miniWorkflow, initial: 'nowhere' };
    expect(refusal(() => createEngine({ workflows: [broken] })).code).toBe('INVALID_WORKFLOW');
  });

  it('steps to the next state and assigns the actor', () => {
    const { engine, snapshot } = opened();
    const { snapshot: next, effects } = engine.apply(snapshot, { type: 'accept' }, operator);
    expect(next.state).toBe('triage');
    expect(next.assignee).toBe('op-1');
    expect(next.seq).toBe(2);
    expect(effects).toContainEqual({ type: 'stateChanged', from: 'intake', to: 'triage', event: 'accept' });
    expect(effects).toContainEqual({ type: 'assigned', from: null, to: 'op-1' });
    expect(snapshot.state).toBe('intake');
  });

  it('refuses an unknown event and names the events the actor may send', () => {
    const { engine, snapshot } = opened();
    const error = refusal(() => engine.apply(snapshot, { type: 'resolve' }, operator));
    expect(error.code).toBe('UNKNOWN_EVENT');
    expect(error.message).toContain('Events you may send there: accept');
  });

  it('refuses a role that may not send the event', () => {
    const { engine, snapshot } = opened();
    const error = refusal(() => engine.apply(snapshot, { type: 'accept' }, mediator));
    expect(error.code).toBe('NOT_ALLOWED');
    expect(error.message).toContain('intake_operator');
  });

  it('refuses an event without its required fields', () => {
    const { engine, snapshot } = opened();
    const triage = engine.apply(snapshot, { type: 'accept' }, operator).snapshot;
    const error = refusal(() => engine.apply(triage, { type: 'to_mediation' }, operator));
    expect(error.code).toBe('MISSING_FIELDS');
    expect(error.details['missing']).toEqual(['category']);
  });

  it('requires the agency field when entering a referral state', () => {
    const { engine, snapshot } = opened();
    const triage = engine.apply(snapshot, { type: 'accept' }, operator).snapshot;
    const error = refusal(() => engine.apply(triage, { type: 'escalate' }, mediator));
    expect(error.code).toBe('MISSING_FIELDS');
    expect(error.details['missing']).toEqual(['referral_agency']);
  });

  it('refuses a failed condition and names the events whose conditions hold', () => {
    const { engine, snapshot } = walkToResolved();
    const error = refusal(() => engine.apply(snapshot, { type: 'rate', data: { satisfaction: 1 } }, supervisor));
    expect(error.code).toBe('CONDITION_FAILED');
    expect(error.message).toContain('satisfaction ≥ 3');
    expect(error.message).toContain('dissatisfied');
  });

  it('refuses the follow-up by someone who handled the case', () => {
    const { engine, snapshot } = walkToResolved();
    const handler: Actor = { id: 'med-1', roles: ['mediator', 'supervisor'] };
    const error = refusal(() => engine.apply(snapshot, { type: 'rate', data: { satisfaction: 5 } }, handler));
    expect(error.code).toBe('SEPARATION_OF_DUTIES');
  });

  it('closes the case on a final state and refuses any further event', () => {
    const { engine, snapshot } = walkToResolved();
    const { snapshot: closed, effects } = engine.apply(snapshot, { type: 'rate', data: { satisfaction: 5 } }, supervisor);
    expect(closed.status).toBe('closed');
    expect(closed.timers).toEqual([]);
    expect(effects).toContainEqual({ type: 'caseClosed', state: 'closed' });
    expect(refusal(() => engine.apply(closed, { type: 'rate' }, supervisor)).code).toBe('CASE_CLOSED');
  });

  it('reopens a case the worker is dissatisfied with', () => {
    const { engine, snapshot } = walkToResolved();
    const worker: Actor = { id: 'worker:abc', roles: ['worker'] };
    const { snapshot: reopened } = engine.apply(snapshot, { type: 'dissatisfied', data: { satisfaction: 2 } }, worker);
    expect(reopened.state).toBe('triage');
    expect(reopened.status).toBe('open');
    expect(reopened.data).not.toHaveProperty('satisfaction');
  });

  it('lists the events an actor may send with the fields they require', () => {
    const { engine, snapshot } = opened();
    const triage = engine.apply(snapshot, { type: 'accept' }, operator).snapshot;
    const events = engine.availableEvents(triage, mediator);
    expect(events.map((e) => e.event)).toEqual(['to_mediation', 'escalate', 'wait_worker', 'worker_back']);
    expect(events[0]?.requires).toEqual([expect.objectContaining({ field: 'category', type: 'select', filled: false })]);
    expect(events[1]?.requires.map((r) => r.field)).toEqual(['referral_agency']);
    expect(engine.availableEvents(triage, supervisor)).toEqual([]);
  });

  it('clears a field sent as null', () => {
    const { engine, snapshot } = opened();
    const next = engine.apply(snapshot, { type: 'accept', data: { title: 'x', worker_phone: '138 0000 0000' } }, operator).snapshot;
    const cleared = engine.apply(next, { type: 'wait_worker', data: { worker_phone: null } }, operator).snapshot;
    expect(cleared.data).toEqual({ title: 'x' });
  });

  it('refuses something that is not a snapshot', () => {
    expect(refusal(() => engineAt().apply({} as never, { type: 'accept' }, operator)).code).toBe('INVALID_SNAPSHOT');
  });
});

/** Walks a case to the follow-up: accepted, mediated and resolved by the mediator. */
function walkToResolved() {
  const { engine, snapshot } = opened();
  let s = engine.apply(snapshot, { type: 'accept' }, operator).snapshot;
  s = engine.apply(s, { type: 'to_mediation', data: { category: 'wages' } }, mediator).snapshot;
  s = engine.apply(s, { type: 'resolve', data: { resolution: '已补发工资' } }, mediator).snapshot;
  expect(s.state).toBe('resolved');
  return { engine, snapshot: s };
}

describe('engine.assign', () => {
  it('assigns a case and counts the assignee as a handler', () => {
    const { engine, snapshot } = opened();
    const { snapshot: assigned, effects } = engine.assign(snapshot, 'med-1', supervisor);
    expect(assigned.assignee).toBe('med-1');
    expect(assigned.handlers).toEqual(['op-1', 'med-1', 'sup-1']);
    expect(effects).toEqual([{ type: 'assigned', from: null, to: 'med-1' }]);
  });

  it('refuses an assignment by someone who is not staff', () => {
    const { engine, snapshot } = opened();
    expect(refusal(() => engine.assign(snapshot, 'med-1', { id: 'w', roles: ['worker'] })).code).toBe('NOT_ALLOWED');
  });
});
