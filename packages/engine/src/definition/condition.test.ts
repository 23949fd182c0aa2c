import { describe, expect, it } from 'vitest';
import { CONDITION_OPERATORS, conditionSchema } from './condition.js';

// The union reports each branch's issues under `errors`; the comparison branch comes first.
function messages(input: unknown): string[] {
  const result = conditionSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) =>
    issue.code === 'invalid_union' ? issue.errors.flat().map((inner) => inner.message) : [issue.message],
  );
}

describe('conditionSchema', () => {
  it('says a missing operator is missing instead of quoting undefined', () => {
    expect(messages({ field: 'workers_affected', value: 10 })[0]).toBe(
      `Operator is missing: add "op" with one of ${CONDITION_OPERATORS.join(', ')}.`,
    );
  });

  it('quotes an unknown operator', () => {
    expect(messages({ field: 'workers_affected', op: 'greater', value: 10 })[0]).toBe(
      `Operator "greater" is not known: use one of ${CONDITION_OPERATORS.join(', ')}.`,
    );
  });
});
