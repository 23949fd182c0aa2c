import { sqlMigration, type SqlMigration } from './sql-migration.js';

// Every table carries tenant_id and every primary or unique key starts with it, so the schema
// can be distributed by tenant (Citus) when one server is outgrown. SQL is PostgreSQL 15.
const STATEMENTS = [
  `CREATE TABLE tenants (
    tenant_id text NOT NULL,
    parent_id text,
    level text NOT NULL CHECK (level IN ('county', 'township', 'park', 'enterprise', 'workstation')),
    name_zh text NOT NULL,
    name_en text NOT NULL,
    path text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
  )`,
  `CREATE INDEX tenants_path_idx ON tenants (path text_pattern_ops)`,
  `CREATE TABLE users (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    username text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    roles text[] NOT NULL,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id),
    UNIQUE (tenant_id, username)
  )`,
  `CREATE INDEX users_username_idx ON users (username)`,
  `CREATE TABLE sessions (
    tenant_id text NOT NULL,
    session_id text NOT NULL,
    user_id text NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, session_id)
  )`,
  `CREATE TABLE agencies (
    tenant_id text NOT NULL,
    agency_id text NOT NULL,
    code text NOT NULL,
    name_zh text NOT NULL,
    name_en text NOT NULL,
    contact text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, agency_id),
    UNIQUE (tenant_id, code)
  )`,
  `CREATE TABLE enterprises (
    tenant_id text NOT NULL,
    enterprise_id text NOT NULL,
    name text NOT NULL,
    credit_code text,
    industry text,
    workers integer,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, enterprise_id),
    UNIQUE (tenant_id, credit_code)
  )`,
  `CREATE TABLE workflows (
    tenant_id text NOT NULL,
    workflow_id text NOT NULL,
    key text NOT NULL,
    version integer NOT NULL,
    status text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    title_zh text NOT NULL,
    title_en text NOT NULL,
    definition jsonb NOT NULL,
    overlay jsonb,
    parent_tenant_id text,
    parent_key text,
    parent_version integer,
    note text,
    created_by text,
    created_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    PRIMARY KEY (tenant_id, workflow_id),
    UNIQUE (tenant_id, key, version)
  )`,
  `CREATE TABLE cases (
    tenant_id text NOT NULL,
    case_id text NOT NULL,
    reference text NOT NULL,
    workflow_tenant_id text NOT NULL,
    workflow_key text NOT NULL,
    workflow_version integer NOT NULL,
    state text NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'closed')),
    warning text NOT NULL CHECK (warning IN ('green', 'yellow', 'red')),
    assignee_id text,
    channel text NOT NULL,
    enterprise_id text,
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    search_words tsvector NOT NULL,
    data jsonb NOT NULL,
    snapshot jsonb NOT NULL,
    version integer NOT NULL,
    due_at timestamptz,
    overdue boolean NOT NULL DEFAULT false,
    tracking_hash text,
    opened_by text,
    opened_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    closed_at timestamptz,
    PRIMARY KEY (tenant_id, case_id),
    UNIQUE (tenant_id, reference)
  )`,
  `CREATE INDEX cases_search_idx ON cases USING gin (search_words)`,
  `CREATE INDEX cases_state_idx ON cases (tenant_id, state, warning)`,
  `CREATE INDEX cases_data_idx ON cases USING gin (data jsonb_path_ops)`,
  `CREATE TABLE case_events (
    tenant_id text NOT NULL,
    case_id text NOT NULL,
    seq integer NOT NULL,
    type text NOT NULL,
    actor_id text NOT NULL,
    actor_roles text[] NOT NULL,
    data jsonb NOT NULL,
    effects jsonb NOT NULL,
    state_from text,
    state_to text NOT NULL,
    warning text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, case_id, seq)
  )`,
  `CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'case_events is append-only: % is not allowed', TG_OP;
  END;
  $$`,
  `CREATE TRIGGER case_events_no_update_delete BEFORE UPDATE OR DELETE ON case_events
    FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`,
  `CREATE TABLE timers (
    tenant_id text NOT NULL,
    case_id text NOT NULL,
    timer_id text NOT NULL,
    kind text NOT NULL,
    due_at timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'fired', 'cancelled')),
    created_at timestamptz NOT NULL DEFAULT now(),
    fired_at timestamptz,
    PRIMARY KEY (tenant_id, case_id, timer_id)
  )`,
  `CREATE INDEX timers_due_idx ON timers (due_at) WHERE status = 'pending'`,
  `CREATE TABLE outbox (
    tenant_id text NOT NULL,
    outbox_id text NOT NULL,
    case_id text,
    type text NOT NULL,
    payload jsonb NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, outbox_id)
  )`,
  `CREATE INDEX outbox_next_idx ON outbox (next_attempt_at) WHERE status = 'pending'`,
  `CREATE TABLE attachments (
    tenant_id text NOT NULL,
    attachment_id text NOT NULL,
    case_id text NOT NULL,
    filename text NOT NULL,
    content_type text NOT NULL,
    size integer NOT NULL CHECK (size >= 0 AND size <= 10485760),
    content bytea NOT NULL,
    uploaded_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, attachment_id)
  )`,
  `CREATE INDEX attachments_case_idx ON attachments (tenant_id, case_id)`,
  `CREATE TABLE idempotency_keys (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    status_code integer NOT NULL,
    body jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id, key)
  )`,
  `CREATE TABLE read_audit (
    tenant_id text NOT NULL,
    audit_id text NOT NULL,
    user_id text NOT NULL,
    case_id text NOT NULL,
    fields text[] NOT NULL,
    reason text NOT NULL,
    read_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, audit_id)
  )`,
];

/**
 * The first migration: every table of the server.
 * @example
 * const provider = { getMigrations: async () => ({ '0001-initial': initialMigration }) };
 */
export const initialMigration: SqlMigration = sqlMigration(STATEMENTS, [
  'DROP TABLE IF EXISTS read_audit',
  'DROP TABLE IF EXISTS idempotency_keys',
  'DROP TABLE IF EXISTS attachments',
  'DROP TABLE IF EXISTS outbox',
  'DROP TABLE IF EXISTS timers',
  'DROP TABLE IF EXISTS case_events',
  'DROP TABLE IF EXISTS cases',
  'DROP TABLE IF EXISTS workflows',
  'DROP TABLE IF EXISTS enterprises',
  'DROP TABLE IF EXISTS agencies',
  'DROP TABLE IF EXISTS sessions',
  'DROP TABLE IF EXISTS users',
  'DROP TABLE IF EXISTS tenants',
  'DROP FUNCTION IF EXISTS case_events_append_only()',
]);
