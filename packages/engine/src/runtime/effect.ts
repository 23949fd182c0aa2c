import type { LocalizedText, Recipients, WarningLevel } from '../definition/index.js';
import type { ActiveTimer, CaseSnapshot, WarningCause } from './snapshot.js';

/**
 * An effect a step asks the host to carry out; the engine runs none of them.
 * @example
 * for (const effect of effects) if (effect.type === 'scheduleTimer') store.schedule(effect.timer);
 */
export type Effect =
  | { type: 'scheduleTimer'; timer: ActiveTimer }
  | { type: 'cancelTimer'; timerId: string }
  | { type: 'notify'; to: Recipients; message: LocalizedText; reason: NotifyReason; state: string }
  | {
      type: 'refer';
      referralId: string;
      agency: string;
      state: string;
      replyDueAt: string;
      replyEvent: string;
      returnEvent?: string;
    }
  | { type: 'referralClosed'; referralId: string; agency: string; status: 'replied' | 'returned' | 'withdrawn' }
  | { type: 'requestFollowUp'; state: string; dueAt?: string }
  | { type: 'warningChanged'; from: WarningLevel; to: WarningLevel; causes: WarningCause[] }
  | { type: 'slaBreached'; state: string; dueAt: string }
  | { type: 'assigned'; from: string | null; to: string | null }
  | { type: 'stateChanged'; from: string | null; to: string; event: string | null }
  | { type: 'caseClosed'; state: string }
  | { type: 'migrated'; from: { key: string; version: number; state: string }; to: { key: string; version: number; state: string } }
  | { type: 'action'; name: string; params: Record<string, unknown>; state: string };

/**
 * Why a notification is sent.
 * @example
 * const r: NotifyReason = 'warning';
 */
export type NotifyReason = 'entry' | 'warning' | 'referralOverdue' | 'rule';

/**
 * The result of every step: the next snapshot and the effects to carry out.
 * @example
 * const { snapshot, effects }: StepResult = engine.apply(snapshot, event, actor);
 */
export interface StepResult {
  snapshot: CaseSnapshot;
  effects: Effect[];
}
