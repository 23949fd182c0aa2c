import type { Condition, ConditionOperator, FieldComparison } from '../condition.js';
import type { FieldDefinition, FieldType } from '../field.js';
import type { Workflow } from '../workflow.js';
import { createIssue, didYouMean, listNames, quote } from './messages.js';
import { isFieldKnown, type ValidationContext } from './validation-context.js';
import type { PathSegment, ValidationIssue } from './validation-issue.js';

type Scalar = string | number | boolean;
const ORDERED: ConditionOperator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'exists', 'not_exists'];
const OPERATORS_BY_TYPE: Record<FieldType, readonly ConditionOperator[]> = {
  number: ORDERED,
  integer: ORDERED,
  money: ORDERED,
  rating: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  text: ['eq', 'ne', 'in', 'not_in', 'contains', 'exists', 'not_exists'],
  longtext: ['eq', 'ne', 'in', 'not_in', 'contains', 'exists', 'not_exists'],
  phone: ['eq', 'ne', 'in', 'not_in', 'contains', 'exists', 'not_exists'],
  boolean: ['eq', 'ne', 'exists', 'not_exists'],
  select: ['eq', 'ne', 'in', 'not_in', 'exists', 'not_exists'],
  multiselect: ['contains', 'exists', 'not_exists'],
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

// Returns what a scalar should have been for this field, or undefined when it fits.
function scalarProblem(field: FieldDefinition, value: Scalar): string | undefined {
  switch (field.type) {
    case 'number':
    case 'integer':
    case 'money':
    case 'rating':
      return typeof value === 'number' ? undefined : 'a number, e.g. 10';
    case 'date':
    case 'datetime':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'an ISO date, e.g. "2025-10-01" (or "2025-10-01T08:00:00+08:00")';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'select':
    case 'multiselect': {
      const options = (field.options ?? []).map((o) => o.value);
      if (typeof value === 'string' && (options.length === 0 || options.includes(value))) return undefined;
      return `one of the field's option values (${listNames(options)})${typeof value === 'string' ? didYouMean(value, options) : ''}`;
    }
    default:
      return typeof value === 'string' ? undefined : 'a text';
  }
}

function checkComparison(c: FieldComparison, at: PathSegment[], workflow: Workflow, context: ValidationContext, out: ValidationIssue[]): void {
  if (!isFieldKnown(workflow, context, c.field)) {
    out.push(createIssue('UNKNOWN_FIELD', [...at, 'field'],
      `Condition names field ${quote(c.field)}, which is not defined.${didYouMean(c.field, Object.keys(workflow.fields))} Define it under "fields", or use one of ${listNames(Object.keys(workflow.fields))}.`, c.field));
    return;
  }
  const field = Object.hasOwn(workflow.fields, c.field) ? workflow.fields[c.field] : undefined;
  if (!field) return;
  const allowed = OPERATORS_BY_TYPE[field.type];
  if (!allowed.includes(c.op)) {
    out.push(createIssue('BAD_CONDITION', [...at, 'op'],
      `Operator ${quote(c.op)} does not fit field ${quote(c.field)} of type ${quote(field.type)}: use one of ${listNames(allowed)}.`, c.op));
    return;
  }
  const valueAt = [...at, 'value'];
  const describe = `Condition ${quote(c.field)} ${c.op}`;
  if (c.op === 'exists' || c.op === 'not_exists') {
    if (c.value !== undefined) {
      out.push(createIssue('BAD_CONDITION', valueAt, `${describe} takes no value but has ${quote(c.value)}: remove "value".`, c.value));
    }
    return;
  }
  if (c.value === undefined) {
    out.push(createIssue('BAD_CONDITION', valueAt, `${describe} has no value: add a "value" to compare field ${quote(c.field)} with.`));
    return;
  }
  if (c.op === 'in' || c.op === 'not_in') {
    if (!Array.isArray(c.value)) {
      out.push(createIssue('BAD_CONDITION', valueAt,
        `${describe} needs a list of values but has ${quote(c.value)}: write a list, e.g. [${quote(c.value)}].`, c.value));
      return;
    }
    if (c.value.length === 0) {
      out.push(createIssue('BAD_CONDITION', valueAt,
        `${describe} has the empty list [], so it ${c.op === 'in' ? 'never' : 'always'} holds: list the values to match.`, c.value));
      return;
    }
    c.value.forEach((item, i) => {
      const problem = scalarProblem(field, item);
      if (problem) out.push(createIssue('BAD_CONDITION', [...valueAt, i], `${describe} lists ${quote(item)}, which does not fit field ${quote(c.field)} (${field.type}): use ${problem}.`, item));
    });
    return;
  }
  if (Array.isArray(c.value)) {
    out.push(createIssue('BAD_CONDITION', valueAt,
      `${describe} takes one value but has the list ${quote(c.value)}: give a single value, or use "in" to match any of several.`, c.value));
    return;
  }
  const problem = scalarProblem(field, c.value);
  if (problem) out.push(createIssue('BAD_CONDITION', valueAt, `${describe} compares with ${quote(c.value)}, which does not fit field ${quote(c.field)} (${field.type}): use ${problem}.`, c.value));
}

function checkCondition(condition: Condition, at: PathSegment[], workflow: Workflow, context: ValidationContext, out: ValidationIssue[]): void {
  if ('all' in condition) condition.all.forEach((c, i) => checkCondition(c, [...at, 'all', i], workflow, context, out));
  else if ('any' in condition) condition.any.forEach((c, i) => checkCondition(c, [...at, 'any', i], workflow, context, out));
  else if ('not' in condition) checkCondition(condition.not, [...at, 'not'], workflow, context, out);
  else checkComparison(condition, at, workflow, context, out);
}

/**
 * Checks every condition (transition guards and warning rules): fields exist, operators fit the
 * field's type, values have the right type and are among a select's options.
 * @example
 * checkConditions(workflow, createValidationContext(workflow)); // [] when every condition fits
 */
export function checkConditions(workflow: Workflow, context: ValidationContext): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const [id, state] of Object.entries(workflow.states)) {
    state.transitions.forEach((transition, t) => {
      if (transition.condition) checkCondition(transition.condition, ['states', id, 'transitions', t, 'condition'], workflow, context, out);
    });
  }
  for (const [id, rule] of Object.entries(workflow.warningRules ?? {})) {
    checkCondition(rule.when, ['warningRules', id, 'when'], workflow, context, out);
  }
  return out;
}
