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
  field: identifierSchema,
  op: z.enum(CONDITION_OPERATORS, {
    error: (issue) =>
      `Operator ${JSON.stringify(issue.input)} is not known: use one of ${CONDITION_OPERATORS.join(', ')}.`,
  }),
  value: z.union([scalarSchema, z.array(scalarSchema)]).optional(),
});

/**
 * Zod schema of a condition (recursive).
 * @example
 * conditionSchema.parse({ all: [{ field: 'amount', op: 'gt', value: 0 }] });
 */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    comparisonSchema,
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);
