import type { CompiledState, CompiledWorkflow } from '../compile/index.js';
import type { Transition } from '../definition/index.js';
import type { Actor } from './actor.js';
import type { CaseSnapshot } from './snapshot.js';

/**
 * Lists the roles that may send a transition: its own, else its state's, else every staff role.
 * @example
 * allowedRoles(compiled, state, transition); // ['intake_operator', 'township_admin']
 */
export function allowedRoles(compiled: CompiledWorkflow, state: CompiledState, transition: Transition): readonly string[] {
  return transition.roles ?? state.definition.roles ?? compiled.staffRoles;
}

/**
 * Tells whether the actor may send the transition by role; an agency may also send the reply
 * and return events of a referral awaiting its answer.
 * @example
 * hasRole(compiled, state, transition, actor, snapshot); // true
 */
export function hasRole(
  compiled: CompiledWorkflow,
  state: CompiledState,
  transition: Transition,
  actor: Actor,
  snapshot: CaseSnapshot,
): boolean {
  const roles = allowedRoles(compiled, state, transition);
  if (actor.roles.some((role) => roles.includes(role))) return true;
  const referral = state.definition.referral;
  if (!referral || actor.agency === undefined || !actor.roles.includes('agency')) return false;
  if (transition.event !== referral.replyEvent && transition.event !== referral.returnEvent) return false;
  return snapshot.referrals.some((r) => r.state === state.id && r.status === 'awaiting' && r.agency === actor.agency);
}

/**
 * Returns why separation of duties forbids the actor this transition, or undefined when it does not.
 * @example
 * separationProblem(transition, actor, snapshot); // 'you have handled this case'
 */
export function separationProblem(transition: Transition, actor: Actor, snapshot: CaseSnapshot): string | undefined {
  const rule = transition.separation;
  if (!rule) return undefined;
  if (rule.notHandler && (snapshot.handlers.includes(actor.id) || snapshot.assignee === actor.id)) {
    return `"${actor.id}" has handled this case (acted on it or was assigned to it), and "${transition.event}" must be done by someone independent`;
  }
  for (const event of rule.notActorOf ?? []) {
    if (snapshot.eventActors[event]?.includes(actor.id)) {
      return `"${actor.id}" sent "${event}" on this case, and "${transition.event}" must be done by someone else`;
    }
  }
  return undefined;
}
