import type { LadderStep, Recipients } from '../../definition/index.js';
import { SUPERVISOR } from './supervisor.js';

/**
 * A one-step warning ladder: yellow when the state's SLA runs out, telling `notify` (the supervisor
 * unless a template names others). For steps where a late case wants a nudge, not a breach.
 * @example
 * const intake: StateDefinition = { title, sla: { within: '1wd' }, warnings: yellowAtDeadline(), transitions };
 */
export function yellowAtDeadline(notify: Recipients = SUPERVISOR): LadderStep[] {
  return [{ at: '100%', level: 'yellow', notify }];
}
