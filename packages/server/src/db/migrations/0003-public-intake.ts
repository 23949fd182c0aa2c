import { sqlMigration, type SqlMigration } from './sql-migration.js';

// A worker's tracking code finds its case by the code's hash, across every union (the code is
// the only key the public has), so the hash needs an index of its own; it is not unique in SQL
// (a unique key must include tenant_id) — the intake checks that a new hash is unused. The public
// result list reads closed cases newest first. SQL is PostgreSQL 15.
const STATEMENTS = [
  `CREATE INDEX cases_tracking_hash_idx ON cases (tracking_hash) WHERE tracking_hash IS NOT NULL`,
  `CREATE INDEX cases_closed_idx ON cases (closed_at) WHERE status = 'closed'`,
];

/**
 * The public intake migration: indexes for tracking-code look-ups and the public result list.
 * @example
 * const provider = { getMigrations: async () => ({ '0003-public-intake': publicIntakeMigration }) };
 */
export const publicIntakeMigration: SqlMigration = sqlMigration(STATEMENTS, [
  'DROP INDEX IF EXISTS cases_closed_idx',
  'DROP INDEX IF EXISTS cases_tracking_hash_idx',
]);
