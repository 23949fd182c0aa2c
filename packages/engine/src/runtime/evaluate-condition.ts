import type { Condition, FieldComparison } from '../definition/index.js';

/**
 * Tells whether a case field counts as filled: not undefined, null, an empty string or an empty list.
 * @example
 * hasValue(''); // false
 */
export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

function compareOrdered(left: unknown, right: unknown): number | undefined {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'string' && typeof right === 'string') {
    // Dates and datetimes are ISO strings; compare them as instants so '2025-10-01' < '2025-10-01T08:00Z'.
    const a = Date.parse(left);
    const b = Date.parse(right);
    if (Number.isFinite(a) && Number.isFinite(b)) return a - b;
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return undefined;
}

function evaluateComparison(comparison: FieldComparison, data: Readonly<Record<string, unknown>>): boolean {
  const actual = data[comparison.field];
  const expected = comparison.value;
  switch (comparison.op) {
    case 'exists':
      return hasValue(actual);
    case 'not_exists':
      return !hasValue(actual);
    case 'eq':
      return hasValue(actual) && actual === expected;
    case 'ne':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && hasValue(actual) && expected.includes(actual as string | number | boolean);
    case 'not_in':
      return !Array.isArray(expected) || !expected.includes(actual as string | number | boolean);
    case 'contains':
      if (typeof actual === 'string' && typeof expected === 'string') return actual.includes(expected);
      return Array.isArray(actual) && actual.includes(expected);
    default: {
      if (!hasValue(actual)) return false;
      const order = compareOrdered(actual, expected);
      if (order === undefined) return false;
      if (comparison.op === 'gt') return order > 0;
      if (comparison.op === 'gte') return order >= 0;
      if (comparison.op === 'lt') return order < 0;
      return order <= 0;
    }
  }
}

/**
 * Evaluates a condition over case data; a missing field fails every comparison but `ne`,
 * `not_in` and `not_exists`.
 * @example
 * evaluateCondition({ field: 'workers_affected', op: 'gte', value: 10 }, { workers_affected: 12 }); // true
 */
export function evaluateCondition(condition: Condition, data: Readonly<Record<string, unknown>>): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, data));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, data));
  if ('not' in condition) return !evaluateCondition(condition.not, data);
  return evaluateComparison(condition, data);
}
