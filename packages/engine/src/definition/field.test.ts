import { describe, expect, it } from 'vitest';
import { FIELD_TYPES, fieldSchema } from './field.js';

const label = { zh: '涉及人数', en: 'Workers affected' };

function messages(input: unknown): string[] {
  const result = fieldSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('fieldSchema', () => {
  it('says a missing type is missing instead of quoting undefined', () => {
    expect(messages({ label })).toEqual([`Field type is missing: add "type" with one of ${FIELD_TYPES.join(', ')}.`]);
  });

  it('quotes an unknown type', () => {
    expect(messages({ type: 'float', label })).toEqual([
      `Field type "float" is not known: use one of ${FIELD_TYPES.join(', ')}.`,
    ]);
  });
});
