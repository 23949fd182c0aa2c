import { BUILTIN_ROLES, BUILTIN_TEMPLATES, createEngine, isEngineError, type Actor, type CaseEvent, type CaseSnapshot, type StepResult, type Workflow } from '@shuoshi/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTOR_IDS, caseActionsArbitrary, eventDataArbitrary, startDataArbitrary, type CaseAction } from './case-arbitraries.js';
import { checkSnapshot } from './check-snapshot.js';

const START = Date.parse('2025-09-26T16:00:00+08:00');
const NUM_RUNS = 2500;
// A timeout that leads to a state whose own deadlines are already due could chain; a real loop is a bug.
const MAX_TIMERS_PER_ADVANCE = 100;
const CLOSER: Actor = { id: 'closer', roles: ['county_admin', 'supervisor', 'township_admin', 'worker'] };

let now = START;
// One engine for every run: it is pure, and only the injected clock moves.
const engine = createEngine({ workflows: [...BUILTIN_TEMPLATES], now: () => now });

type Outcome = { ok: true; result: StepResult } | { ok: false; error: unknown };

function attempt(run: () => StepResult): Outcome {
  try {
    return { ok: true, result: run() };
  } catch (error) {
    return { ok: false, error };
  }
}

function comparable(outcome: Outcome): unknown {
  if (outcome.ok) return outcome.result;
  const error = outcome.error;
  return isEngineError(error) ? { code: error.code, message: error.message, details: error.details } : { thrown: String(error) };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : JSON.stringify(error);
}

/**
 * Runs one engine call on a snapshot and checks (a) only EngineErrors, (d) the same outcome from the
 * snapshot's JSON copy, (e) the input untouched and seq rising, and every produced snapshot.
 */
function step(workflow: Workflow, snapshot: CaseSnapshot, label: string, run: (s: CaseSnapshot) => StepResult): Outcome {
  const before = structuredClone(snapshot);
  const copy = JSON.parse(JSON.stringify(snapshot)) as CaseSnapshot;
  const outcome = attempt(() => run(snapshot));
  // (a)
  if (!outcome.ok) expect(isEngineError(outcome.error), `(a) ${label} threw something other than an EngineError: ${describeError(outcome.error)}`).toBe(true);
  // (e) the caller's snapshot is never mutated, whatever the outcome
  expect(snapshot, `(e) ${label} mutated its input snapshot`).toStrictEqual(before);
  // (d)
  const replay = attempt(() => run(copy));
  expect(comparable(replay), `(d) ${label} from the JSON copy of the snapshot differs`).toStrictEqual(comparable(outcome));
  if (outcome.ok) {
    const { snapshot: next, effects } = outcome.result;
    const noop = next === snapshot && effects.length === 0;
    // (e) a step that did something moves seq on; only a stale or early timer leaves the case as it was
    if (!noop) expect(next.seq, `(e) ${label} did not raise seq`).toBeGreaterThan(snapshot.seq);
    expect(JSON.parse(JSON.stringify(effects)), `(c) the effects of ${label} change through JSON`).toStrictEqual(effects);
    checkSnapshot(workflow, next);
  }
  return outcome;
}

type SendAction = Extract<CaseAction, { kind: 'send' }>;

function eventFor(workflow: Workflow, snapshot: CaseSnapshot, action: SendAction): CaseEvent {
  const all = workflow.states[snapshot.state]?.transitions ?? [];
  const onward = all.filter((t) => t.target === undefined || workflow.states[t.target]?.final !== true);
  const pool = action.event.from === 'onward' && onward.length > 0 ? onward : all;
  const chosen = action.event.from === 'name' ? action.event.name : pool[action.event.index % Math.max(1, pool.length)]?.event;
  const type = chosen ?? 'no_such_event';
  return action.data === undefined ? { type } : { type, data: action.data };
}

/** With a `fit` index, the sender gets a role the definition allows for the event (or is the awaited agency). */
function actorFor(workflow: Workflow, snapshot: CaseSnapshot, type: string, action: SendAction): Actor {
  const state = workflow.states[snapshot.state];
  const transition = state?.transitions.find((t) => t.event === type);
  if (action.fit === null || !state || !transition) return action.actor;
  const referral = state.referral;
  const answers = referral !== undefined && (type === referral.replyEvent || type === referral.returnEvent);
  const roles = [...(transition.roles ?? state.roles ?? BUILTIN_ROLES), ...(answers ? ['agency'] : [])];
  const role = roles[action.fit % roles.length] ?? 'township_admin';
  if (role !== 'agency' || !referral) return { id: action.actor.id, roles: [role] };
  return { id: action.actor.id, roles: ['agency'], agency: referral.agency ?? String(snapshot.data[referral.agencyField ?? ''] ?? '') };
}

/** (f) A closed case refuses every event, whoever sends it, with CASE_CLOSED, and offers none. */
function checkClosed(workflow: Workflow, snapshot: CaseSnapshot): void {
  const events = [...new Set(Object.values(workflow.states).flatMap((s) => s.transitions.map((t) => t.event))), 'no_such_event'];
  for (const type of events) {
    const outcome = attempt(() => engine.apply(snapshot, { type }, CLOSER));
    expect(!outcome.ok && isEngineError(outcome.error) ? outcome.error.code : 'accepted', `(f) "${type}" on the case closed in "${snapshot.state}"`).toBe('CASE_CLOSED');
  }
  expect(engine.availableEvents(snapshot, CLOSER), '(f) a closed case offers events').toEqual([]);
}

