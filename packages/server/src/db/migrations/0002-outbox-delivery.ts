import { sqlMigration, type SqlMigration } from './sql-migration.js';

// Deliveries are claimed by flipping a row to `sending` with a lease: for a `sending` row
// next_attempt_at is the lease's deadline, so one partial index finds both due rows and rows
// whose lease ran out (their process died mid-delivery). SQL is PostgreSQL 15.
const STATEMENTS = [
  `ALTER TABLE outbox DROP CONSTRAINT outbox_status_check`,
  `ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'dead'))`,
  `ALTER TABLE outbox ADD COLUMN delivered_channels text[] NOT NULL DEFAULT '{}'`,
  `ALTER TABLE outbox ADD COLUMN delivered_at timestamptz`,
  `DROP INDEX outbox_next_idx`,
  `CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status IN ('pending', 'failed', 'sending')`,
  `CREATE INDEX outbox_status_idx ON outbox (tenant_id, status, created_at)`,
  `CREATE INDEX outbox_case_idx ON outbox (tenant_id, case_id)`,
  // A notification belongs to its recipient's union (tenant_id), which may be an ancestor of the
  // case's union (case_tenant_id); one per recipient and outbox row, so a retried delivery adds none.
  `CREATE TABLE notifications (
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
  )`,
  `CREATE INDEX notifications_user_idx ON notifications (tenant_id, user_id, created_at)`,
];

/**
 * The second migration: outbox deliveries with leases and per-channel progress, and the in-app
 * notifications table.
 * @example
 * const provider = { getMigrations: async () => ({ '0002-outbox-delivery': outboxDeliveryMigration }) };
 */
export const outboxDeliveryMigration: SqlMigration = sqlMigration(STATEMENTS, [
  'DROP TABLE IF EXISTS notifications',
  'DROP INDEX IF EXISTS outbox_due_idx',
  'DROP INDEX IF EXISTS outbox_status_idx',
  'DROP INDEX IF EXISTS outbox_case_idx',
  `UPDATE outbox SET status = 'pending' WHERE status = 'sending'`,
  'ALTER TABLE outbox DROP COLUMN delivered_at, DROP COLUMN delivered_channels, DROP CONSTRAINT outbox_status_check',
  `ALTER TABLE outbox ADD CONSTRAINT outbox_status_check CHECK (status IN ('pending', 'sent', 'failed', 'dead'))`,
  `CREATE INDEX outbox_next_idx ON outbox (next_attempt_at) WHERE status = 'pending'`,
]);
