import { sqlMigration, type SqlMigration } from './sql-migration.js';

// The enterprise risk register: each employer's current colour, the history of its changes, the
// per-union rule overrides and the watermark of the worker that keeps the colours current.
// Every key includes tenant_id (the enterprise's union; '*' for the one process-wide watermark row).
const STATEMENTS = [
  `CREATE TABLE enterprise_risk (
    tenant_id text NOT NULL,
    enterprise_id text NOT NULL,
    colour text NOT NULL CHECK (colour IN ('green', 'yellow', 'red')),
    reasons jsonb NOT NULL,
    open_cases integer NOT NULL,
    computed_at timestamptz NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, enterprise_id)
  )`,
  `CREATE INDEX enterprise_risk_colour_idx ON enterprise_risk (colour)`,
  `CREATE TABLE enterprise_risk_history (
    tenant_id text NOT NULL,
    enterprise_id text NOT NULL,
    history_id text NOT NULL,
    from_colour text NOT NULL CHECK (from_colour IN ('green', 'yellow', 'red')),
    to_colour text NOT NULL CHECK (to_colour IN ('green', 'yellow', 'red')),
    reasons jsonb NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, enterprise_id, history_id)
  )`,
  `CREATE INDEX enterprise_risk_history_at_idx ON enterprise_risk_history (tenant_id, enterprise_id, changed_at)`,
  `CREATE TABLE risk_rule_sets (
    tenant_id text NOT NULL,
    rules jsonb NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
  )`,
  `CREATE TABLE risk_watermarks (
    tenant_id text NOT NULL,
    name text NOT NULL,
    last_event_at timestamptz,
    last_full_at timestamptz,
    PRIMARY KEY (tenant_id, name)
  )`,
  // The risk worker reads the events written since its watermark, and ratings are counted by the
  // time they were given: both range over case_events.created_at.
  `CREATE INDEX case_events_created_idx ON case_events (created_at)`,
];

/**
 * Migration 0004: the enterprise risk register's tables and an index on the event log's time.
 * @example
 * const provider = { getMigrations: async () => ({ '0004-risk-register': riskRegisterMigration }) };
 */
export const riskRegisterMigration: SqlMigration = sqlMigration(STATEMENTS, [
  'DROP INDEX IF EXISTS case_events_created_idx',
  'DROP TABLE IF EXISTS risk_watermarks',
  'DROP TABLE IF EXISTS risk_rule_sets',
  'DROP TABLE IF EXISTS enterprise_risk_history',
  'DROP TABLE IF EXISTS enterprise_risk',
]);
