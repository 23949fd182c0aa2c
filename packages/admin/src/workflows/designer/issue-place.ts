import type { PathSegment, Transition, Workflow } from '@shuoshi/engine';
import { localize } from '../../i18n/use-localized.js';
import type { MessageRef } from './message-ref.js';

/**
 * The parts of the workflow, a state, a transition, a field and a warning rule that the
 * validation sentences name (each under its own `part_` family of the validation messages);
 * other keys name their owner.
 * @example
 * ISSUE_PARTS.state.includes('sla'); // true
 */
export const ISSUE_PARTS = {
  workflow: ['initial', 'calendar', 'title', 'description', 'key', 'version', 'category', 'extends', 'roles', 'agencies', 'actions', 'fields', 'states', 'warningRules', 'public'],
  state: ['title', 'description', 'roles', 'sla', 'warnings', 'onTimeout', 'referral', 'onEntry', 'tags', 'final', 'locked', 'transitions'],
  transition: ['event', 'label', 'target', 'roles', 'requires', 'clear', 'condition', 'separation', 'assign', 'clock'],
  field: ['type', 'label', 'description', 'required', 'pii', 'options', 'min', 'max', 'maxLength'],
  rule: ['title', 'when', 'level', 'notify'],
} as const satisfies Record<string, readonly string[]>;

type PartKind = keyof typeof ISSUE_PARTS;

function isPart(kind: PartKind, segment: PathSegment | undefined): segment is string {
  return typeof segment === 'string' && (ISSUE_PARTS[kind] as readonly string[]).includes(segment);
}

/**
 * The message naming one part (`shuoshi.validation.part_state.sla`: 办理时限).
 * @example
 * partRef('state', 'sla'); // { key: 'shuoshi.validation.part_state.sla' }
 */
export function partRef(kind: PartKind, part: string): MessageRef {
  return { key: `shuoshi.validation.part_${kind}.${part}`, fallback: part };
}

/**
 * An issue's path in the edited workflow's own terms: an overlay's problems found in the resolved
 * workflow come under `workflow.`, which is dropped.
 * @example
 * issuePath(['workflow', 'states', 'triage']); // ['states', 'triage']
 */
export function issuePath(segments: readonly PathSegment[]): PathSegment[] {
  return segments[0] === 'workflow' ? segments.slice(1) : [...segments];
}

/**
 * The transition a path names: by index (validation) or by event (an overlay's own paths).
 * @example
 * transitionAt(workflow, 'triage', 2); // { event: 'escalate', … }
 */
export function transitionAt(workflow: Workflow, state: string, which: PathSegment | undefined): Transition | undefined {
  const transitions = Object.hasOwn(workflow.states, state) ? workflow.states[state]?.transitions : undefined;
  if (!transitions || which === undefined) return undefined;
  return typeof which === 'number' ? transitions[which] : transitions.find((t) => t.event === which);
}

/**
 * How the sentences name the workflow's things: by title or label in the current language.
 * @example
 * const names: WorkflowNames = workflowNames(workflow, 'zh-CN');
 */
export interface WorkflowNames {
  state(id: string): string;
  event(transition: Transition | undefined, id: string): string;
  field(id: string): string;
  rule(id: string): string;
  entry(kind: 'roles' | 'agencies' | 'actions', id: string): string;
}

/**
 * Names of the workflow's things in a language: titles and labels where they exist, else the id.
 * @example
 * workflowNames(workflow, 'zh-CN').state('mediation'); // '调解'
 */
export function workflowNames(workflow: Workflow, locale: string): WorkflowNames {
  const own = <T>(record: Record<string, T> | undefined, id: string): T | undefined => (record && Object.hasOwn(record, id) ? record[id] : undefined);
  return {
    state: (id) => localize(own(workflow.states, id)?.title, locale) || id,
    event: (transition, id) => localize(transition?.label, locale) || transition?.event || id,
    field: (id) => localize(own(workflow.fields, id)?.label, locale) || id,
    rule: (id) => localize(own(workflow.warningRules, id)?.title, locale) || id,
    entry: (kind, id) => localize(own(workflow[kind], id)?.title, locale) || id,
  };
}

function statePlace(path: PathSegment[], id: string, workflow: Workflow, names: WorkflowNames): MessageRef {
  const [, , sub, index, part] = path;
  const state = names.state(id);
  if (sub === 'transitions' && index !== undefined) {
    const transition = transitionAt(workflow, id, index);
    if (transition || typeof index === 'string') {
      const event = names.event(transition, String(index));
      if (isPart('transition', part)) return { key: 'shuoshi.validation.place.transition_part', params: { state, event, part: partRef('transition', part) } };
      return { key: 'shuoshi.validation.place.transition', params: { state, event } };
    }
  }
  if (sub === 'warnings' && typeof index === 'number') return { key: 'shuoshi.validation.place.warning_step', params: { state, n: index + 1 } };
  if (sub === 'onEntry' && typeof index === 'number') return { key: 'shuoshi.validation.place.entry_effect', params: { state, n: index + 1 } };
  if (isPart('state', sub)) return { key: 'shuoshi.validation.place.state_part', params: { state, part: partRef('state', sub) } };
  return { key: 'shuoshi.validation.place.state', params: { state } };
}

/**
 * Where an issue is, as a message naming the most precise place the path gives: a state, one of
 * its events or parts, a field or one of its options, a warning rule, a workflow setting.
 * @example
 * issuePlace(['states', 'triage', 'transitions', 2, 'roles', 0], workflow, 'zh-CN'); // 环节“研判分流”的操作“升级”的可操作角色
 */
export function issuePlace(path: PathSegment[], workflow: Workflow, locale: string): MessageRef {
  const names = workflowNames(workflow, locale);
  const [head, id, sub, index] = path;
  if (head === 'states' && typeof id === 'string') return statePlace(path, id, workflow, names);
  if (head === 'fields' && typeof id === 'string') {
    const field = names.field(id);
    if (sub === 'options' && typeof index === 'number') return { key: 'shuoshi.validation.place.option', params: { field, n: index + 1 } };
    if (isPart('field', sub)) return { key: 'shuoshi.validation.place.field_part', params: { field, part: partRef('field', sub) } };
    return { key: 'shuoshi.validation.place.field', params: { field } };
  }
  if (head === 'warningRules' && typeof id === 'string') {
    const rule = names.rule(id);
    if (isPart('rule', sub)) return { key: 'shuoshi.validation.place.rule_part', params: { rule, part: partRef('rule', sub) } };
    return { key: 'shuoshi.validation.place.rule', params: { rule } };
  }
  if (typeof id === 'string') {
    if (head === 'roles') return { key: 'shuoshi.validation.place.role', params: { name: names.entry('roles', id) } };
    if (head === 'agencies') return { key: 'shuoshi.validation.place.agency', params: { name: names.entry('agencies', id) } };
    if (head === 'actions') return { key: 'shuoshi.validation.place.action', params: { name: names.entry('actions', id) } };
  }
  if (isPart('workflow', head)) return { key: 'shuoshi.validation.place.setting', params: { part: partRef('workflow', head) } };
  return { key: 'shuoshi.validation.place.workflow' };
}
