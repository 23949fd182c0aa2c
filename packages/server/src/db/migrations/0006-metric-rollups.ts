import { sqlMigration, type SqlMigration } from './sql-migration.js';

const KEY = `kind text NOT NULL, bucket text NOT NULL, tenant_id text NOT NULL, workflow_key text NOT NULL, workflow_category text NOT NULL,
  data_category text NOT NULL, channel text NOT NULL, state text NOT NULL, warning text NOT NULL`;
const COUNTERS = `received bigint NOT NULL DEFAULT 0, completed bigint NOT NULL DEFAULT 0, completed_resolved bigint NOT NULL DEFAULT 0,
  on_time bigint NOT NULL DEFAULT 0, responded bigint NOT NULL DEFAULT 0, responded_on_time bigint NOT NULL DEFAULT 0, ideas bigint NOT NULL DEFAULT 0,
  ideas_adopted bigint NOT NULL DEFAULT 0, ideas_value numeric NOT NULL DEFAULT 0, open bigint NOT NULL DEFAULT 0, overdue bigint NOT NULL DEFAULT 0,
  referrals_awaiting bigint NOT NULL DEFAULT 0, referrals_overdue bigint NOT NULL DEFAULT 0, ratings bigint NOT NULL DEFAULT 0,
  rating_sum bigint NOT NULL DEFAULT 0, ratings_satisfied bigint NOT NULL DEFAULT 0`;

// The figures of the current period are read from rollups kept in step with the log: each step
// appends the change of its case's contribution to metric_deltas in the step's own statement
// (insert-only, so concurrent steps never wait on a shared counter row), and a worker folds the
// deltas into metric_rollups; a read adds both. cases.metric_facts holds what the case's
// contribution follows from (null until folded from the log: the server does that at start).
// SQL is PostgreSQL 15.
const STATEMENTS = [
  `ALTER TABLE cases ADD COLUMN metric_facts jsonb`,
  // Small while the cases are folded (none, once they are): the worker finds the rest through it.
  `CREATE INDEX cases_unfolded_idx ON cases (tenant_id, case_id) WHERE metric_facts IS NULL`,
  // The case list narrowed to a dashboard figure of a period (cases opened on those days).
  `CREATE INDEX cases_opened_idx ON cases (opened_at)`,
  `CREATE TABLE metric_rollups (
  ${KEY},
  ${COUNTERS},
  PRIMARY KEY (kind, bucket, tenant_id, workflow_key, workflow_category, data_category, channel, state, warning)
)`,
  `CREATE TABLE metric_deltas (
  tenant_id text NOT NULL,
  delta_id bigint GENERATED ALWAYS AS IDENTITY,
  ${KEY.replace('tenant_id text NOT NULL, ', '')},
  ${COUNTERS},
  PRIMARY KEY (tenant_id, delta_id)
)`,
];

/**
 * Migration 0006: the metric rollups (metric_rollups, metric_deltas) and the facts of each case they follow from.
 * @example
 * const provider = { getMigrations: async () => ({ '0006-metric-rollups': metricRollupsMigration }) };
 */
export const metricRollupsMigration: SqlMigration = sqlMigration(STATEMENTS, [
  'DROP TABLE IF EXISTS metric_deltas',
  'DROP TABLE IF EXISTS metric_rollups',
  'DROP INDEX IF EXISTS cases_opened_idx',
  'DROP INDEX IF EXISTS cases_unfolded_idx',
  'ALTER TABLE cases DROP COLUMN IF EXISTS metric_facts',
]);
