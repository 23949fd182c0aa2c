import type { CompiledWorkflow } from '../compile/index.js';
import type { FieldType, LocalizedText } from '../definition/index.js';
import type { Actor } from './actor.js';
import { evaluateCondition, hasValue } from './evaluate-condition.js';
import { hasRole, separationProblem } from './permissions.js';
import type { CaseSnapshot } from './snapshot.js';
import { stateOf } from './step-draft.js';

/**
 * A field an event requires, with what a form needs to ask for it.
 * @example
 * const r: RequiredField = { field: 'satisfaction', type: 'rating', label: { zh: '满意度', en: 'Satisfaction' }, filled: false };
 */
export interface RequiredField {
  field: string;
  type: FieldType;
  label: LocalizedText;
  options?: Array<{ value: string; label: LocalizedText }>;
  pii: boolean;
  /** Whether the case already has a value for it. */
  filled: boolean;
}

/**
 * An event the actor may send now, as a button and a form.
 * @example
 * const e: AvailableEvent = { event: 'accept', label: { zh: '受理', en: 'Accept' }, target: 'triage', requires: [], conditionMet: true };
 */
export interface AvailableEvent {
  event: string;
  label: LocalizedText;
  /** The state it leads to; null when the case stays where it is. */
  target: string | null;
  targetTitle: LocalizedText | null;
  requires: RequiredField[];
  /** Whether the transition's condition holds on the current data (it may once the form is filled). */
  conditionMet: boolean;
  clock?: 'pause' | 'resume';
}

/**
 * Lists the events an actor may send in the case's current state (by role and separation of
 * duties), with the fields each requires; empty for a closed case.
 * @example
 * availableEvents(compiled, snapshot, { id: 'u1', roles: ['intake_operator'] });
 */
export function availableEvents(compiled: CompiledWorkflow, snapshot: CaseSnapshot, actor: Actor): AvailableEvent[] {
  if (snapshot.status === 'closed') return [];
  const state = stateOf(compiled, snapshot.state);
  const result: AvailableEvent[] = [];
  for (const transition of state.definition.transitions) {
    if (!hasRole(compiled, state, transition, actor, snapshot)) continue;
    if (separationProblem(transition, actor, snapshot)) continue;
    const requires = (state.requires.get(transition.event) ?? []).flatMap((id) => {
      const field = compiled.workflow.fields[id];
      if (!field) return [];
      return [{ field: id, type: field.type, label: field.label, ...(field.options ? { options: field.options } : {}), pii: field.pii === true, filled: hasValue(snapshot.data[id]) }];
    });
    const target = transition.target !== undefined && transition.target !== state.id ? transition.target : null;
    result.push({
      event: transition.event,
      label: transition.label,
      target,
      targetTitle: target ? (compiled.workflow.states[target]?.title ?? null) : null,
      requires,
      conditionMet: transition.condition ? evaluateCondition(transition.condition, snapshot.data) : true,
      ...(transition.clock ? { clock: transition.clock } : {}),
    });
  }
  return result;
}
