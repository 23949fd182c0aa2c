import type { BusinessCalendar, CalendarRegistry } from '../calendar/index.js';
import type { CompiledState, CompiledWorkflow } from '../compile/index.js';
import { EngineError } from '../errors/index.js';
import type { Effect } from './effect.js';
import type { ActiveTimer, CaseSnapshot } from './snapshot.js';

/**
 * What a step needs from the engine besides the case: calendars and registered actions.
 * @example
 * const env: StepEnvironment = { calendars: createCalendarRegistry(), actions: new Set(['send_sms']) };
 */
export interface StepEnvironment {
  calendars: CalendarRegistry;
}

/**
 * The working copy of a case during one step: a fresh snapshot object (never the caller's) and
 * the effects gathered so far.
 * @example
 * const draft = createDraft(snapshot, compiled, env, Date.now());
 */
export interface StepDraft {
  snapshot: CaseSnapshot;
  effects: Effect[];
  compiled: CompiledWorkflow;
  env: StepEnvironment;
  now: number;
  /** The sequence number this step gives the case; timers created now are named with it. */
  seq: number;
}

/**
 * Copies a snapshot into a draft deep enough that the step never mutates the caller's object.
 * @example
 * const draft = createDraft(snapshot, compiled, env, at);
 */
export function createDraft(snapshot: CaseSnapshot, compiled: CompiledWorkflow, env: StepEnvironment, now: number): StepDraft {
  const eventActors: Record<string, string[]> = {};
  for (const [event, actors] of Object.entries(snapshot.eventActors)) eventActors[event] = [...actors];
  // Spelled out rather than `{ ...snapshot, ... }`: V8 (Node 20) builds a literal of this many
  // properties far faster than it spreads one, and every step makes a draft.
  const copy: CaseSnapshot = {
    workflow: { key: snapshot.workflow.key, version: snapshot.workflow.version },
    state: snapshot.state,
    status: snapshot.status,
    data: { ...snapshot.data },
    warning: snapshot.warning,
    warningCauses: snapshot.warningCauses.map((c) => ({ ...c })),
    assignee: snapshot.assignee,
    handlers: [...snapshot.handlers],
    eventActors,
    channel: snapshot.channel,
    openedAt: snapshot.openedAt,
    updatedAt: snapshot.updatedAt,
    clock: snapshot.clock ? { ...snapshot.clock, pauses: snapshot.clock.pauses.map((p) => ({ ...p })) } : null,
    timers: snapshot.timers.map((t) => ({ ...t })),
    referrals: snapshot.referrals.map((r) => ({ ...r })),
    seq: snapshot.seq,
  };
  return { snapshot: copy, effects: [], compiled, env, now, seq: snapshot.seq + 1 };
}

/**
 * Returns the compiled state a draft is in, or throws INVALID_SNAPSHOT when the workflow lacks it.
 * @example
 * const state = currentState(draft);
 */
export function currentState(draft: StepDraft): CompiledState {
  return stateOf(draft.compiled, draft.snapshot.state);
}

/**
 * Returns a compiled state by id, or throws INVALID_SNAPSHOT naming the states that exist.
 * @example
 * stateOf(compiled, 'triage');
 */
export function stateOf(compiled: CompiledWorkflow, id: string): CompiledState {
  const state = compiled.states.get(id);
  if (!state) {
    throw new EngineError(
      'INVALID_SNAPSHOT',
      `The snapshot is in state ${JSON.stringify(id)}, which workflow "${compiled.ref.key}" v${compiled.ref.version} does not have; states are: ${[...compiled.states.keys()].join(', ')}. Migrate the case with a state map.`,
      { state: id },
    );
  }
  return state;
}

/**
 * Looks up a calendar for a draft, turning an unknown name into UNKNOWN_CALENDAR.
 * @example
 * const cal = calendarOf(draft, 'cn-mainland');
 */
export function calendarOf(draft: StepDraft, name: string): BusinessCalendar {
  if (!draft.env.calendars.has(name)) {
    throw new EngineError(
      'UNKNOWN_CALENDAR',
      `Calendar ${JSON.stringify(name)} is not registered; known calendars: ${draft.env.calendars.names().join(', ')}. Pass it to createEngine({ calendars }).`,
      { calendar: name },
    );
  }
  return draft.env.calendars.get(name);
}

/**
 * Formats epoch milliseconds as the ISO 8601 UTC text snapshots store.
 * @example
 * iso(0); // '1970-01-01T00:00:00.000Z'
 */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * Adds a timer to the draft and emits its scheduleTimer effect.
 * @example
 * scheduleTimer(draft, { id: 'triage.3.sla', kind: 'sla', state: 'triage', dueAt });
 */
export function scheduleTimer(draft: StepDraft, timer: ActiveTimer): void {
  draft.snapshot.timers.push(timer);
  draft.effects.push({ type: 'scheduleTimer', timer: { ...timer } });
}

/**
 * Removes the draft's timers that match and emits a cancelTimer effect for each.
 * @example
 * cancelTimers(draft, (t) => t.state === 'triage');
 */
export function cancelTimers(draft: StepDraft, match: (timer: ActiveTimer) => boolean): void {
  const keep: ActiveTimer[] = [];
  for (const timer of draft.snapshot.timers) {
    if (match(timer)) draft.effects.push({ type: 'cancelTimer', timerId: timer.id });
    else keep.push(timer);
  }
  draft.snapshot.timers = keep;
}
