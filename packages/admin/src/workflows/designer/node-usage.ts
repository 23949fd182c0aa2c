import type { Condition, Workflow } from '@shuoshi/engine';

/**
 * Why a node cannot be deleted yet: each entry a message key of `shuoshi.designer.usage.*` and
 * its values (the state, transition or rule that still needs it).
 * @example
 * const reason: Usage = { key: 'targeted_by', values: { state: '研判分流', event: '转调解' } };
 */
export type Usage = { key: 'initial' | 'targeted_by' | 'required_by' | 'condition_of' | 'agency_field_of' | 'rule_of' | 'cleared_by' | 'referral_of' | 'timeout_of'; values: Record<string, string> };

function conditionFields(condition: Condition | undefined, out: Set<string>): Set<string> {
  if (!condition) return out;
  if ('all' in condition) condition.all.forEach((c) => conditionFields(c, out));
  else if ('any' in condition) condition.any.forEach((c) => conditionFields(c, out));
  else if ('not' in condition) conditionFields(condition.not, out);
  else out.add(condition.field);
  return out;
}

/**
 * What still needs a state: being the initial state, or transitions of other states targeting it.
 * @example
 * stateUsage(workflow, 'mediation'); // [{ key: 'targeted_by', values: { state: 'triage', event: 'route_to_mediation' } }]
 */
export function stateUsage(workflow: Workflow, id: string): Usage[] {
  const out: Usage[] = [];
  if (workflow.initial === id) out.push({ key: 'initial', values: { state: id } });
  for (const [stateId, state] of Object.entries(workflow.states)) {
    if (stateId === id) continue;
    for (const transition of state.transitions) if (transition.target === id) out.push({ key: 'targeted_by', values: { state: stateId, event: transition.event } });
  }
  return out;
}

/**
 * What still needs a case field: transitions requiring, clearing or testing it, a referral's
 * agency field, a warning rule.
 * @example
 * fieldUsage(workflow, 'outcome'); // [{ key: 'required_by', values: { state: 'direct_handling', event: 'resolve' } }]
 */
export function fieldUsage(workflow: Workflow, id: string): Usage[] {
  const out: Usage[] = [];
  for (const [stateId, state] of Object.entries(workflow.states)) {
    if (state.referral?.agencyField === id) out.push({ key: 'agency_field_of', values: { state: stateId } });
    for (const transition of state.transitions) {
      const values = { state: stateId, event: transition.event };
      if (transition.requires?.includes(id)) out.push({ key: 'required_by', values });
      if (transition.clear?.includes(id)) out.push({ key: 'cleared_by', values });
      if (conditionFields(transition.condition, new Set()).has(id)) out.push({ key: 'condition_of', values });
    }
  }
  for (const [ruleId, rule] of Object.entries(workflow.warningRules ?? {})) if (conditionFields(rule.when, new Set()).has(id)) out.push({ key: 'rule_of', values: { rule: ruleId } });
  return out;
}

/**
 * An identifier not yet taken: the base itself, else the base with _2, _3...
 * @example
 * freshId('new_state', ['new_state']); // 'new_state_2'
 */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/**
 * What still needs a transition: the state's referral (its reply or return event) or time-out.
 * @example
 * transitionUsage(workflow, 'escalation', 'reply_received'); // [{ key: 'referral_of', values: { state: 'escalation' } }]
 */
export function transitionUsage(workflow: Workflow, state: string, event: string): Usage[] {
  const definition = workflow.states[state];
  const out: Usage[] = [];
  if (definition?.referral?.replyEvent === event || definition?.referral?.returnEvent === event) out.push({ key: 'referral_of', values: { state } });
  if (definition?.onTimeout?.event === event) out.push({ key: 'timeout_of', values: { state } });
  return out;
}

/**
 * The same usages with state ids and event names replaced by their titles, for messages.
 * @example
 * titledUsages(workflow, stateUsage(workflow, 'mediation'), (t) => t?.zh ?? ''); // values { state: '研判分流', event: '转调解' }
 */
export function titledUsages(workflow: Workflow, usages: readonly Usage[], localize: (text: { zh: string; en: string } | undefined) => string): Usage[] {
  return usages.map((usage) => {
    const values = { ...usage.values };
    const stateId = usage.values['state'];
    const state = stateId ? workflow.states[stateId] : undefined;
    if (stateId && state) values['state'] = localize(state.title) || stateId;
    const event = usage.values['event'];
    const transition = event ? state?.transitions.find((t) => t.event === event) : undefined;
    if (event && transition) values['event'] = localize(transition.label) || event;
    return { ...usage, values };
  });
}
