import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contributionDelta, ROLLUP_COUNTERS, type RollupRow } from './contribution.js';

const KEYS = ['kind', 'bucket', 'tenantId', 'workflowKey', 'workflowCategory', 'dataCategory', 'channel', 'state', 'warning'] as const;

const rowArbitrary: fc.Arbitrary<RollupRow> = fc.record({
  kind: fc.constantFrom('flow' as const, 'stock' as const, 'rating' as const),
  bucket: fc.constantFrom('2026-11', '2026-11-02', ''),
  tenantId: fc.constantFrom('chalu', 'huchen'),
  workflowKey: fc.constant('union-grievance'),
  workflowCategory: fc.constant('grievance'),
  dataCategory: fc.constantFrom('', 'wages'),
  channel: fc.constant('phone'),
  state: fc.constantFrom('', 'triage', 'mediation'),
  warning: fc.constantFrom('', 'green', 'red'),
  ...Object.fromEntries(ROLLUP_COUNTERS.map((name) => [name, fc.integer({ min: 0, max: 3 })])),
}) as unknown as fc.Arbitrary<RollupRow>;

function totals(rows: readonly RollupRow[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const row of rows) {
    const key = KEYS.map((k) => row[k]).join('|');
    const current = out.get(key) ?? ROLLUP_COUNTERS.map(() => 0);
    out.set(key, current.map((v, i) => v + (row[ROLLUP_COUNTERS[i] as keyof RollupRow] as number)));
  }
  for (const [key, values] of out) if (values.every((v) => v === 0)) out.delete(key);
  return out;
}

describe('contributionDelta', () => {
  it('adds up to the new contribution when applied to the old one', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 6 }), fc.array(rowArbitrary, { maxLength: 6 }), (before, after) => {
        expect(totals([...before, ...contributionDelta(before, after)])).toEqual(totals(after));
      }),
    );
  });

  it('writes nothing when the contribution did not change', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 6 }), (rows) => {
        expect(contributionDelta(rows, [...rows].reverse())).toEqual([]);
      }),
    );
  });

  it('tells apart rows that differ in any one counter', () => {
    const base = { kind: 'stock', bucket: '', tenantId: 'chalu', workflowKey: 'union-grievance', workflowCategory: 'grievance', dataCategory: '', channel: 'phone', state: 'triage', warning: 'green', ...Object.fromEntries(ROLLUP_COUNTERS.map((name) => [name, 0])) } as RollupRow;
    for (const name of ROLLUP_COUNTERS) {
      expect(contributionDelta([base], [{ ...base, [name]: 1 }]), name).toHaveLength(2);
    }
  });
});
