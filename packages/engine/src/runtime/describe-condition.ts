import type { Condition } from '../definition/index.js';

const OPERATOR_WORDS: Record<string, string> = {
  eq: '=',
  ne: '≠',
  gt: '>',
  gte: '≥',
  lt: '<',
  lte: '≤',
  in: 'in',
  not_in: 'not in',
  contains: 'contains',
};

/**
 * Writes a condition in words for messages, e.g. `satisfaction ≥ 3 and not (category = wages)`.
 * @example
 * describeCondition({ field: 'satisfaction', op: 'gte', value: 3 }); // 'satisfaction ≥ 3'
 */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.map((c) => wrap(c)).join(' and ');
  if ('any' in condition) return condition.any.map((c) => wrap(c)).join(' or ');
  if ('not' in condition) return `not ${wrap(condition.not)}`;
  if (condition.op === 'exists') return `${condition.field} is filled in`;
  if (condition.op === 'not_exists') return `${condition.field} is empty`;
  return `${condition.field} ${OPERATOR_WORDS[condition.op] ?? condition.op} ${JSON.stringify(condition.value)}`;
}

function wrap(condition: Condition): string {
  const text = describeCondition(condition);
  return 'field' in condition ? text : `(${text})`;
}
