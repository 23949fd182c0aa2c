-- Shuoshi server schema (PostgreSQL 15+; PGlite). Generated from the migrations by
--   pnpm --filter @shuoshi/server db:schema
-- Do not edit: change a migration in src/db/migrations and regenerate. A test applies this file and
-- the migrations to two schemas and compares their catalogues.
-- Every table has tenant_id and every primary or unique key includes it (distributable by tenant).

CREATE TABLE tenants (
    tenant_id text NOT NULL,
    parent_id text,
    level text NOT NULL CHECK (level IN ('county', 'township', 'park', 'enterprise', 'workstation')),
    name_zh text NOT NULL,
    name_en text NOT NULL,
    path text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
  );

CREATE INDEX tenants_path_idx ON tenants (path text_pattern_ops);

CREATE TABLE users (
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
  );

CREATE INDEX users_username_idx ON users (username);

CREATE TABLE sessions (
    tenant_id text NOT NULL,
    session_id text NOT NULL,
    user_id text NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, session_id)
  );

CREATE TABLE agencies (
    tenant_id text NOT NULL,
    agency_id text NOT NULL,
    code text NOT NULL,
    name_zh text NOT NULL,
    name_en text NOT NULL,
    contact text,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, agency_id),
    UNIQUE (tenant_id, code)
  );

CREATE TABLE enterprises (
    tenant_id text NOT NULL,
    enterprise_id text NOT NULL,
    name text NOT NULL,
    credit_code text,
    industry text,
    workers integer,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, enterprise_id),
    UNIQUE (tenant_id, credit_code)
  );

CREATE TABLE workflows (
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
  );

CREATE TABLE cases (
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
  );

CREATE INDEX cases_search_idx ON cases USING gin (search_words);

CREATE INDEX cases_state_idx ON cases (tenant_id, state, warning);

CREATE INDEX cases_data_idx ON cases USING gin (data jsonb_path_ops);

CREATE TABLE case_events (
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
  );

CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'case_events is append-only: % is not allowed', TG_OP;
  END;
  $$;

CREATE TRIGGER case_events_no_update_delete BEFORE UPDATE OR DELETE ON case_events
    FOR EACH ROW EXECUTE FUNCTION case_events_append_only();

CREATE TABLE timers (
    tenant_id text NOT NULL,
    case_id text NOT NULL,
    timer_id text NOT NULL,
    kind text NOT NULL,
    due_at timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'fired', 'cancelled')),
    created_at timestamptz NOT NULL DEFAULT now(),
    fired_at timestamptz,
    PRIMARY KEY (tenant_id, case_id, timer_id)
  );

CREATE INDEX timers_due_idx ON timers (due_at) WHERE status = 'pending';

CREATE TABLE outbox (
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
  );

CREATE INDEX outbox_next_idx ON outbox (next_attempt_at) WHERE status = 'pending';

CREATE TABLE attachments (
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
  );

CREATE INDEX attachments_case_idx ON attachments (tenant_id, case_id);

CREATE TABLE idempotency_keys (
    tenant_id text NOT NULL,
    user_id text NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    status_code integer NOT NULL,
    body jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id, key)
  );

CREATE TABLE read_audit (
    tenant_id text NOT NULL,
    audit_id text NOT NULL,
    user_id text NOT NULL,
    case_id text NOT NULL,
    fields text[] NOT NULL,
    reason text NOT NULL,
    read_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, audit_id)
  );

ALTER TABLE outbox DROP CONSTRAINT outbox_status_check;

ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dead'));

ALTER TABLE outbox ADD COLUMN delivered_channels text[] NOT NULL DEFAULT '{}';

ALTER TABLE outbox ADD COLUMN delivered_at timestamptz;

DROP INDEX outbox_next_idx;

CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status IN ('pending', 'failed', 'sending');

CREATE INDEX outbox_status_idx ON outbox (tenant_id, status, created_at);

CREATE INDEX outbox_case_idx ON outbox (tenant_id, case_id);

CREATE TABLE notifications (
    tenant_id text NOT NULL,
    notification_id text NOT NULL,
    user_id text NOT NULL,
    outbox_id text NOT NULL,
    case_tenant_id text NOT NULL,
    case_id text NOT NULL,
    reference text NOT NULL,
    type text NOT NULL,
    reason text NOT NULL,
    state text NOT NULL,
    message_zh text NOT NULL,
    message_en text NOT NULL,
    read_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, notification_id),
    UNIQUE (tenant_id, user_id, outbox_id)
  );

CREATE INDEX notifications_user_idx ON notifications (tenant_id, user_id, created_at);

CREATE INDEX cases_tracking_hash_idx ON cases (tracking_hash) WHERE tracking_hash IS NOT NULL;

CREATE INDEX cases_closed_idx ON cases (closed_at) WHERE status = 'closed';

