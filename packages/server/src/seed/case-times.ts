import { advance, cnMainland } from '@shuoshi/engine';
import type { PlannedCase, PlannedStep } from './case-plan.js';

/**
 * The instant a step happens, given the instant of the step before.
 * @example
 * stepTime(Date.parse('2026-03-02T09:00:00+08:00'), hours(8)); // the next working day, 09:00
 */
export function stepTime(previous: number, after: PlannedStep['after']): number {
  return after.kind === 'natural' ? previous + after.ms : advance(cnMainland, 'working_hour', previous, after.ms);
}

/**
 * The instants of a plan's steps when it opens at `openedAt` (all of them, taken or not).
 * @example
 * stepTimes({ ...plan, openedAt })[0]; // when the first step happens
 */
export function stepTimes(plan: Pick<PlannedCase, 'steps' | 'openedAt'>): number[] {
  const times: number[] = [];
  let at = plan.openedAt;
  for (const { after } of plan.steps) {
    at = stepTime(at, after);
    times.push(at);
  }
  return times;
}

/**
 * The latest opening instant at which the plan's first `taken` steps are all done by `target`
 * (binary search: step instants only move later when the opening does).
 * @example
 * const openedAt = latestOpening(plan, 3, Date.now() - 2 * 86_400_000);
 */
export function latestOpening(plan: Pick<PlannedCase, 'steps'>, taken: number, target: number): number {
  const lastAt = (openedAt: number): number => (taken === 0 ? openedAt : (stepTimes({ steps: plan.steps.slice(0, taken), openedAt }).at(-1) ?? openedAt));
  let low = target - 400 * 86_400_000;
  let high = target;
  for (let i = 0; i < 40 && high - low > 60_000; i++) {
    const mid = Math.floor((low + high) / 2);
    if (lastAt(mid) <= target) low = mid;
    else high = mid;
  }
  return low;
}

/**
 * The instant `amount` of working or natural time before `at` (so that `amount` has passed by `at`).
 * @example
 * timeBefore(Date.now(), hours(6)); // six working hours ago
 */
export function timeBefore(at: number, amount: PlannedStep['after']): number {
  if (amount.kind === 'natural') return at - amount.ms;
  let low = at - amount.ms * 6 - 20 * 86_400_000;
  let high = at;
  for (let i = 0; i < 40 && high - low > 60_000; i++) {
    const mid = Math.floor((low + high) / 2);
    if (advance(cnMainland, 'working_hour', mid, amount.ms) <= at) low = mid;
    else high = mid;
  }
  return low;
}
