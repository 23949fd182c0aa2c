/**
 * Who sends an event: a staff user with roles, the worker, an agency, or the system.
 * @example
 * const actor: Actor = { id: 'u-17', roles: ['mediator'], name: '王玉琪' };
 */
export interface Actor {
  id: string;
  roles: readonly string[];
  name?: string;
  /** For an agency replying through its link: the agency's identifier. */
  agency?: string;
}

/**
 * The actor the engine uses for timers and automatic transitions.
 * @example
 * engine.fireTimer(snapshot, timerId, at); // acts as SYSTEM_ACTOR
 */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', roles: Object.freeze(['system']) });
