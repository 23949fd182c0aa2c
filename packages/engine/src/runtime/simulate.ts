import { advance, createCalendarRegistry, type BusinessCalendar } from '../calendar/index.js';
import { compileWorkflow, DEFAULT_CALENDAR } from '../compile/index.js';
import { parseDuration, type LocalizedText, type Workflow } from '../definition/index.js';
import { EngineError, isEngineError } from '../errors/index.js';
import type { Actor } from './actor.js';
import { allowedRoles } from './permissions.js';
import { createEngine, type ActionRegistration } from './create-engine.js';
import type { Effect } from './effect.js';
import type { ActiveTimer, CaseSnapshot } from './snapshot.js';
import { toMillis, type Instant } from './to-millis.js';

/**
 * One step of a simulation: send an event (as a role or an actor), or move the clock.
 * @example
 * const steps: SimulationStep[] = [{ event: 'accept', role: 'intake_operator' }, { advance: '2wd' }];
 */
export type SimulationStep =
  | { event: string; data?: Record<string, unknown>; role?: string; actor?: Actor }
  | { advance: string };

/**
 * Options of a simulation.
 * @example
 * const o: SimulationOptions = { start: '2025-09-29T09:00:00+08:00', data: { title: '测试' } };
 */
export interface SimulationOptions {
  start?: Instant;
  data?: Record<string, unknown>;
  channel?: string;
  actor?: Actor;
  calendars?: readonly BusinessCalendar[];
  actions?: Readonly<Record<string, ActionRegistration>>;
}

/**
 * One entry of a simulation trace: what happened, where the case stands, what it asked for.
 * @example
 * trace.entries.map((e) => `${e.at} ${e.state} ${e.warning}`);
 */
export interface TraceEntry {
  index: number;
  kind: 'start' | 'event' | 'timer' | 'advance';
  /** The event sent, the timer fired, or the duration advanced. */
  label: string;
  at: string;
  state: string;
  stateTitle: LocalizedText;
  status: CaseSnapshot['status'];
  warning: CaseSnapshot['warning'];
  effects: Effect[];
  /** Timers active after the entry, i.e. the deadlines ahead. */
  deadlines: ActiveTimer[];
  error?: { code: string; message: string };
}

/**
 * The result of a simulation: every entry, the states visited and the final snapshot.
 * @example
 * simulate(workflow, steps).path; // ['intake', 'triage', 'mediation']
 */
export interface SimulationTrace {
  entries: TraceEntry[];
  path: string[];
  snapshot: CaseSnapshot;
}

function actorFor(workflow: Workflow, snapshot: CaseSnapshot, step: { event: string; role?: string; actor?: Actor }): Actor {
  if (step.actor) return step.actor;
  if (step.role) return { id: `sim-${step.role}`, roles: [step.role] };
  // Without a role, act as the first role the transition allows, so a designer can just click.
  const compiled = compileWorkflow(workflow);
  const state = compiled.states.get(snapshot.state);
  const transition = state?.transitions.get(step.event);
  const role = state && transition ? allowedRoles(compiled, state, transition)[0] : undefined;
  return { id: `sim-${role ?? 'staff'}`, roles: [role ?? 'township_admin'] };
}

/**
 * Runs a workflow through a list of steps on a simulated clock and returns a trace of states,
 * effects, deadlines and warnings; refusals are recorded in the trace and the run goes on.
 * @example
 * const trace = simulate(unionGrievance, [{ event: 'accept' }, { advance: '3wd' }], { data: { title: 'x', description: 'y' } });
 */
export function simulate(workflow: Workflow, steps: readonly SimulationStep[], options: SimulationOptions = {}): SimulationTrace {
  let clock = toMillis(options.start ?? Date.now());
  const engine = createEngine({
    workflows: [workflow],
    ...(options.calendars ? { calendars: options.calendars } : {}),
    ...(options.actions ? { actions: options.actions } : {}),
    now: () => clock,
  });
  const calendars = createCalendarRegistry([...(options.calendars ?? [])]);
  const entries: TraceEntry[] = [];
  const path: string[] = [];
  const record = (kind: TraceEntry['kind'], label: string, snapshot: CaseSnapshot, effects: Effect[], error?: unknown): void => {
    if (path[path.length - 1] !== snapshot.state) path.push(snapshot.state);
    entries.push({
      index: entries.length,
      kind,
      label,
      at: new Date(clock).toISOString(),
      state: snapshot.state,
      stateTitle: workflow.states[snapshot.state]?.title ?? { zh: snapshot.state, en: snapshot.state },
      status: snapshot.status,
      warning: snapshot.warning,
      effects,
      deadlines: snapshot.timers.map((t) => ({ ...t })),
      ...(error ? { error: isEngineError(error) ? { code: error.code, message: error.message } : { code: 'ERROR', message: String(error) } } : {}),
    });
  };
  const actor = options.actor ?? { id: 'sim-intake', roles: ['intake_operator'] };
  let { snapshot, effects } = engine.start({ key: workflow.key, version: workflow.version }, { data: options.data ?? {}, actor, channel: options.channel ?? 'walk_in' });
  record('start', workflow.initial, snapshot, effects);

  for (const step of steps) {
    if ('advance' in step) {
      const duration = parseDuration(step.advance);
      if (!duration) throw new EngineError('INVALID_DATA', `Simulation step advance ${JSON.stringify(step.advance)} is not a duration such as "2wd", "8wh" or "3d".`);
      const target = advance(calendars.get(workflow.calendar ?? DEFAULT_CALENDAR), duration.kind, clock, duration.ms);
      for (let due = engine.dueTimers(snapshot, target)[0]; due; due = engine.dueTimers(snapshot, target)[0]) {
        clock = Math.max(clock, Date.parse(due.dueAt));
        ({ snapshot, effects } = engine.fireTimer(snapshot, due.id, clock));
        record('timer', `${due.kind}:${due.id}`, snapshot, effects);
      }
      clock = target;
      record('advance', step.advance, snapshot, []);
      continue;
    }
    try {
      ({ snapshot, effects } = engine.apply(snapshot, { type: step.event, ...(step.data ? { data: step.data } : {}) }, actorFor(workflow, snapshot, step)));
      record('event', step.event, snapshot, effects);
    } catch (error) {
      if (!isEngineError(error)) throw error;
      record('event', step.event, snapshot, [], error);
    }
  }
  return { entries, path, snapshot };
}
