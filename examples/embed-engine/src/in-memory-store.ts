import { toMillis, type ActiveTimer, type Actor, type CaseSnapshot, type Effect, type Instant, type StepResult } from '@shuoshi/engine';
import { StaleSaveError } from './stale-save-error.js';

/**
 * What caused a step, as the host records it on the timeline.
 * @example
 * const cause: TimelineCause = { kind: 'event', label: 'accept', actor: { id: 'op-chen', roles: ['intake_operator'] } };
 */
export interface TimelineCause {
  kind: 'opened' | 'event' | 'timer';
  /** The channel the matter came in by, the event sent, or the id of the timer fired. */
  label: string;
  actor: Actor;
  /** For a fired timer: the timer as it was scheduled. */
  timer?: ActiveTimer;
}

/**
 * One saved step of a case: its cause, where the case stands after it, and the effects it asked for.
 * @example
 * store.timeline('NH-0001').map((entry) => `${entry.at} ${entry.label} -> ${entry.state}`);
 */
export interface TimelineEntry extends TimelineCause {
  caseId: string;
  /** The case version this step produced. */
  seq: number;
  at: string;
  state: string;
  status: CaseSnapshot['status'];
  warning: CaseSnapshot['warning'];
  effects: Effect[];
}

/**
 * A timer the store keeps for a case until it fires or is cancelled.
 * @example
 * for (const { caseId, timer } of store.dueTimers(Date.now())) fire(caseId, timer.id);
 */
export interface ScheduledTimer {
  caseId: string;
  timer: ActiveTimer;
}

/**
 * An effect waiting for the host's workers (notifications, referrals, follow-ups...).
 * @example
 * store.outbox().filter((m) => m.effect.type === 'refer');
 */
export interface OutboxMessage {
  caseId: string;
  seq: number;
  effect: Effect;
}

const timerKey = (caseId: string, timerId: string): string => `${caseId}\u0000${timerId}`;

/**
 * The smallest case store a host would write around the engine: snapshots with an optimistic
 * version check on `seq`, a timeline, the timers the effects schedule and cancel, and an outbox
 * of every other effect. In a database, one `save` is one transaction.
 * @example
 * const store = new InMemoryStore();
 * store.create('NH-0001', engine.start(ref, options), { kind: 'opened', label: 'phone', actor });
 * const snapshot = store.load('NH-0001');
 * store.save('NH-0001', snapshot.seq, engine.apply(snapshot, { type: 'accept' }, actor), { kind: 'event', label: 'accept', actor });
 */
export class InMemoryStore {
  // Snapshots are kept as JSON text, as a database column would keep them: no caller ever shares
  // an object with the store, and a snapshot that does not survive JSON would show up at once.
  readonly #cases = new Map<string, string>();
  readonly #timeline: TimelineEntry[] = [];
  readonly #timers = new Map<string, ScheduledTimer>();
  readonly #outbox: OutboxMessage[] = [];

  /** Stores a case just opened with `engine.start`; refuses an id already taken. */
  create(caseId: string, step: StepResult, cause: TimelineCause): TimelineEntry {
    if (this.#cases.has(caseId)) throw new Error(`Case "${caseId}" already exists in the store; open the new case under another id.`);
    return this.#commit(caseId, step, cause);
  }

  /** Returns the stored snapshot of a case (a fresh copy each time). */
  load(caseId: string): CaseSnapshot {
    const json = this.#cases.get(caseId);
    if (json === undefined) {
      throw new Error(`Case "${caseId}" is not in the store; stored cases: ${[...this.#cases.keys()].join(', ') || 'none'}. Open it with store.create first.`);
    }
    return JSON.parse(json) as CaseSnapshot;
  }

  /**
   * Saves a step computed from version `expectedSeq` of the case; throws StaleSaveError when the
   * store holds another version, so two people acting on one case cannot overwrite each other.
   */
  save(caseId: string, expectedSeq: number, step: StepResult, cause: TimelineCause): TimelineEntry {
    const storedSeq = this.load(caseId).seq;
    if (storedSeq !== expectedSeq) throw new StaleSaveError(caseId, expectedSeq, storedSeq);
    return this.#commit(caseId, step, cause);
  }

  /** Lists the timers due at or before `at`, earliest first, across every case. */
  dueTimers(at: Instant): ScheduledTimer[] {
    const limit = toMillis(at);
    return this.timers().filter(({ timer }) => Date.parse(timer.dueAt) <= limit);
  }

  /** Lists the scheduled timers, earliest first, of one case or of all. */
  timers(caseId?: string): ScheduledTimer[] {
    return [...this.#timers.values()]
      .filter((scheduled) => caseId === undefined || scheduled.caseId === caseId)
      .sort((a, b) => Date.parse(a.timer.dueAt) - Date.parse(b.timer.dueAt))
      .map((scheduled) => structuredClone(scheduled));
  }

  /** Forgets a timer the engine said it no longer has (fireTimer returned the snapshot unchanged). */
  discardTimer(caseId: string, timerId: string): void {
    this.#timers.delete(timerKey(caseId, timerId));
  }

  /** Returns the timeline of one case or of all, oldest first. */
  timeline(caseId?: string): TimelineEntry[] {
    return this.#timeline.filter((entry) => caseId === undefined || entry.caseId === caseId).map((entry) => structuredClone(entry));
  }

  /** Returns the effects waiting for the host's workers, oldest first. */
  outbox(): OutboxMessage[] {
    return this.#outbox.map((message) => structuredClone(message));
  }

  #commit(caseId: string, { snapshot, effects }: StepResult, cause: TimelineCause): TimelineEntry {
    this.#cases.set(caseId, JSON.stringify(snapshot));
    // A fired timer is used up: the engine drops it from the snapshot without a cancelTimer effect.
    if (cause.timer) this.#timers.delete(timerKey(caseId, cause.timer.id));
    for (const effect of effects) {
      if (effect.type === 'scheduleTimer') this.#timers.set(timerKey(caseId, effect.timer.id), { caseId, timer: { ...effect.timer } });
      else if (effect.type === 'cancelTimer') this.#timers.delete(timerKey(caseId, effect.timerId));
      else this.#outbox.push({ caseId, seq: snapshot.seq, effect: structuredClone(effect) });
    }
    const entry: TimelineEntry = {
      caseId,
      seq: snapshot.seq,
      at: snapshot.updatedAt,
      kind: cause.kind,
      label: cause.label,
      actor: { ...cause.actor, roles: [...cause.actor.roles] },
      ...(cause.timer ? { timer: { ...cause.timer } } : {}),
      state: snapshot.state,
      status: snapshot.status,
      warning: snapshot.warning,
      effects: structuredClone(effects),
    };
    this.#timeline.push(entry);
    return structuredClone(entry);
  }
}
