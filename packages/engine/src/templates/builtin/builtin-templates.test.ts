import { describe, expect, it } from 'vitest';
import {
  BUILTIN_ROLES,
  PSEUDO_ROLES,
  workflowSchema,
  type Condition,
  type FieldComparison,
  type Workflow,
} from '../../definition/index.js';
import { BUILTIN_TEMPLATES, unionGrievance } from './index.js';

const HAN = /\p{Script=Han}/u;

// Which operators fit which field type, as the workflow language defines them.
const NUMERIC_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'exists', 'not_exists'];
const OPS_BY_TYPE: Record<string, string[]> = {
  number: NUMERIC_OPS,
  integer: NUMERIC_OPS,
  money: NUMERIC_OPS,
  rating: NUMERIC_OPS,
  date: NUMERIC_OPS,
  datetime: NUMERIC_OPS,
  text: ['eq', 'ne', 'in', 'not_in', 'contains', 'exists', 'not_exists'],
  longtext: ['eq', 'ne', 'in', 'not_in', 'contains', 'exists', 'not_exists'],
  phone: ['eq', 'ne', 'in', 'not_in', 'contains', 'exists', 'not_exists'],
  boolean: ['eq', 'ne', 'exists', 'not_exists'],
  select: ['eq', 'ne', 'in', 'not_in', 'exists', 'not_exists'],
  multiselect: ['contains', 'exists', 'not_exists'],
};

function comparisons(condition: Condition): FieldComparison[] {
  if ('all' in condition) return condition.all.flatMap(comparisons);
  if ('any' in condition) return condition.any.flatMap(comparisons);
  if ('not' in condition) return comparisons(condition.not);
  return [condition];
}

function localizedTexts(value: unknown, path: string, out: Array<{ path: string; text: Record<string, unknown> }>): void {
  if (Array.isArray(value)) value.forEach((item, index) => localizedTexts(item, `${path}[${index}]`, out));
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('zh' in record || 'en' in record) out.push({ path, text: record });
    else for (const [key, child] of Object.entries(record)) localizedTexts(child, `${path}.${key}`, out);
  }
}

// States reachable from `from` following transitions forwards (or backwards when `reverse`).
function walk(workflow: Workflow, from: string[], reverse = false): Set<string> {
  const edges = new Map<string, string[]>();
  for (const [id, state] of Object.entries(workflow.states)) {
    for (const { target } of state.transitions) {
      if (!target) continue;
      const [a, b] = reverse ? [target, id] : [id, target];
      edges.set(a, [...(edges.get(a) ?? []), b]);
    }
  }
  const seen = new Set(from);
  const queue = [...from];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const to of edges.get(next) ?? []) if (!seen.has(to)) seen.add(to), queue.push(to);
  }
  return seen;
}

// Cross-references the schema cannot check; returns every problem as `path: message`.
function problems(workflow: Workflow): string[] {
  const found: string[] = [];
  const { fields, states } = workflow;
  const roles = new Set<string>([...BUILTIN_ROLES, ...PSEUDO_ROLES, ...Object.keys(workflow.roles ?? {})]);
  const agencies = new Set(Object.keys(workflow.agencies ?? {}));
  const events = new Set(Object.values(states).flatMap((s) => s.transitions.map((t) => t.event)));
  const usedRoles = new Set<string>();
  const usedAgencies = new Set<string>();
  const checkRoles = (path: string, list: string[] | undefined): void => {
    for (const role of list ?? []) {
      usedRoles.add(role);
      if (!roles.has(role)) found.push(`${path}: unknown role "${role}"`);
    }
  };
  const checkCondition = (path: string, condition: Condition | undefined): void => {
    if (!condition) return;
    for (const { field, op, value } of comparisons(condition)) {
      const definition = fields[field];
      if (!definition) found.push(`${path}: unknown field "${field}"`);
      else if (!OPS_BY_TYPE[definition.type]?.includes(op)) found.push(`${path}: "${op}" does not fit ${definition.type} "${field}"`);
      else if (definition.options) {
        const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
        for (const v of values) {
          if (!definition.options.some((o) => o.value === v)) found.push(`${path}: "${String(v)}" is not an option of "${field}"`);
        }
      }
    }
  };
  if (!states[workflow.initial]) found.push(`initial: unknown state "${workflow.initial}"`);
  for (const [id, rule] of Object.entries(workflow.warningRules ?? {})) {
    checkCondition(`warningRules.${id}.when`, rule.when);
    checkRoles(`warningRules.${id}.notify`, rule.notify?.roles);
  }
  for (const [id, state] of Object.entries(states)) {
    const at = `states.${id}`;
    const own = state.transitions.map((t) => t.event);
    if (!state.roles?.length) found.push(`${at}: no roles`);
    checkRoles(`${at}.roles`, state.roles);
    if (state.final && own.length > 0) found.push(`${at}: a final state has transitions`);
    if (new Set(own).size !== own.length) found.push(`${at}: duplicate events ${own.join(', ')}`);
    if (state.warnings?.some((w) => w.at.endsWith('%')) && !state.sla) found.push(`${at}.warnings: a percentage needs an sla`);
    state.warnings?.forEach((w, i) => checkRoles(`${at}.warnings[${i}].notify`, w.notify?.roles));
    if (state.onTimeout && !own.includes(state.onTimeout.event)) found.push(`${at}.onTimeout: "${state.onTimeout.event}" is no transition here`);
    for (const effect of state.onEntry ?? []) if (effect.type === 'notify') checkRoles(`${at}.onEntry`, effect.to.roles);
    const referral = state.referral;
    if (referral) {
      for (const event of [referral.replyEvent, referral.returnEvent]) {
        if (event && !own.includes(event)) found.push(`${at}.referral: "${event}" is no transition here`);
      }
      if (Boolean(referral.agency) === Boolean(referral.agencyField)) found.push(`${at}.referral: name agency or agencyField`);
      if (referral.agency) usedAgencies.add(referral.agency);
      const options = referral.agencyField ? fields[referral.agencyField]?.options : [{ value: referral.agency ?? '' }];
      if (!options) found.push(`${at}.referral: agencyField "${referral.agencyField}" is no select field`);
      for (const option of options ?? []) {
        usedAgencies.add(option.value);
        if (!agencies.has(option.value)) found.push(`${at}.referral: agency "${option.value}" is not declared`);
      }
    }
    state.transitions.forEach((t, i) => {
      const path = `${at}.transitions[${i}]`;
      if (t.target && !states[t.target]) found.push(`${path}: unknown target "${t.target}"`);
      checkRoles(`${path}.roles`, t.roles);
      for (const field of t.requires ?? []) if (!fields[field]) found.push(`${path}.requires: unknown field "${field}"`);
      checkCondition(`${path}.condition`, t.condition);
      // A condition's fields are required too, so a missing value says MISSING_FIELDS, not CONDITION_FAILED.
      for (const { field } of t.condition ? comparisons(t.condition) : []) {
        if (!t.requires?.includes(field)) found.push(`${path}: condition reads "${field}" without requiring it`);
      }
      for (const event of t.separation?.notActorOf ?? []) if (!events.has(event)) found.push(`${path}: unknown event "${event}"`);
    });
  }
  for (const role of Object.keys(workflow.roles ?? {})) if (!usedRoles.has(role)) found.push(`roles.${role}: declared, never used`);
  for (const agency of agencies) if (!usedAgencies.has(agency)) found.push(`agencies.${agency}: declared, never used`);
  return found;
}

