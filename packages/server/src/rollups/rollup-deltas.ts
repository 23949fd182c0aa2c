import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';
import { ROLLUP_COUNTERS, type RollupRow } from './contribution.js';

/**
 * The key columns of `metric_rollups` and `metric_deltas`, in primary-key order.
 * @example
 * ROLLUP_KEY_COLUMNS[0]; // 'kind'
 */
export const ROLLUP_KEY_COLUMNS = ['kind', 'bucket', 'tenant_id', 'workflow_key', 'workflow_category', 'data_category', 'channel', 'state', 'warning'] as const;

/**
 * The counter columns of `metric_rollups` and `metric_deltas` (snake_case of ROLLUP_COUNTERS).
 * @example
 * ROLLUP_COUNTER_COLUMNS.includes('on_time'); // true
 */
export const ROLLUP_COUNTER_COLUMNS = ROLLUP_COUNTERS.map((name) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`));

const KEY_SOURCES = ['kind', 'bucket', 'tenantId', 'workflowKey', 'workflowCategory', 'dataCategory', 'channel', 'state', 'warning'] as const satisfies ReadonlyArray<keyof RollupRow>;
const COLUMNS = [...ROLLUP_KEY_COLUMNS, ...ROLLUP_COUNTER_COLUMNS].join(', ');
const ROW_COLUMNS = [...ROLLUP_KEY_COLUMNS, ...ROLLUP_COUNTER_COLUMNS].map((column) => `d.${column}`).join(', ');

/**
 * Rollup rows as a row source `unnest(...) AS d(<columns>)`: one array per column, which sends
 * thousands of rows far more cheaply than JSON records; an idea's value travels as numeric.
 * @example
 * sql`SELECT * FROM ${rollupRowsSource(rows)}`;
 */
export function rollupRowsSource(rows: readonly RollupRow[]): RawBuilder<unknown> {
  return sql`unnest(${sql.join(rollupColumnArrays(rows).map(({ values, type }) => sql`${values}::${sql.raw(type)}[]`))}) AS d(${sql.raw(COLUMNS)})`;
}

// The rows column by column: each column's values and the SQL type of its array.
function rollupColumnArrays(rows: readonly RollupRow[]): Array<{ values: unknown[]; type: string }> {
  const keys = KEY_SOURCES.map((field) => ({ values: rows.map((row) => row[field]), type: 'text' }));
  const counters = ROLLUP_COUNTERS.map((name) => ({ values: rows.map((row) => row[name]), type: name === 'ideasValue' ? 'numeric' : 'bigint' }));
  return [...keys, ...counters];
}

/**
 * The `INSERT INTO metric_deltas` of some rows, drawn once per row of `source` (a CTE name such
 * as `upd`, so that the deltas are written only with the step), as SQL text: its values go to
 * `parameter`, which answers each one's placeholder (`$7`). `source` is written into the text as
 * it is, so it must be a plain identifier of the caller's, never input.
 * @example
 * const values: unknown[] = [];
 * const text = rollupDeltaInsertText(rows, 'upd', (value) => `$${values.push(value)}`);
 */
export function rollupDeltaInsertText(rows: readonly RollupRow[], source: string, parameter: (value: unknown) => string): string {
  const arrays = rollupColumnArrays(rows).map(({ values, type }) => `${parameter(values)}::${type}[]`);
  return `INSERT INTO metric_deltas (${COLUMNS}) SELECT ${ROW_COLUMNS} FROM ${source} CROSS JOIN unnest(${arrays.join(', ')}) AS d(${COLUMNS})`;
}

/**
 * Appends delta rows to `metric_deltas` (the compactor folds them into `metric_rollups`).
 * @example
 * await insertRollupDeltas(trx, contributionOf(facts));
 */
export async function insertRollupDeltas(db: Kysely<Database>, rows: readonly RollupRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`INSERT INTO metric_deltas (${sql.raw(COLUMNS)}) SELECT ${sql.raw(ROW_COLUMNS)} FROM ${rollupRowsSource(rows)}`.execute(db);
}

/**
 * Folds every delta row into `metric_rollups` (adding up rows with the same key) and deletes
 * them, in one statement, under a lock that lets one process of a schema compact at a time (the
 * others skip). Answers the number of delta rows folded.
 * @example
 * const folded = await compactRollups(db);
 */
export async function compactRollups(db: Kysely<Database>): Promise<number> {
  const keys = ROLLUP_KEY_COLUMNS.join(', ');
  const sums = ROLLUP_COUNTER_COLUMNS.map((column) => `sum(${column}) AS ${column}`).join(', ');
  const adds = ROLLUP_COUNTER_COLUMNS.map((column) => `${column} = metric_rollups.${column} + excluded.${column}`).join(', ');
  const compact = async (trx: Kysely<Database>) => {
    const lock = await sql<{ locked: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.metric_rollups')) AS locked`.execute(trx);
    if (!lock.rows[0]?.locked) return 0;
    // The rows are inserted in key order so that two writers of the same rows never wait on each other in a cycle.
    const result = await sql<{ folded: number }>`
      WITH moved AS (DELETE FROM metric_deltas RETURNING *),
      summed AS (SELECT ${sql.raw(keys)}, ${sql.raw(sums)}, count(*) AS n FROM moved GROUP BY ${sql.raw(keys)}),
      folded AS (
        INSERT INTO metric_rollups (${sql.raw(COLUMNS)})
        SELECT ${sql.raw(COLUMNS)} FROM summed ORDER BY ${sql.raw(keys)}
        ON CONFLICT (${sql.raw(keys)}) DO UPDATE SET ${sql.raw(adds)}
      )
      SELECT coalesce(sum(n), 0)::int AS folded FROM summed`.execute(trx);
    const folded = result.rows[0]?.folded ?? 0;
    // Stock rows of states nobody stands in any more count nothing: drop them, so reads stay short.
    if (folded > 0) await sql`DELETE FROM metric_rollups WHERE kind IN ('stock', 'stock_tree') AND ${sql.raw(ROLLUP_COUNTER_COLUMNS.map((column) => `${column} = 0`).join(' AND '))}`.execute(trx);
    return folded;
  };
  return inTransaction(db, compact);
}
