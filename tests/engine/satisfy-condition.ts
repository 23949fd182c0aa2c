import type { Condition, FieldComparison, FieldDefinition } from '@shuoshi/engine';
import { fieldCandidates } from './field-candidates.js';

type Scalar = string | number | boolean;

const MAX_COMBINATIONS = 20_000;

function filled(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

function order(left: unknown, right: unknown): number | undefined {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'string' && typeof right === 'string') {
    const a = Date.parse(left);
    const b = Date.parse(right);
    if (Number.isFinite(a) && Number.isFinite(b)) return a - b;
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return undefined;
}

function compare(c: FieldComparison, data: Readonly<Record<string, unknown>>): boolean {
  const actual = data[c.field];
  const list = Array.isArray(c.value) ? c.value : undefined;
  switch (c.op) {
    case 'exists':
      return filled(actual);
    case 'not_exists':
      return !filled(actual);
    case 'eq':
      return filled(actual) && actual === c.value;
    case 'ne':
      return actual !== c.value;
    case 'in':
      return filled(actual) && list !== undefined && list.some((v) => v === actual);
    case 'not_in':
      return list === undefined || !list.some((v) => v === actual);
    case 'contains':
      if (typeof actual === 'string' && typeof c.value === 'string') return actual.includes(c.value);
      return Array.isArray(actual) && actual.includes(c.value);
    default: {
      const o = filled(actual) ? order(actual, c.value) : undefined;
      if (o === undefined) return false;
      return c.op === 'gt' ? o > 0 : c.op === 'gte' ? o >= 0 : c.op === 'lt' ? o < 0 : o <= 0;
    }
  }
}

/**
 * Evaluates a condition over case data by the language's rules (a missing field fails every
 * comparison but ne, not_in and not_exists), independently of the engine's evaluator.
 * @example
 * conditionHolds({ field: 'satisfaction', op: 'gte', value: 3 }, { satisfaction: 4 }); // true
 */
export function conditionHolds(condition: Condition, data: Readonly<Record<string, unknown>>): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, data));
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, data));
  if ('not' in condition) return !conditionHolds(condition.not, data);
  return compare(condition, data);
}

function comparisons(condition: Condition): FieldComparison[] {
  if ('all' in condition) return condition.all.flatMap(comparisons);
  if ('any' in condition) return condition.any.flatMap(comparisons);
  if ('not' in condition) return comparisons(condition.not);
  return [condition];
}

/**
 * Lists the constants a condition compares a field with (the elements of `in` lists included).
 * @example
 * conditionConstants({ field: 'satisfaction', op: 'gte', value: 3 }, 'satisfaction'); // [3]
 */
export function conditionConstants(condition: Condition, field: string): Scalar[] {
  return comparisons(condition)
    .filter((c) => c.field === field && c.value !== undefined)
    .flatMap((c) => (Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [c.value]));
}

/**
 * Picks values for the fields a condition reads so that it holds once merged into the case data:
 * each field's candidates are tried in order (the plain sample first), a field the transition does
 * not require may also be cleared (null). Throws when no combination of candidates satisfies it.
 * @example
 * satisfyCondition({ field: 'satisfaction', op: 'lte', value: 2 }, fields, {}, ['satisfaction']); // { satisfaction: 1 }
 */
export function satisfyCondition(
  condition: Condition,
  fields: Readonly<Record<string, FieldDefinition>>,
  data: Readonly<Record<string, unknown>>,
  required: readonly string[],
): Record<string, unknown> {
  const names = [...new Set(comparisons(condition).map((c) => c.field))];
  const choices = names.map((name) => {
    const field = fields[name];
    if (!field) throw new Error(`The condition ${JSON.stringify(condition)} reads field "${name}", which the workflow does not define.`);
    const values = fieldCandidates(field, conditionConstants(condition, name));
    return required.includes(name) ? values : [...values, null];
  });
  const total = choices.reduce((n, c) => n * c.length, 1);
  if (total > MAX_COMBINATIONS) throw new Error(`The condition ${JSON.stringify(condition)} has ${total} candidate combinations; simplify it or raise MAX_COMBINATIONS.`);
  for (let index = 0; index < total; index += 1) {
    const patch: Record<string, unknown> = {};
    let rest = index;
    names.forEach((name, i) => {
      const values = choices[i] ?? [];
      patch[name] = values[rest % values.length];
      rest = Math.floor(rest / values.length);
    });
    const merged: Record<string, unknown> = { ...data };
    for (const [name, value] of Object.entries(patch)) {
      if (value === null) delete merged[name];
      else merged[name] = value;
    }
    if (conditionHolds(condition, merged)) return patch;
  }
  throw new Error(`No candidate values satisfy ${JSON.stringify(condition)} over fields ${names.join(', ')}; extend fieldCandidates.`);
}
