import { describe, expect, it } from 'vitest';
import { ladderStepSchema, warningRuleSchema } from './warning.js';

function messages(result: { success: boolean; error?: { issues: Array<{ message: string }> } }): string[] {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe('warning levels', () => {
  it('says a missing level is missing instead of quoting undefined', () => {
    const missing = 'Warning level is missing: add "level" with "yellow" or "red".';
    expect(messages(ladderStepSchema.safeParse({ at: '80%' }))).toEqual([missing]);
    expect(messages(warningRuleSchema.safeParse({ when: { field: 'amount', op: 'exists' } }))).toEqual([missing]);
  });

  it('quotes an unknown level', () => {
    expect(messages(ladderStepSchema.safeParse({ at: '80%', level: 'orange' }))).toEqual([
      'Warning level "orange" is not known: use "yellow" or "red".',
    ]);
  });
});
