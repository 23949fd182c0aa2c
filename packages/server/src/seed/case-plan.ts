/**
 * Who sends a planned step: staff with one of `roles` (the nearest union up the tree that has
 * one; `slot` picks a second or third colleague), the worker, an outside agency, or nobody's
 * step at all (`wait`, which only lets time pass).
 * @example
 * const spec: ActorSpec = { roles: ['mediator', 'township_admin'] };
 */
export type ActorSpec = { roles: readonly string[]; slot?: number } | { worker: true } | { agency: string };

/**
 * One step of a planned case: an event sent some working hours (or natural time) after the
 * previous step.
 * @example
 * const step: PlannedStep = { event: 'accept', actor: { roles: ['intake_operator'] }, after: { kind: 'working_hour', ms: 7_200_000 } };
 */
export interface PlannedStep {
  /** The event to send; `null` lets time pass without an event (so timers can fire). */
  event: string | null;
  actor: ActorSpec;
  data?: Record<string, unknown> | ((at: number) => Record<string, unknown>);
  after: { kind: 'working_hour' | 'natural'; ms: number };
}

/**
 * A case the demo opens: where, on which workflow, how it came in, what was said, the steps that
 * follow, and how many of them happen before the demo's "now".
 * @example
 * const plan: PlannedCase = { tenant: 'chalu', workflow: { tenant: 'chalu', key: 'chalu-truckers-corner', version: 1 }, ... };
 */
export interface PlannedCase {
  tenant: string;
  workflow: { tenant: string; key: string; version: number };
  channel: string;
  opener: ActorSpec;
  openData: Record<string, unknown>;
  enterpriseId: string | null;
  steps: PlannedStep[];
  /** How many steps are taken; the rest never happen (the case stalls there). */
  stopAfter: number;
  openedAt: number;
  /** Seeds the choice of staff acting on the case, so a re-walk casts the same people. */
  actorSeed: number;
}

/**
 * Shorthand for a planned step.
 * @example
 * step('accept', { roles: ['intake_operator'] }, hours(2));
 */
export function step(event: string | null, actor: ActorSpec, after: PlannedStep['after'], data?: PlannedStep['data']): PlannedStep {
  return { event, actor, after, ...(data ? { data } : {}) };
}

/**
 * A delay in working hours (08:30-12:00 and 13:30-17:30 on working days of cn-mainland).
 * @example
 * hours(8); // one working day
 */
export function hours(count: number): PlannedStep['after'] {
  return { kind: 'working_hour', ms: Math.round(count * 3_600_000) };
}

/**
 * A delay in natural days.
 * @example
 * days(16); // the labour-mediation timeout has run out by then
 */
export function days(count: number): PlannedStep['after'] {
  return { kind: 'natural', ms: Math.round(count * 86_400_000) };
}