function advance(workflow: Workflow, start: CaseSnapshot, ms: number): CaseSnapshot {
  let snapshot = start;
  const target = now + ms;
  let fired = 0;
  for (let due = engine.dueTimers(snapshot, target)[0]; due; due = engine.dueTimers(snapshot, target)[0]) {
    fired += 1;
    expect(fired, `more than ${MAX_TIMERS_PER_ADVANCE} timers fell due within ${ms} ms: ${JSON.stringify(snapshot.timers)}`).toBeLessThanOrEqual(MAX_TIMERS_PER_ADVANCE);
    now = Math.max(now, Date.parse(due.dueAt));
    const at = now;
    const id = due.id;
    const outcome = step(workflow, snapshot, `fireTimer(${id})`, (s) => engine.fireTimer(s, id, at));
    if (!outcome.ok) break;
    expect(outcome.result.snapshot.timers.some((t) => t.id === id), `firing ${id} left it in the snapshot`).toBe(false);
    snapshot = outcome.result.snapshot;
  }
  now = target;
  return snapshot;
}

function runCase(workflow: Workflow, data: Record<string, unknown>, actions: readonly CaseAction[]): void {
  now = START;
  const opener: Actor = { id: ACTOR_IDS[0], roles: ['intake_operator'] };
  let snapshot = engine.start({ key: workflow.key, version: workflow.version }, { data, actor: opener, channel: 'walk_in' }).snapshot;
  checkSnapshot(workflow, snapshot);
  const seen = new Set(snapshot.timers.map((t) => t.id));
  let checkedClosed = false;
  for (const action of actions) {
    if (snapshot.status === 'closed' && !checkedClosed) {
      checkClosed(workflow, snapshot);
      checkedClosed = true;
    }
    if (action.kind === 'advance') {
      snapshot = advance(workflow, snapshot, action.ms);
    } else if (action.kind === 'stale') {
      const ids = [...seen];
      const id = action.madeUp || ids.length === 0 ? 'no_such_timer' : (ids[action.pick % ids.length] ?? 'no_such_timer');
      const at = now;
      const outcome = step(workflow, snapshot, `fireTimer(${id})`, (s) => engine.fireTimer(s, id, at));
      if (outcome.ok) snapshot = outcome.result.snapshot;
    } else if (action.kind === 'assign') {
      const outcome = step(workflow, snapshot, `assign(${String(action.assignee)})`, (s) => engine.assign(s, action.assignee, action.actor));
      if (outcome.ok) snapshot = outcome.result.snapshot;
    } else {
      const event = eventFor(workflow, snapshot, action);
      const actor = actorFor(workflow, snapshot, event.type, action);
      const offered = engine.availableEvents(snapshot, actor).map((e) => e.event);
      const outcome = step(workflow, snapshot, `apply(${JSON.stringify(event)}) by ${JSON.stringify(actor)}`, (s) => engine.apply(s, event, actor));
      // (f)
      if (snapshot.status === 'closed') expect(outcome.ok ? 'accepted' : isEngineError(outcome.error) && outcome.error.code, '(f) an event on a closed case').toBe('CASE_CLOSED');
      if (outcome.ok) {
        // (i)
        expect(offered, `(i) "${event.type}" succeeded in "${snapshot.state}" but availableEvents did not offer it to ${JSON.stringify(actor)}`).toContain(event.type);
        snapshot = outcome.result.snapshot;
      }
    }
    for (const timer of snapshot.timers) seen.add(timer.id);
  }
}

describe('engine properties over random actions', () => {
  for (const workflow of BUILTIN_TEMPLATES) {
    it(`holds every invariant on random ${workflow.key} cases`, { timeout: 600_000 }, () => {
      fc.assert(
        fc.property(startDataArbitrary(workflow), caseActionsArbitrary(workflow, 50), (data, actions) => runCase(workflow, data, actions)),
        { numRuns: NUM_RUNS, seed: Number(process.env.SEED ?? 7) },
      );
    });
  }
});

describe('opening a case', () => {
  for (const workflow of BUILTIN_TEMPLATES) {
    it(`opens a ${workflow.key} case from any data or refuses it with an EngineError`, () => {
      // Hosts pass form values as they are: undefined for an untouched input, null for a cleared one.
      const extra = fc.dictionary(fc.constantFrom(...Object.keys(workflow.fields)), fc.constantFrom<unknown>(undefined, null), { maxKeys: 3 });
      fc.assert(
        fc.property(startDataArbitrary(workflow), eventDataArbitrary(workflow), extra, (valid, random, blanks) => {
          now = START;
          const data = { ...valid, ...(random ?? {}), ...blanks };
          const outcome = attempt(() => engine.start({ key: workflow.key, version: workflow.version }, { data, actor: { id: 'u1', roles: ['intake_operator'] }, channel: 'phone' }));
          if (!outcome.ok) {
            expect(isEngineError(outcome.error), `(a) start threw ${describeError(outcome.error)}`).toBe(true);
            return;
          }
          checkSnapshot(workflow, outcome.result.snapshot);
          const blank = Object.entries(outcome.result.snapshot.data).filter(([, value]) => value === undefined || value === null);
          expect(blank, 'fields the case opened with as undefined or null (a cleared field has no value, as after an event)').toEqual([]);
        }),
        { numRuns: NUM_RUNS, seed: Number(process.env.SEED ?? 7) },
      );
    });
  }

  it('opens a case without keeping undefined or null fields in its data', () => {
    now = START;
    const data = { title: '下夜班打车难', description: '夜班后没有公交', worker_name: undefined, enterprise: null };
    const { snapshot } = engine.start({ key: 'union-grievance', version: 1 }, { data, actor: { id: 'u1', roles: ['intake_operator'] }, channel: 'phone' });
    expect(snapshot.data).toStrictEqual({ title: '下夜班打车难', description: '夜班后没有公交' });
    expect(JSON.parse(JSON.stringify(snapshot))).toStrictEqual(snapshot);
  });
});
