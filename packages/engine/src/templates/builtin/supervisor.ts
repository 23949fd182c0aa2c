import type { Recipients } from '../../definition/index.js';

/**
 * The supervisor (督办) as the recipient of a warning or an overdue referral.
 * @example
 * const step: LadderStep = { at: '100%', level: 'red', notify: SUPERVISOR };
 */
export const SUPERVISOR: Recipients = { roles: ['supervisor'] };
