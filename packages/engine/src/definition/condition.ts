import { z } from 'zod';
import { identifierSchema } from './identifiers.js';

/**
 * The comparison operators a condition may use.
 * @example
 * CONDITION_OPERATORS.includes('gte'); // true
 */
export const CONDITION_OPERATORS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'not_in',
  'contains',
  'exists',
  'not_exists',
] as const;

/**
 * A comparison operator.
 * @example
 * const op: ConditionOperator = 'in';
 */
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

/**
 * A comparison of one case field with a value.
 * @example
 * const c: FieldComparison = { field: 'workers_affected', op: 'gte', value: 10 };
 */
export interface FieldComparison {
  field: string;
  op: ConditionOperator;
  value?: string | number | boolean | Array<string | number | boolean>;
}

/**
 * A condition as data: a field comparison, or `all` / `any` / `not` over conditions.
 * @example
 * const c: Condition = { any: [{ field: 'category', op: 'eq', value: 'wages' }, { not: { field: 'named', op: 'eq', value: true } }] };
 */
export type Condition = FieldComparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };

const comparisonSchema = z.strictObject({
  field: identifierSchema.describe('Field compared.'),
  op: z
    .enum(CONDITION_OPERATORS, {
      error: (issue) =>
        issue.input === undefined
          ? `Operator is missing: add "op" with one of ${CONDITION_OPERATORS.join(', ')}.`
          : `Operator ${JSON.stringify(issue.input)} is not known: use one of ${CONDITION_OPERATORS.join(', ')}.`,
    })
    .describe("Operator; must fit the field's type."),
  value: z
    .union([scalarSchema, z.array(scalarSchema)])
    .optional()
    .describe('A list for in/not_in, none for exists/not_exists, else one value.'),
});

/**
 * Zod schema of a condition (recursive).
 * @example
 * conditionSchema.parse({ all: [{ field: 'amount', op: 'gt', value: 0 }] });
 */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparisonSchema,
    z.strictObject({ all: z.array(conditionSchema).min(1).describe('Holds when every condition holds.') }),
    z.strictObject({ any: z.array(conditionSchema).min(1).describe('Holds when at least one holds.') }),
    // Described through a wrapper: a `.describe()` copy of conditionSchema made here would run this
    // getter again, which makes another copy, and the JSON Schema generator follows them without end.
    z.strictObject({ not: z.lazy(() => conditionSchema).describe('Holds when the condition does not.') }),
  ]),
);
