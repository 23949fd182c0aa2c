import { EngineError } from '../errors/index.js';
import type { Actor } from './actor.js';
import { enterState, exitState } from './enter-state.js';
import { takeTransition } from './machine-step.js';
import { closeReferrals } from './referrals.js';
import { settleWarning } from './settle-warning.js';
import { pauseClock, resumeClock } from './state-clock.js';
import { currentState, type StepDraft } from './step-draft.js';

const NON_STAFF = new Set(['worker', 'agency', 'system']);

/**
 * Tells whether an actor is union staff (has a role other than worker, agency or system).
 * @example
 * isStaff({ id: 'u1', roles: ['mediator'] }); // true
 */
export function isStaff(actor: Actor): boolean {
  return actor.roles.some((role) => !NON_STAFF.has(role));
}

function remember(draft: StepDraft, event: string, actor: Actor): void {
  const snapshot = draft.snapshot;
  if (isStaff(actor) && !snapshot.handlers.includes(actor.id)) snapshot.handlers.push(actor.id);
  if (draft.compiled.trackedEvents.has(event)) {
    const actors = snapshot.eventActors[event] ?? [];
    if (!actors.includes(actor.id)) actors.push(actor.id);
    snapshot.eventActors[event] = actors;
  }
}

/**
 * Sets the case's assignee, adds them to the handlers and emits `assigned` when it changes.
 * @example
 * setAssignee(draft, 'u-12');
 */
export function setAssignee(draft: StepDraft, assignee: string | null): void {
  const from = draft.snapshot.assignee;
  if (from === assignee) return;
  draft.snapshot.assignee = assignee;
  if (assignee !== null && !draft.snapshot.handlers.includes(assignee)) draft.snapshot.handlers.push(assignee);
  draft.effects.push({ type: 'assigned', from, to: assignee });
}

/**
 * Steps a draft through one already-checked event: runs the XState transition, carries out the
 * exit and entry actions it returns, the transition's clock and assignment, and settles the colour.
 * @example
 * runTransition(draft, { type: 'accept', data: {} }, actor);
 */
export function runTransition(draft: StepDraft, event: { type: string; data?: Record<string, unknown> }, actor: Actor): void {
  const state = currentState(draft);
  const definition = state.transitions.get(event.type);
  if (!definition) throw new EngineError('UNKNOWN_EVENT', `Event ${JSON.stringify(event.type)} is not accepted in state "${state.id}".`);
  const referral = state.definition.referral;
  // The reply closes the referral before the state is left, so that leaving does not withdraw it.
  if (referral?.replyEvent === event.type) closeReferrals(draft, state.id, 'replied');
  else if (referral?.returnEvent === event.type) closeReferrals(draft, state.id, 'returned');

  const step = takeTransition(draft.compiled.machine, state.id, definition, { type: event.type, ...(event.data ? { data: event.data } : {}) }, draft.snapshot.data);
  if (!step) {
    throw new EngineError('CONDITION_FAILED', `The condition of "${event.type}" in state "${state.id}" does not hold for the case data.`);
  }
  const actions = step.actions;
  draft.snapshot.data = step.data;
  if (definition.clear && definition.clear.length > 0) {
    const data = { ...draft.snapshot.data };
    for (const field of definition.clear) delete data[field];
    draft.snapshot.data = data;
  }
  for (const action of actions) {
    const target = (action.params as { state?: unknown } | undefined)?.state;
    if (typeof target !== 'string') continue;
    if (action.type === 'exit') exitState(draft, target);
    else if (action.type === 'enter') enterState(draft, target, event.type);
  }
  if (draft.snapshot.state === state.id && draft.snapshot.status === 'open') {
    if (definition.clock === 'pause') pauseClock(draft);
    else if (definition.clock === 'resume') resumeClock(draft, state);
  }
  remember(draft, event.type, actor);
  if (definition.assign === 'actor') setAssignee(draft, actor.id);
  else if (definition.assign === 'none') setAssignee(draft, null);
  settleWarning(draft);
}
