import type { ColumnType, Generated } from 'kysely';
import type { NotificationsTable } from '../notifications/notifications-table.js';
import type { CaseFacts } from '../rollups/case-facts.js';
import type { EnterpriseRiskHistoryTable, EnterpriseRiskTable, RiskRuleSetsTable, RiskWatermarksTable } from '../risk/risk-tables.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T = unknown> = ColumnType<T, string, string>;

/**
 * The tenant tree: county -> township / park -> enterprise union -> workstation.
 * @example
 * db.selectFrom('tenants').where('path', 'like', `${caller.path}%`);
 */
export interface TenantsTable {
  tenant_id: string;
  parent_id: string | null;
  level: 'county' | 'township' | 'park' | 'enterprise' | 'workstation';
  name_zh: string;
  name_en: string;
  /** Materialised path of ids, `/county/township/`, so a subtree is a prefix match. */
  path: string;
  created_at: CreatedAt;
}

/**
 * Staff accounts.
 * @example
 * db.selectFrom('users').where('username', '=', 'chalu.admin');
 */
export interface UsersTable {
  tenant_id: string;
  user_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  active: Generated<boolean>;
  created_at: CreatedAt;
}

/**
 * Login sessions, so that a token can be revoked by logout.
 * @example
 * db.updateTable('sessions').set({ revoked_at: new Date() });
 */
export interface SessionsTable {
  tenant_id: string;
  session_id: string;
  user_id: string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  created_at: CreatedAt;
}

/**
 * Outside bodies a case can be referred to.
 * @example
 * db.selectFrom('agencies').selectAll();
 */
export interface AgenciesTable {
  tenant_id: string;
  agency_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  contact: string | null;
  created_at: CreatedAt;
}

/**
 * Employers whose workers raise matters.
 * @example
 * db.selectFrom('enterprises').selectAll();
 */
export interface EnterprisesTable {
  tenant_id: string;
  enterprise_id: string;
  name: string;
  credit_code: string | null;
  industry: string | null;
  workers: number | null;
  created_at: CreatedAt;
}

/**
 * Workflow versions: drafts, published and retired; overlays keep their overlay and the resolved definition.
 * @example
 * db.selectFrom('workflows').where('status', '=', 'published');
 */
export interface WorkflowsTable {
  tenant_id: string;
  workflow_id: string;
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  title_zh: string;
  title_en: string;
  definition: Json;
  overlay: Json | null;
  parent_tenant_id: string | null;
  parent_key: string | null;
  parent_version: number | null;
  note: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  published_at: Timestamp | null;
}

/**
 * Cases: the engine's snapshot plus the columns lists filter on.
 * @example
 * db.selectFrom('cases').where('warning', '=', 'red');
 */
export interface CasesTable {
  tenant_id: string;
  case_id: string;
  reference: string;
  workflow_tenant_id: string;
  workflow_key: string;
  workflow_version: number;
  state: string;
  status: 'open' | 'closed';
  warning: 'green' | 'yellow' | 'red';
  assignee_id: string | null;
  channel: string;
  enterprise_id: string | null;
  title: string;
  description: string;
  search_words: ColumnType<string, string, string>;
  data: Json<Record<string, unknown>>;
  snapshot: Json;
  version: number;
  due_at: Timestamp | null;
  overdue: Generated<boolean>;
  tracking_hash: string | null;
  opened_by: string | null;
  opened_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Timestamp | null;
  /** What the case adds to the metric rollups follows from these (null until folded from the log). */
  metric_facts: ColumnType<CaseFacts | null, string | null | undefined, string | null>;
  /** Whether metric_facts is null, kept by PostgreSQL (a generated column): what the index of cases to fold reads. */
  metric_facts_pending: ColumnType<boolean, never, never>;
}

/**
 * The append-only log of every step of every case.
 * @example
 * db.selectFrom('case_events').where('case_id', '=', id).orderBy('seq');
 */
export interface CaseEventsTable {
  tenant_id: string;
  case_id: string;
  seq: number;
  type: string;
  actor_id: string;
  actor_roles: string[];
  data: Json;
  effects: Json;
  state_from: string | null;
  state_to: string;
  warning: string;
  created_at: Timestamp;
}

/**
 * Durable timers from the engine's effects.
 * @example
 * db.selectFrom('timers').where('status', '=', 'pending');
 */
export interface TimersTable {
  tenant_id: string;
  case_id: string;
  timer_id: string;
  kind: string;
  due_at: Timestamp;
  status: 'pending' | 'fired' | 'cancelled';
  created_at: CreatedAt;
  fired_at: Timestamp | null;
}

/**
 * Effects to deliver (notifications, referrals, host actions).
 * @example
 * db.selectFrom('outbox').where('status', '=', 'pending');
 */
export interface OutboxTable {
  tenant_id: string;
  outbox_id: string;
  case_id: string | null;
  type: string;
  payload: Json;
  /** `sending`: claimed by a worker; its next_attempt_at is then the lease's deadline (see outbox/). */
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'dead';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  delivered_channels: ColumnType<string[], string[] | undefined, string[]>;
  delivered_at: Timestamp | null;
  created_at: CreatedAt;
}

/**
 * Files attached to cases, stored in the database.
 * @example
 * db.selectFrom('attachments').where('case_id', '=', id);
 */
export interface AttachmentsTable {
  tenant_id: string;
  attachment_id: string;
  case_id: string;
  filename: string;
  content_type: string;
  size: number;
  content: Buffer;
  uploaded_by: string;
  created_at: CreatedAt;
}

/**
 * Responses remembered per Idempotency-Key, so a retry returns the first response.
 * @example
 * db.selectFrom('idempotency_keys').where('key', '=', key);
 */
export interface IdempotencyKeysTable {
  tenant_id: string;
  user_id: string;
  key: string;
  request_hash: string;
  status_code: number;
  body: Json;
  created_at: CreatedAt;
}

/**
 * Every unmasked read of personal fields.
 * @example
 * db.insertInto('read_audit').values(row);
 */
export interface ReadAuditTable {
  tenant_id: string;
  audit_id: string;
  user_id: string;
  case_id: string;
  fields: string[];
  reason: string;
  read_at: CreatedAt;
}

/**
 * The server's database, table by table (SQL snake_case; mapped to camelCase in repositories).
 * @example
 * const db = new Kysely<Database>({ dialect });
 */
export interface Database {
  tenants: TenantsTable;
  users: UsersTable;
  sessions: SessionsTable;
  agencies: AgenciesTable;
  enterprises: EnterprisesTable;
  workflows: WorkflowsTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  timers: TimersTable;
  outbox: OutboxTable;
  attachments: AttachmentsTable;
  idempotency_keys: IdempotencyKeysTable;
  read_audit: ReadAuditTable;
  notifications: NotificationsTable;
  enterprise_risk: EnterpriseRiskTable;
  enterprise_risk_history: EnterpriseRiskHistoryTable;
  risk_rule_sets: RiskRuleSetsTable;
  risk_watermarks: RiskWatermarksTable;
}
