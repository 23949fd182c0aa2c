import type { Condition, Workflow } from '@shuoshi/engine';

/**
 * Why a node or a named entry cannot be deleted yet: each entry a message key of
 * `shuoshi.designer.usage.*` and its values (the state, event, rule, field or option that still
 * needs it; ids until `titledUsages` puts titles in their place).
 * @example
 * const reason: Usage = { key: 'targeted_by', values: { state: '研判分流', event: '转调解' } };
 */
export type Usage = {
  key:
    | 'initial'
    | 'targeted_by'
    | 'required_by'
    | 'condition_of'
    | 'agency_field_of'
    | 'rule_of'
    | 'cleared_by'
    | 'referral_of'
    | 'timeout_of'
    | 'state_roles'
    | 'transition_roles'
    | 'ladder_notify'
    | 'referral_notify'
    | 'entry_notify'
    | 'rule_notify'
    | 'referral_agency'
    | 'field_option'
    | 'entry_action';
  values: Record<string, string>;
};

/**
 * The kinds of named entries a workflow declares, as its keys.
 * @example
 * const kind: NamedEntryKind = 'agencies';
 */
export type NamedEntryKind = 'roles' | 'agencies' | 'actions';

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

function roleUsage(workflow: Workflow, id: string): Usage[] {
  const out: Usage[] = [];
  for (const [stateId, state] of Object.entries(workflow.states)) {
    const values = { state: stateId };
    if (state.roles?.includes(id)) out.push({ key: 'state_roles', values });
    for (const t of state.transitions) if (t.roles?.includes(id)) out.push({ key: 'transition_roles', values: { state: stateId, event: t.event } });
    if (state.warnings?.some((step) => step.notify?.roles?.includes(id))) out.push({ key: 'ladder_notify', values });
    if (state.referral?.notifyOverdue?.roles?.includes(id)) out.push({ key: 'referral_notify', values });
    if (state.onEntry?.some((effect) => effect.type === 'notify' && effect.to.roles?.includes(id))) out.push({ key: 'entry_notify', values });
  }
  for (const [ruleId, rule] of Object.entries(workflow.warningRules ?? {})) if (rule.notify?.roles?.includes(id)) out.push({ key: 'rule_notify', values: { rule: ruleId } });
  return out;
}

function agencyUsage(workflow: Workflow, id: string): Usage[] {
  const out: Usage[] = [];
  for (const [stateId, state] of Object.entries(workflow.states)) {
    const referral = state.referral;
    if (referral?.agency === id) out.push({ key: 'referral_agency', values: { state: stateId } });
    // A select field that picks the agency names agencies by its option values.
    const field = referral?.agencyField ? workflow.fields[referral.agencyField] : undefined;
    if (referral?.agencyField && field?.options?.some((o) => o.value === id)) out.push({ key: 'field_option', values: { field: referral.agencyField, option: id, state: stateId } });
  }
  return out;
}

/**
 * What still names a custom role, an agency or a host action: the states, events, ladders,
 * referrals, entry effects and rules that would point at nothing.
 * @example
 * entryUsage(workflow, 'agencies', 'people_congress_liaison'); // [{ key: 'referral_agency', values: { state: 'escalation' } }]
 */
export function entryUsage(workflow: Workflow, kind: NamedEntryKind, id: string): Usage[] {
  if (kind === 'roles') return roleUsage(workflow, id);
  if (kind === 'agencies') return agencyUsage(workflow, id);
  return Object.entries(workflow.states)
    .filter(([, state]) => state.onEntry?.some((effect) => effect.type === 'action' && effect.name === id))
    .map(([stateId]): Usage => ({ key: 'entry_action', values: { state: stateId } }));
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
 * The same usages with ids replaced by titles for messages: states, events, warning rules,
 * fields and a field's options.
 * @example
 * titledUsages(workflow, stateUsage(workflow, 'mediation'), (t) => t?.zh ?? ''); // values { state: '研判分流', event: '转调解' }
 */
export function titledUsages(workflow: Workflow, usages: readonly Usage[], localize: (text: { zh: string; en: string } | undefined) => string): Usage[] {
  return usages.map((usage) => {
    const values = { ...usage.values };
    const { state: stateId, event, rule: ruleId, field: fieldId, option: optionValue } = usage.values;
    const state = stateId ? workflow.states[stateId] : undefined;
    if (stateId && state) values['state'] = localize(state.title) || stateId;
    const transition = event ? state?.transitions.find((t) => t.event === event) : undefined;
    if (event && transition) values['event'] = localize(transition.label) || event;
    const rule = ruleId ? workflow.warningRules?.[ruleId] : undefined;
    if (ruleId && rule) values['rule'] = localize(rule.title) || ruleId;
    const field = fieldId ? workflow.fields[fieldId] : undefined;
    if (fieldId && field) values['field'] = localize(field.label) || fieldId;
    const option = optionValue ? field?.options?.find((o) => o.value === optionValue) : undefined;
    if (optionValue && option) values['option'] = localize(option.label) || optionValue;
    return { ...usage, values };
  });
}