CREATE TABLE enterprise_risk (
    tenant_id text NOT NULL,
    enterprise_id text NOT NULL,
    colour text NOT NULL CHECK (colour IN ('green', 'yellow', 'red')),
    reasons jsonb NOT NULL,
    open_cases integer NOT NULL,
    computed_at timestamptz NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, enterprise_id)
  );

CREATE INDEX enterprise_risk_colour_idx ON enterprise_risk (colour);

CREATE TABLE enterprise_risk_history (
    tenant_id text NOT NULL,
    enterprise_id text NOT NULL,
    history_id text NOT NULL,
    from_colour text NOT NULL CHECK (from_colour IN ('green', 'yellow', 'red')),
    to_colour text NOT NULL CHECK (to_colour IN ('green', 'yellow', 'red')),
    reasons jsonb NOT NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, enterprise_id, history_id)
  );

CREATE INDEX enterprise_risk_history_at_idx ON enterprise_risk_history (tenant_id, enterprise_id, changed_at);

CREATE TABLE risk_rule_sets (
    tenant_id text NOT NULL,
    rules jsonb NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id)
  );

CREATE TABLE risk_watermarks (
    tenant_id text NOT NULL,
    name text NOT NULL,
    last_event_at timestamptz,
    last_full_at timestamptz,
    PRIMARY KEY (tenant_id, name)
  );

CREATE INDEX case_events_created_idx ON case_events (created_at);

ALTER TABLE workflows ALTER COLUMN definition TYPE json USING definition::json;

ALTER TABLE workflows ALTER COLUMN overlay TYPE json USING overlay::json;

ALTER TABLE cases ADD COLUMN metric_facts jsonb;

CREATE INDEX cases_unfolded_idx ON cases (tenant_id, case_id) WHERE metric_facts IS NULL;

CREATE INDEX cases_opened_idx ON cases (opened_at);

CREATE TABLE metric_rollups (
  kind text NOT NULL, bucket text NOT NULL, tenant_id text NOT NULL, workflow_key text NOT NULL, workflow_category text NOT NULL,
  data_category text NOT NULL, channel text NOT NULL, state text NOT NULL, warning text NOT NULL,
  received bigint NOT NULL DEFAULT 0, completed bigint NOT NULL DEFAULT 0, completed_resolved bigint NOT NULL DEFAULT 0,
  on_time bigint NOT NULL DEFAULT 0, responded bigint NOT NULL DEFAULT 0, responded_on_time bigint NOT NULL DEFAULT 0, ideas bigint NOT NULL DEFAULT 0,
  ideas_adopted bigint NOT NULL DEFAULT 0, ideas_value numeric NOT NULL DEFAULT 0, open bigint NOT NULL DEFAULT 0, overdue bigint NOT NULL DEFAULT 0,
  referrals_awaiting bigint NOT NULL DEFAULT 0, referrals_overdue bigint NOT NULL DEFAULT 0, ratings bigint NOT NULL DEFAULT 0,
  rating_sum bigint NOT NULL DEFAULT 0, ratings_satisfied bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (kind, bucket, tenant_id, workflow_key, workflow_category, data_category, channel, state, warning)
);

CREATE TABLE metric_deltas (
  tenant_id text NOT NULL,
  delta_id bigint GENERATED ALWAYS AS IDENTITY,
  kind text NOT NULL, bucket text NOT NULL, workflow_key text NOT NULL, workflow_category text NOT NULL,
  data_category text NOT NULL, channel text NOT NULL, state text NOT NULL, warning text NOT NULL,
  received bigint NOT NULL DEFAULT 0, completed bigint NOT NULL DEFAULT 0, completed_resolved bigint NOT NULL DEFAULT 0,
  on_time bigint NOT NULL DEFAULT 0, responded bigint NOT NULL DEFAULT 0, responded_on_time bigint NOT NULL DEFAULT 0, ideas bigint NOT NULL DEFAULT 0,
  ideas_adopted bigint NOT NULL DEFAULT 0, ideas_value numeric NOT NULL DEFAULT 0, open bigint NOT NULL DEFAULT 0, overdue bigint NOT NULL DEFAULT 0,
  referrals_awaiting bigint NOT NULL DEFAULT 0, referrals_overdue bigint NOT NULL DEFAULT 0, ratings bigint NOT NULL DEFAULT 0,
  rating_sum bigint NOT NULL DEFAULT 0, ratings_satisfied bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, delta_id)
);

ALTER TABLE cases ADD COLUMN metric_facts_pending boolean GENERATED ALWAYS AS (metric_facts IS NULL) STORED;

DROP INDEX cases_unfolded_idx;

CREATE INDEX cases_unfolded_idx ON cases (tenant_id, case_id) WHERE metric_facts_pending;