describe('BUILTIN_TEMPLATES', () => {
  it('holds four templates with unique keys', () => {
    const keys = BUILTIN_TEMPLATES.map((workflow) => workflow.key);
    expect(keys).toEqual(['union-grievance', 'labour-mediation', 'legal-aid', 'golden-idea']);
    expect(new Set(keys).size).toBe(keys.length);
  });

  describe.each(BUILTIN_TEMPLATES.map((workflow) => [workflow.key, workflow] as const))('%s', (_key, workflow) => {
    it('parses with the workflow schema unchanged', () => {
      expect(workflowSchema.parse(workflow)).toEqual(workflow);
    });

    it('is version 1 on the cn-mainland calendar', () => {
      expect(workflow.version).toBe(1);
      expect(workflow.calendar).toBe('cn-mainland');
    });

    it('writes every text in Chinese and English', () => {
      const texts: Array<{ path: string; text: Record<string, unknown> }> = [];
      localizedTexts(workflow, workflow.key, texts);
      const states = Object.values(workflow.states);
      const labelled = states.length + states.flatMap((s) => s.transitions).length + Object.keys(workflow.fields).length;
      expect(texts.length).toBeGreaterThan(labelled);
      const bad = texts
        .filter(({ text }) => typeof text.zh !== 'string' || !HAN.test(text.zh) || typeof text.en !== 'string' || !text.en.trim() || HAN.test(text.en))
        .map(({ path }) => path);
      expect(bad).toEqual([]);
    });

    it('refers only to states, fields, roles, agencies and events it has', () => {
      expect(problems(workflow)).toEqual([]);
    });

    it('reaches every state from the initial one', () => {
      const reached = walk(workflow, [workflow.initial]);
      expect(Object.keys(workflow.states).filter((id) => !reached.has(id))).toEqual([]);
    });

    it('lets every state that is not final reach "closed"', () => {
      expect(workflow.states.closed?.final).toBe(true);
      const reachClosed = walk(workflow, ['closed'], true);
      const stuck = Object.entries(workflow.states).filter(([id, state]) => !state.final && !reachClosed.has(id));
      expect(stuck.map(([id]) => id)).toEqual([]);
    });
  });

  it('locks the nodes the county protects in union-grievance', () => {
    const locked = Object.entries(unionGrievance.states).filter(([, state]) => state.locked).map(([id]) => id);
    expect(locked.sort()).toEqual(['closed', 'follow_up', 'resolved']);
    expect(unionGrievance.fields.satisfaction?.locked).toBe(true);
    expect(unionGrievance.fields.category?.locked).toBeUndefined();
  });

  it('sends the follow-up rating to closed when satisfied and to reopened when not', () => {
    const byEvent = new Map(unionGrievance.states.follow_up?.transitions.map((t) => [t.event, t]));
    expect(byEvent.get('rate')).toMatchObject({ target: 'closed', separation: { notHandler: true } });
    expect(byEvent.get('dissatisfied')).toMatchObject({ target: 'reopened', separation: { notHandler: true } });
    expect(unionGrievance.states.reopened?.transitions.map((t) => t.target)).toEqual(['triage']);
  });
});
