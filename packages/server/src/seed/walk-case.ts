import { isEngineError, SYSTEM_ACTOR, type Actor, type CaseSnapshot, type Effect, type Engine, type StepResult, type TimerKind } from '@shuoshi/engine';
import { HOST_EVENTS } from '../cases/service.js';
import type { PlannedCase } from './case-plan.js';
import { stepTime } from './case-times.js';

/**
 * One saved step of a walked case, as the event path would append it to `case_events`.
 * @example
 * const e: WalkedEvent = { seq: 1, type: '$open', actor, data, effects, stateFrom: null, stateTo: 'intake', warning: 'green', at };
 */
export interface WalkedEvent {
  seq: number;
  type: string;
  actor: Actor;
  data: Record<string, unknown>;
  effects: Effect[];
  stateFrom: string | null;
  stateTo: string;
  warning: string;
  at: number;
}

/**
 * A timer of a walked case and what became of it.
 * @example
 * const t: WalkedTimer = { timerId: 'triage#2:sla', kind: 'sla', dueAt, createdAt, status: 'pending', firedAt: null };
 */
export interface WalkedTimer {
  timerId: string;
  kind: TimerKind;
  dueAt: number;
  createdAt: number;
  status: 'pending' | 'fired' | 'cancelled';
  firedAt: number | null;
}

/**
 * An effect a walked case handed to the outbox (every effect but timer bookkeeping).
 * @example
 * const o: WalkedOutbox = { seq: 3, index: 0, effect, at };
 */
export interface WalkedOutbox {
  seq: number;
  index: number;
  effect: Effect;
  at: number;
}

/**
 * A case walked through the engine up to the demo's "now".
 * @example
 * walked.snapshot.state; // where the case stands
 */
export interface WalkedCase {
  plan: PlannedCase;
  snapshot: CaseSnapshot;
  events: WalkedEvent[];
  timers: WalkedTimer[];
  outbox: WalkedOutbox[];
  /** The state after the opening and after each step taken (timers included). */
  trail: string[];
  /** The engine's refusal that stopped the walk early, if any (a flaw in the plan). */
  refusal: string | null;
}

/**
 * What walking needs: the engine, whose clock is `clock.at`, the cast of the case, and "now".
 * @example
 * const clock = { at: 0 };
 * const engine = createEngine({ workflows, now: () => clock.at });
 */
export interface WalkContext {
  engine: Engine;
  clock: { at: number };
  cast: (spec: PlannedCase['opener']) => Actor;
  now: number;
}

/**
 * The host's entries in a case's log besides the workflow's events: the opening (as the cases
 * resource writes it) and a fired timer (as the timer runner is to write it).
 * @example
 * SEED_HOST_EVENTS.timer; // '$timer'
 */
export const SEED_HOST_EVENTS = { open: HOST_EVENTS.open, timer: '$timer' } as const;

/**
 * Walks a planned case on the simulated clock: opens it, fires every timer that falls due before
 * each step (as the server's timer runner would), sends the planned events, and finally fires the
 * timers due by "now". Pending timers are left for the server.
 * @example
 * const walked = walkCase(plan, { engine, clock, cast, now: Date.now() });
 */
export function walkCase(plan: PlannedCase, context: WalkContext): WalkedCase {
  const { engine, clock } = context;
  const events: WalkedEvent[] = [];
  const timers = new Map<string, WalkedTimer>();
  const outbox: WalkedOutbox[] = [];
  const trail: string[] = [];

  const record = (type: string, actor: Actor, data: Record<string, unknown>, before: CaseSnapshot | null, step: StepResult, at: number): CaseSnapshot => {
    const { snapshot, effects } = step;
    events.push({ seq: snapshot.seq, type, actor, data, effects, stateFrom: before?.state ?? null, stateTo: snapshot.state, warning: snapshot.warning, at });
    effects.forEach((effect, index) => {
      if (effect.type === 'scheduleTimer') {
        timers.set(effect.timer.id, { timerId: effect.timer.id, kind: effect.timer.kind, dueAt: Date.parse(effect.timer.dueAt), createdAt: at, status: 'pending', firedAt: null });
      } else if (effect.type === 'cancelTimer') {
        const timer = timers.get(effect.timerId);
        if (timer && timer.status === 'pending') timer.status = 'cancelled';
      } else {
        outbox.push({ seq: snapshot.seq, index, effect, at });
      }
    });
    return snapshot;
  };

  clock.at = plan.openedAt;
  const opener = context.cast(plan.opener);
  let snapshot = record(SEED_HOST_EVENTS.open, opener, plan.openData, null, engine.start({ key: plan.workflow.key, version: plan.workflow.version }, { data: plan.openData, actor: opener, channel: plan.channel }), plan.openedAt);
  trail.push(snapshot.state);

  const fireDue = (limit: number): void => {
    for (let due = engine.dueTimers(snapshot, limit)[0]; due && snapshot.status === 'open'; due = engine.dueTimers(snapshot, limit)[0]) {
      const at = Date.parse(due.dueAt);
      clock.at = at;
      const fired = engine.fireTimer(snapshot, due.id, at);
      const timer = timers.get(due.id);
      if (timer) {
        timer.status = 'fired';
        timer.firedAt = at;
      }
      if (fired.snapshot.seq === snapshot.seq) break;
      snapshot = record(SEED_HOST_EVENTS.timer, SYSTEM_ACTOR, { timerId: due.id, kind: due.kind, dueAt: due.dueAt }, snapshot, fired, at);
    }
  };

  let refusal: string | null = null;
  let at = plan.openedAt;
  for (const planned of plan.steps.slice(0, plan.stopAfter)) {
    at = stepTime(at, planned.after);
    if (at > context.now) break;
    fireDue(at);
    if (snapshot.status === 'closed') break;
    if (planned.event !== null) {
      clock.at = at;
      const actor = context.cast(planned.actor);
      const data = typeof planned.data === 'function' ? planned.data(at) : planned.data;
      try {
        const before = snapshot;
        snapshot = record(planned.event, actor, data ?? {}, before, engine.apply(snapshot, { type: planned.event, ...(data ? { data } : {}) }, actor), at);
      } catch (error) {
        if (!isEngineError(error)) throw error;
        refusal = `${plan.workflow.key} "${planned.event}" by ${actor.id} in ${snapshot.state}: ${error.message}`;
        break;
      }
    }
    trail.push(snapshot.state);
  }
  fireDue(context.now);
  return { plan, snapshot, events, timers: [...timers.values()], outbox, trail, refusal };
}
