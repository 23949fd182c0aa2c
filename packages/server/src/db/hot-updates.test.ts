import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../testing/migrated-database.js';

// Columns that every step writes with a new value (see cases/write-step.ts). PostgreSQL updates a
// row in place (HOT, no new index entries) only when no column an index reads has changed — its
// keys, expressions and partial-index predicates alike — so an index that reads one of these
// makes every step insert into all of the table's indexes.
const CHANGED_BY_EVERY_STEP = ['version', 'updated_at', 'snapshot', 'metric_facts'];

describe('the indexes of cases', () => {
  const database = useMigratedDatabase('hot_updates');

  it('read no column that every step changes, so that steps update cases in place', async () => {
    const { rows } = await sql<{ index_name: string; key_columns: string[]; expressions: string | null; predicate: string | null }>`
      select i.relname as index_name,
             array(select a.attname from pg_attribute a where a.attrelid = r.oid and a.attnum = any (x.indkey) order by a.attname)::text[] as key_columns,
             pg_get_expr(x.indexprs, x.indrelid) as expressions,
             pg_get_expr(x.indpred, x.indrelid) as predicate
      from pg_index x
      join pg_class i on i.oid = x.indexrelid
      join pg_class r on r.oid = x.indrelid
      join pg_namespace n on n.oid = r.relnamespace
      where n.nspname = current_schema() and r.relname = 'cases'`.execute(database().db);
    expect(rows.length).toBeGreaterThan(5);
    const offenders = rows.flatMap((row) =>
      CHANGED_BY_EVERY_STEP.filter((column) => {
        const word = new RegExp(`\\b${column}\\b`);
        return row.key_columns.includes(column) || word.test(row.expressions ?? '') || word.test(row.predicate ?? '');
      }).map((column) => `${row.index_name} reads ${column}`),
    );
    expect(offenders, `indexes that defeat in-place updates: ${offenders.join(', ')}`).toEqual([]);
  });
});
