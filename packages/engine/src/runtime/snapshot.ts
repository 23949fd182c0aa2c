import type { WarningLevel } from '../definition/index.js';

/**
 * Kinds of timers a case can have.
 * @example
 * const k: TimerKind = 'warning';
 */
export type TimerKind = 'warning' | 'sla' | 'timeout' | 'referral';

/**
 * An active timer with an absolute due time (ISO 8601, UTC).
 * @example
 * const t: ActiveTimer = { id: 'mediation#3:sla', kind: 'sla', state: 'mediation', dueAt: '2025-10-11T02:00:00.000Z' };
 */
export interface ActiveTimer {
  id: string;
  kind: TimerKind;
  state: string;
  dueAt: string;
  /** For warning timers: the colour it raises. */
  level?: 'yellow' | 'red';
  /** For warning timers: the ladder step's index. */
  step?: number;
  /** For timeout timers: the event sent. For referral timers: the referral id. */
  ref?: string;
}

/**
 * The SLA clock of the current state: when it was entered and when it was paused; every
 * deadline is computed from these on the state's calendar.
 * @example
 * const c: StateClock = { state: 'mediation', enteredAt: '2025-09-30T02:00:00.000Z', calendar: 'cn-mainland', pauses: [] };
 */
export interface StateClock {
  state: string;
  enteredAt: string;
  calendar: string;
  /** Pauses in this state; the last one is open (`to: null`) while the clock is paused. */
  pauses: Array<{ from: string; to: string | null }>;
  /** The SLA deadline as it stands (null while paused or without an SLA). */
  dueAt: string | null;
  /** Set once the SLA has run out in this state. */
  breachedAt?: string;
}

/**
 * A referral sent to an outside agency and its reply.
 * @example
 * const r: ReferralRecord = { id: 'r1', agency: 'transport_group', state: 'escalation', sentAt: '...', replyDueAt: '...', status: 'awaiting' };
 */
export interface ReferralRecord {
  id: string;
  agency: string;
  state: string;
  sentAt: string;
  replyDueAt: string;
  status: 'awaiting' | 'replied' | 'returned' | 'withdrawn';
  overdue: boolean;
  closedAt?: string;
}

/**
 * Why the case has its warning colour.
 * @example
 * const c: WarningCause = { source: 'rule', id: 'many_workers', level: 'red' };
 */
export interface WarningCause {
  source: 'ladder' | 'rule' | 'referral';
  /** Rule id, ladder step (`state#index`) or referral id. */
  id: string;
  level: 'yellow' | 'red';
}

/**
 * A case's whole state as plain JSON: what a host stores and hands back to step it.
 * @example
 * const json = JSON.stringify(snapshot); // survives the round-trip unchanged
 */
export interface CaseSnapshot {
  workflow: { key: string; version: number };
  state: string;
  status: 'open' | 'closed';
  data: Record<string, unknown>;
  warning: WarningLevel;
  warningCauses: WarningCause[];
  assignee: string | null;
  /** Staff who acted on the case or were assigned to it (for separation of duties). */
  handlers: string[];
  /** Actors of events that some transition's `notActorOf` names, by event. */
  eventActors: Record<string, string[]>;
  channel: string;
  openedAt: string;
  updatedAt: string;
  clock: StateClock | null;
  timers: ActiveTimer[];
  referrals: ReferralRecord[];
  /** Number of steps applied; the host can use it as the case version. */
  seq: number;
}
