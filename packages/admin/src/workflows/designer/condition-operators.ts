import type { ConditionOperator, FieldComparison, FieldDefinition, FieldType } from '@shuoshi/engine';

type Scalar = string | number | boolean;

/**
 * The value of a comparison: a scalar, a list for in/not_in, none for exists/not_exists.
 * @example
 * const v: ComparisonValue = ['wages', 'commute'];
 */
export type ComparisonValue = FieldComparison['value'];

const NUMERIC: readonly ConditionOperator[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'exists', 'not_exists'];
const TEXT: readonly ConditionOperator[] = ['eq', 'ne', 'in', 'not_in', 'contains', 'exists', 'not_exists'];

const BY_TYPE: Record<FieldType, readonly ConditionOperator[]> = {
  number: NUMERIC,
  integer: NUMERIC,
  money: NUMERIC,
  rating: NUMERIC,
  date: NUMERIC,
  datetime: NUMERIC,
  text: TEXT,
  longtext: TEXT,
  phone: TEXT,
  boolean: ['eq', 'ne', 'exists', 'not_exists'],
  select: ['eq', 'ne', 'in', 'not_in', 'exists', 'not_exists'],
  multiselect: ['contains', 'exists', 'not_exists'],
};

/**
 * The condition operators that fit a field's type (the engine's BAD_CONDITION rule).
 * @example
 * operatorsFor('boolean'); // ['eq', 'ne', 'exists', 'not_exists']
 */
export function operatorsFor(type: FieldType): readonly ConditionOperator[] {
  return BY_TYPE[type];
}

/**
 * How many values an operator takes: none, one, or a list.
 * @example
 * operatorArity('in'); // 'list'
 */
export function operatorArity(op: ConditionOperator): 'none' | 'one' | 'list' {
  if (op === 'exists' || op === 'not_exists') return 'none';
  return op === 'in' || op === 'not_in' ? 'list' : 'one';
}

/**
 * A sensible first value for a comparison on a field: the first option, false, 0, today or ''.
 * @example
 * defaultValue({ type: 'boolean', label: { zh: '共性', en: 'Common' } }, 'eq'); // false
 */
export function defaultValue(field: FieldDefinition, op: ConditionOperator): ComparisonValue {
  const arity = operatorArity(op);
  if (arity === 'none') return undefined;
  let one: Scalar = '';
  if (field.type === 'boolean') one = true;
  else if (field.type === 'select' || field.type === 'multiselect') one = field.options?.[0]?.value ?? '';
  else if (['number', 'integer', 'money'].includes(field.type)) one = 0;
  else if (field.type === 'rating') one = 3;
  else if (field.type === 'date') one = '2025-01-01';
  else if (field.type === 'datetime') one = '2025-01-01T09:00:00+08:00';
  return arity === 'list' ? [one] : one;
}

/**
 * Reads a value typed in a text box as the field's type (numbers for numeric fields).
 * @example
 * typedValue({ type: 'integer', label: { zh: '人数', en: 'Workers' } }, '10'); // 10
 */
export function typedValue(field: FieldDefinition, text: string): Scalar {
  if (['number', 'integer', 'money', 'rating'].includes(field.type)) {
    const n = Number(text);
    return text.trim() === '' || Number.isNaN(n) ? text : n;
  }
  return text;
}

/**
 * The comparison a new condition row or warning rule starts with: the first field's first
 * fitting operator and its default value; undefined while the workflow has no fields.
 * @example
 * firstComparison({ workers_affected: { type: 'integer', label: { zh: '人数', en: 'Workers' } } }); // { field: 'workers_affected', op: 'eq', value: 0 }
 */
export function firstComparison(fields: Record<string, FieldDefinition>): FieldComparison | undefined {
  const [id, field] = Object.entries(fields)[0] ?? [];
  if (!id || !field) return undefined;
  const op = operatorsFor(field.type)[0] ?? 'exists';
  const value = defaultValue(field, op);
  return value === undefined ? { field: id, op } : { field: id, op, value };
}
