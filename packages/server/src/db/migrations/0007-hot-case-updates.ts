import { sqlMigration, type SqlMigration } from './sql-migration.js';

// PostgreSQL can update a row in place (a HOT update: no new entry in any of the table's indexes)
// only when no column an index reads has changed, and that includes the columns of a partial
// index's WHERE clause. cases_unfolded_idx was `WHERE metric_facts IS NULL`, and every step writes
// new metric facts, so every step on a case inserted entries into all nine of the cases' indexes,
// the two GIN indexes among them (measured in `pnpm bench:server`: 0% HOT updates; 97% without
// that index). The index now reads a stored flag that changes only when the facts appear or go.
// SQL is PostgreSQL 15.
const STATEMENTS = [
  `ALTER TABLE cases ADD COLUMN metric_facts_pending boolean GENERATED ALWAYS AS (metric_facts IS NULL) STORED`,
  `DROP INDEX cases_unfolded_idx`,
  `CREATE INDEX cases_unfolded_idx ON cases (tenant_id, case_id) WHERE metric_facts_pending`,
];

/**
 * Migration 0007: the index of cases whose metric facts are still to be folded reads a stored flag, so that steps update cases in place.
 * @example
 * const provider = { getMigrations: async () => ({ '0007-hot-case-updates': hotCaseUpdatesMigration }) };
 */
export const hotCaseUpdatesMigration: SqlMigration = sqlMigration(STATEMENTS, [
  'DROP INDEX cases_unfolded_idx',
  'CREATE INDEX cases_unfolded_idx ON cases (tenant_id, case_id) WHERE metric_facts IS NULL',
  'ALTER TABLE cases DROP COLUMN metric_facts_pending',
]);
