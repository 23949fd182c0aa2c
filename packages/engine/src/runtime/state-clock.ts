import { advance, elapsed, type TimeKind } from '../calendar/index.js';
import type { CompiledState } from '../compile/index.js';
import { calendarOf, cancelTimers, iso, scheduleTimer, type StepDraft } from './step-draft.js';
import type { StateClock } from './snapshot.js';

function consumed(draft: StepDraft, clock: StateClock, kind: TimeKind): number {
  const calendar = calendarOf(draft, clock.calendar);
  let total = elapsed(calendar, kind, Date.parse(clock.enteredAt), draft.now);
  for (const pause of clock.pauses) {
    const to = pause.to === null ? draft.now : Date.parse(pause.to);
    total -= elapsed(calendar, kind, Date.parse(pause.from), to);
  }
  return Math.max(0, total);
}

function isClockTimer(state: string) {
  return (timer: { state: string; kind: string }) => timer.state === state && timer.kind !== 'referral';
}

/**
 * Schedules the state's deadlines that have not yet passed, from the time its clock has left.
 * @example
 * scheduleClockTargets(draft, compiledState);
 */
export function scheduleClockTargets(draft: StepDraft, state: CompiledState): void {
  const clock = draft.snapshot.clock;
  if (!clock) return;
  const calendar = calendarOf(draft, clock.calendar);
  clock.dueAt = null;
  for (const target of state.targets) {
    if (target.timerKind === 'warning' && draft.snapshot.warningCauses.some((c) => c.source === 'ladder' && c.id === `${state.id}#${target.step}`)) continue;
    if (target.timerKind === 'sla' && clock.breachedAt) continue;
    const left = Math.max(0, target.ms - consumed(draft, clock, target.kind));
    const dueAt = iso(advance(calendar, target.kind, draft.now, left));
    if (target.timerKind === 'sla') clock.dueAt = dueAt;
    scheduleTimer(draft, {
      id: `${state.id}.${draft.seq}.${target.suffix}`,
      kind: target.timerKind,
      state: state.id,
      dueAt,
      ...(target.level ? { level: target.level } : {}),
      ...(target.step !== undefined ? { step: target.step } : {}),
      ...(target.ref ? { ref: target.ref } : {}),
    });
  }
}

/**
 * Starts the clock of a state being entered (when it has an SLA, a ladder or a timeout).
 * @example
 * startClock(draft, compiledState);
 */
export function startClock(draft: StepDraft, state: CompiledState): void {
  if (!state.clocked) {
    draft.snapshot.clock = null;
    return;
  }
  calendarOf(draft, state.calendar);
  draft.snapshot.clock = { state: state.id, enteredAt: iso(draft.now), calendar: state.calendar, pauses: [], dueAt: null };
  scheduleClockTargets(draft, state);
}

/**
 * Stops the clock of a state being left and cancels its deadlines.
 * @example
 * stopClock(draft, 'mediation');
 */
export function stopClock(draft: StepDraft, state: string): void {
  cancelTimers(draft, isClockTimer(state));
  draft.snapshot.clock = null;
}

/**
 * Pauses the current state's clock (waiting on the worker or an outside body); a paused clock stays paused.
 * @example
 * pauseClock(draft);
 */
export function pauseClock(draft: StepDraft): void {
  const clock = draft.snapshot.clock;
  if (!clock || clock.pauses.some((p) => p.to === null)) return;
  cancelTimers(draft, isClockTimer(clock.state));
  clock.pauses.push({ from: iso(draft.now), to: null });
  clock.dueAt = null;
}

/**
 * Resumes a paused clock and schedules the deadlines again with the time that was left.
 * @example
 * resumeClock(draft, compiledState);
 */
export function resumeClock(draft: StepDraft, state: CompiledState): void {
  const clock = draft.snapshot.clock;
  const open = clock?.pauses.find((p) => p.to === null);
  if (!clock || !open) return;
  open.to = iso(draft.now);
  scheduleClockTargets(draft, state);
}

/**
 * Tells whether the current state's clock is paused.
 * @example
 * isPaused(snapshot.clock); // false
 */
export function isPaused(clock: StateClock | null): boolean {
  return clock !== null && clock.pauses.some((p) => p.to === null);
}
