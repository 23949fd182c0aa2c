import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseFacts } from './case-facts.js';
import { contributionDelta, contributionOf, ROLLUP_COUNTERS, sameContribution, type RollupRow } from './contribution.js';

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

const factsFields = {
  tenantId: fc.constantFrom('chalu', 'huchen'),
  ancestors: fc.constantFrom<string[]>(['ninghai'], ['ninghai', 'chalu'], []),
  workflowKey: fc.constantFrom('union-grievance', 'golden-idea'),
  workflowCategory: fc.constantFrom('grievance', 'idea'),
  dataCategory: fc.constantFrom('', 'wages'),
  channel: fc.constantFrom('phone', 'walk_in'),
  idea: fc.boolean(),
  seq: fc.integer({ min: 1, max: 9 }),
  openedDay: fc.constantFrom('2026-11-02', '2026-12-01'),
  state: fc.constantFrom('triage', 'mediation', 'closed'),
  warning: fc.constantFrom('green', 'red'),
  final: fc.boolean(),
  done: fc.boolean(),
  everResolved: fc.boolean(),
  everAdopted: fc.boolean(),
  ideaValue: fc.constantFrom(null, 0, 1500.5),
  breachSeq: fc.constantFrom(null, 2, 4),
  responseSeq: fc.constantFrom(null, 2, 3),
  doneStartSeq: fc.constantFrom(null, 3, 5),
  enteredSeq: fc.integer({ min: 1, max: 9 }),
  slaOverdue: fc.boolean(),
  referrals: fc.array(fc.record({ id: fc.constantFrom('r1', 'r2'), overdue: fc.boolean() }), { maxLength: 2 }),
  ratings: fc.array(fc.record({ day: fc.constantFrom('2026-11-02', '2026-12-01'), score: fc.integer({ min: 1, max: 5 }) }), { maxLength: 2 }),
};
const factsArbitrary = fc.record(factsFields) as fc.Arbitrary<CaseFacts>;
// The same facts with some fields given other values (often none, or ones that count nowhere).
const factsPair = fc.tuple(factsArbitrary, factsArbitrary, fc.subarray(Object.keys(factsFields) as Array<keyof CaseFacts>, { maxLength: 2 })).map(
  ([a, other, changed]) => [a, { ...a, ...Object.fromEntries(changed.map((key) => [key, other[key]])) } as CaseFacts] as const,
);

describe('sameContribution', () => {
  it('says the contribution is the same only when the delta between them is empty', () => {
    let same = 0;
    fc.assert(
      fc.property(factsPair, ([a, b]) => {
        if (!sameContribution(a, b)) return;
        same++;
        expect(contributionDelta(contributionOf(a), contributionOf(b))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
    // The property must have been put to the test, not passed by never holding.
    expect(same).toBeGreaterThan(50);
  });

  it('tells apart facts that differ in any field the contribution reads', () => {
    const a: CaseFacts = {
      tenantId: 'chalu', ancestors: ['ninghai'], workflowKey: 'union-grievance', workflowCategory: 'grievance', dataCategory: '', channel: 'phone', idea: false,
      seq: 3, openedDay: '2026-11-02', state: 'mediation', warning: 'green', final: false, done: false, everResolved: false, everAdopted: false, ideaValue: null,
      breachSeq: null, responseSeq: 2, doneStartSeq: null, enteredSeq: 3, slaOverdue: false, referrals: [{ id: 'r1', overdue: false }], ratings: [{ day: '2026-11-02', score: 4 }],
    };
    expect(sameContribution(a, { ...a, seq: 4, enteredSeq: 4 })).toBe(true);
    const changes: Array<Partial<CaseFacts>> = [
      { tenantId: 'huchen' }, { ancestors: [] }, { workflowKey: 'golden-idea' }, { workflowCategory: 'idea' }, { dataCategory: 'wages' }, { channel: 'walk_in' },
      { idea: true }, { openedDay: '2026-11-03' }, { state: 'closed' }, { warning: 'red' }, { final: true }, { done: true }, { everResolved: true },
      { everAdopted: true }, { ideaValue: 10 }, { breachSeq: 2 }, { responseSeq: null }, { doneStartSeq: 3 }, { slaOverdue: true },
      { referrals: [] }, { referrals: [{ id: 'r1', overdue: true }] }, { ratings: [] }, { ratings: [{ day: '2026-11-02', score: 5 }] },
    ];
    for (const change of changes) expect(sameContribution(a, { ...a, ...change }), JSON.stringify(change)).toBe(false);
  });
});
