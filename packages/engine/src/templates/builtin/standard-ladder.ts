import type { LadderStep, Recipients } from '../../definition/index.js';
import { SUPERVISOR } from './supervisor.js';

/**
 * The standard warning ladder of a state with an SLA: yellow at 80%, red at 100% telling `redNotify`
 * (the supervisor unless a template names others).
 * @example
 * const triage: StateDefinition = { title, sla: { within: '1wd' }, warnings: standardLadder(), transitions };
 */
export function standardLadder(redNotify: Recipients = SUPERVISOR): LadderStep[] {
  // Yellow gives the handler notice before the deadline; red is a breach the supervisor (督办) must see.
  return [
    { at: '80%', level: 'yellow' },
    { at: '100%', level: 'red', notify: redNotify },
  ];
}
