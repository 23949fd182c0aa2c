import type { Transition } from '../../definition/index.js';

/**
 * The 认领 transition: the sender takes the case and becomes its assignee; the case stays where it is.
 * @example
 * const mediation: StateDefinition = { title, transitions: [claimTransition(), ...others] };
 */
export function claimTransition(): Transition {
  return { event: 'claim', label: { zh: '认领', en: 'Claim' }, assign: 'actor' };
}
