import { isDeepStrictEqual } from 'node:util';
import type { Engine, Workflow } from '@shuoshi/engine';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { caseDims, foldCaseFacts } from './case-facts.js';
import { contributionOf, ROLLUP_COUNTERS, type RollupRow } from './contribution.js';
import { UNREADABLE_WORKFLOW, workflowOf } from './fold-unfolded-cases.js';
import { readCaseLogs } from './read-case-logs.js';
import { tenantAncestors } from './tenant-ancestors.js';
import { ROLLUP_COUNTER_COLUMNS, ROLLUP_KEY_COLUMNS } from './rollup-deltas.js';

const KEY_FIELDS = ['kind', 'bucket', 'tenantId', 'workflowKey', 'workflowCategory', 'dataCategory', 'channel', 'state', 'warning'] as const;

function keyText(row: Pick<RollupRow, (typeof KEY_FIELDS)[number]>): string {
  return KEY_FIELDS.map((field) => row[field]).join('|');
}

function addTo(totals: Map<string, number[]>, key: string, values: readonly number[]): void {
  const current = totals.get(key) ?? ROLLUP_COUNTERS.map(() => 0);
  totals.set(key, current.map((value, i) => value + (values[i] ?? 0)));
}

async function storedTotals(db: Kysely<Database>): Promise<Map<string, number[]>> {
  const keys = ROLLUP_KEY_COLUMNS.join(', ');
  const counters = ROLLUP_COUNTER_COLUMNS.join(', ');
  const result = await sql<Record<string, unknown>>`
    SELECT ${sql.raw(keys)}, ${sql.raw(ROLLUP_COUNTER_COLUMNS.map((column) => `sum(${column}) AS ${column}`).join(', '))}
    FROM (SELECT ${sql.raw(`${keys}, ${counters}`)} FROM metric_rollups UNION ALL SELECT ${sql.raw(`${keys}, ${counters}`)} FROM metric_deltas) r
    GROUP BY ${sql.raw(keys)}`.execute(db);
  const totals = new Map<string, number[]>();
  for (const row of result.rows) {
    const key = ROLLUP_KEY_COLUMNS.map((column) => String(row[column])).join('|');
    addTo(totals, key, ROLLUP_COUNTER_COLUMNS.map((column) => Number(row[column])));
  }
  return totals;
}

/**
 * Checks the rollups kept by the event path against the log: folds every case's log again,
 * compares each case's stored facts with the fresh ones, and the rollups (plus the deltas not
 * compacted yet) with the fresh contributions added up. Answers the differences, one line each
 * (empty when they agree). Cases not folded yet are left out of both sides. Reads only.
 * @example
 * expect(await verifyRollups(db, engine)).toEqual([]);
 */
export async function verifyRollups(db: Kysely<Database>, engine: Engine): Promise<string[]> {
  const problems: string[] = [];
  const cases = await db.selectFrom('cases').select(['tenant_id', 'case_id', 'reference', 'workflow_key', 'workflow_version', 'channel', 'data', 'metric_facts']).execute();
  const cache = new Map<string, Workflow | null>();
  const expected = new Map<string, number[]>();
  for (let i = 0; i < cases.length; i += 500) {
    const batch = cases.slice(i, i + 500).filter((c) => c.metric_facts !== null);
    const logs = await readCaseLogs(db, batch);
    const ancestors = await tenantAncestors(db, batch.map((c) => c.tenant_id));
    for (const c of batch) {
      const workflow = (await workflowOf(db, engine, cache, c.workflow_key, c.workflow_version)) ?? UNREADABLE_WORKFLOW;
      const facts = foldCaseFacts(logs.get(`${c.tenant_id}/${c.case_id}`) ?? [], caseDims({ ...c, ancestors: ancestors.get(c.tenant_id) ?? [] }, workflow), workflow);
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(facts)), c.metric_facts)) {
        problems.push(`case ${c.reference}: stored facts ${JSON.stringify(c.metric_facts)} differ from its log's ${JSON.stringify(facts)}`);
      }
      for (const row of facts ? contributionOf(facts) : []) addTo(expected, keyText(row), ROLLUP_COUNTERS.map((name) => row[name]));
    }
  }
  const stored = await storedTotals(db);
  for (const key of new Set([...expected.keys(), ...stored.keys()])) {
    const want = expected.get(key) ?? ROLLUP_COUNTERS.map(() => 0);
    const have = stored.get(key) ?? ROLLUP_COUNTERS.map(() => 0);
    // Sums of decimals (an idea's value) are compared to the cent.
    const differs = ROLLUP_COUNTERS.filter((_, i) => Math.abs((want[i] ?? 0) - (have[i] ?? 0)) > 0.005);
    if (differs.length > 0) problems.push(`rollup ${key}: ${differs.map((name) => `${name} ${have[ROLLUP_COUNTERS.indexOf(name)]} (log says ${want[ROLLUP_COUNTERS.indexOf(name)]})`).join(', ')}`);
  }
  return problems;
}
