import type { CompiledWorkflow } from '../compile/index.js';
import type { Transition } from '../definition/index.js';
import { EngineError } from '../errors/index.js';
import type { Actor } from './actor.js';
import { availableEvents } from './available-events.js';
import { describeCondition } from './describe-condition.js';
import { evaluateCondition, hasValue } from './evaluate-condition.js';
import { mergeData } from './merge-data.js';
import { allowedRoles, hasRole, separationProblem } from './permissions.js';
import type { CaseSnapshot } from './snapshot.js';
import { stateOf } from './step-draft.js';
import { validateData } from './validate-data.js';

/**
 * An event sent to a case: its name and the data it adds or changes (`null` clears a field).
 * @example
 * const e: CaseEvent = { type: 'rate', data: { satisfaction: 5 } };
 */
export interface CaseEvent {
  type: string;
  data?: Record<string, unknown>;
}

function youMaySend(compiled: CompiledWorkflow, snapshot: CaseSnapshot, actor: Actor): string {
  const names = availableEvents(compiled, snapshot, actor).map((e) => e.event);
  return names.length > 0 ? `Events you may send there: ${names.join(', ')}.` : `You may send no event there with roles [${actor.roles.join(', ')}].`;
}

/**
 * Checks an event against the case and the actor, in a fixed order (closed, known, role,
 * separation of duties, data, required fields, condition), and returns the transition and the checked data;
 * every refusal is an EngineError whose message names what would be allowed instead.
 * @example
 * const { transition, patch } = checkEvent(compiled, snapshot, { type: 'accept' }, actor);
 */
export function checkEvent(
  compiled: CompiledWorkflow,
  snapshot: CaseSnapshot,
  event: CaseEvent,
  actor: Actor,
): { transition: Transition; patch: Record<string, unknown> | undefined } {
  const state = stateOf(compiled, snapshot.state);
  const where = `state "${state.id}" (${state.definition.title.zh} / ${state.definition.title.en})`;
  if (snapshot.status === 'closed') {
    throw new EngineError('CASE_CLOSED', `The case is closed in ${where} and accepts no events; open a new case or, if the workflow allows, reopen it from its follow-up.`, { state: state.id });
  }
  if (typeof event.type !== 'string' || event.type === '') {
    throw new EngineError('UNKNOWN_EVENT', `The event has no name (type ${JSON.stringify(event.type)}). ${youMaySend(compiled, snapshot, actor)}`, { available: availableEvents(compiled, snapshot, actor).map((e) => e.event) });
  }
  const transition = state.transitions.get(event.type);
  if (!transition) {
    throw new EngineError('UNKNOWN_EVENT', `Event ${JSON.stringify(event.type)} is not accepted in ${where}. ${youMaySend(compiled, snapshot, actor)}`, {
      event: event.type,
      available: availableEvents(compiled, snapshot, actor).map((e) => e.event),
    });
  }
  if (!hasRole(compiled, state, transition, actor, snapshot)) {
    const roles = allowedRoles(compiled, state, transition);
    throw new EngineError('NOT_ALLOWED', `Roles [${actor.roles.join(', ')}] may not send "${event.type}" in ${where}; it needs one of: ${roles.join(', ')}. ${youMaySend(compiled, snapshot, actor)}`, {
      event: event.type,
      roles,
      available: availableEvents(compiled, snapshot, actor).map((e) => e.event),
    });
  }
  const separation = separationProblem(transition, actor, snapshot);
  if (separation) {
    throw new EngineError('SEPARATION_OF_DUTIES', `Separation of duties: ${separation}. Ask a colleague who has not handled it to send "${event.type}".`, { event: event.type });
  }
  const patch = validateData(compiled, event.data);
  const merged = mergeData(snapshot.data, patch);
  const missing = (state.requires.get(event.type) ?? []).filter((field) => !hasValue(merged[field]));
  if (missing.length > 0) {
    const labels = missing.map((f) => `${f} (${compiled.workflow.fields[f]?.label.zh ?? f})`).join(', ');
    throw new EngineError('MISSING_FIELDS', `"${event.type}" requires ${labels}; send them in the event's data.`, { event: event.type, missing });
  }
  if (transition.condition && !evaluateCondition(transition.condition, merged)) {
    const others = availableEvents(compiled, { ...snapshot, data: merged }, actor)
      .filter((e) => e.conditionMet && e.event !== event.type)
      .map((e) => e.event);
    throw new EngineError(
      'CONDITION_FAILED',
      `"${event.type}" needs ${describeCondition(transition.condition)}, which the case data does not meet. ${others.length > 0 ? `Events whose conditions hold: ${others.join(', ')}.` : 'Change the data so the condition holds.'}`,
      { event: event.type, condition: transition.condition, available: others },
    );
  }
  return { transition, patch };
}
