import type { StateDefinition } from '../../definition/index.js';
import { ADMINS } from './admins.js';

/**
 * The archive every built-in template ends in (归档): final, owned by the admins; `locked` keeps an
 * overlay from changing or removing it.
 * @example
 * const states = { ...others, closed: closedState({ locked: true }) };
 */
export function closedState(options: { locked?: boolean } = {}): StateDefinition {
  return {
    title: { zh: '归档', en: 'Closed' },
    roles: ADMINS,
    final: true,
    ...(options.locked ? { locked: true } : {}),
    transitions: [],
  };
}
