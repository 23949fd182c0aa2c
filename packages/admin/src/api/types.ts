import type { AvailableEvent, FieldDefinition, LocalizedText, Workflow } from '@shuoshi/engine';

export type { AvailableEvent, FieldDefinition, LocalizedText, Workflow };

/**
 * The warning colours of a case, mildest first.
 * @example
 * WARNING_LEVELS.map((level) => translate(`shuoshi.warning.${level}`));
 */
export const WARNING_LEVELS = ['green', 'yellow', 'red'] as const;

/**
 * A warning colour.
 * @example
 * const level: WarningLevel = 'yellow';
 */
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/**
 * The channels a matter comes in by (as the server's `CHANNELS`).
 * @example
 * CHANNELS.includes('phone'); // true
 */
export const CHANNELS = ['walk_in', 'phone', 'online', 'mini_program'] as const;

/**
 * The staff roles (as the engine's built-in roles).
 * @example
 * STAFF_ROLES.includes('mediator'); // true
 */
export const STAFF_ROLES = ['county_admin', 'township_admin', 'intake_operator', 'mediator', 'early_warning_officer', 'lawyer', 'counsellor', 'supervisor'] as const;

/**
 * An outside body's referral as the case shows it (the engine's ReferralRecord, plus whatever
 * the server adds later, such as the reply).
 * @example
 * const r: CaseReferral = { id: 'r1', agency: 'congress_liaison', state: 'escalation', sentAt, replyDueAt, status: 'awaiting', overdue: false };
 */
export interface CaseReferral {
  id: string;
  agency: string;
  state: string;
  sentAt: string;
  replyDueAt: string;
  status: 'awaiting' | 'replied' | 'returned' | 'withdrawn';
  overdue: boolean;
  closedAt?: string;
  [extra: string]: unknown;
}

/**
 * A case as GET /api/cases/:id answers it (lists leave out the snapshot summary).
 * @example
 * const title = (record as CaseRecord).title;
 */
export interface CaseRecord {
  id: string;
  reference: string;
  tenantId: string;
  workflow: { key: string; version: number; tenantId: string };
  state: string;
  stateTitle: LocalizedText | null;
  status: 'open' | 'closed';
  warning: WarningLevel;
  assigneeId: string | null;
  channel: string;
  enterpriseId: string | null;
  title: string;
  description: string;
  data: Record<string, unknown>;
  version: number;
  dueAt: string | null;
  overdue: boolean;
  openedBy: string | null;
  openedAt: string;
  updatedAt: string;
  closedAt: string | null;
  warningCauses?: Array<{ source: string; id: string; level: string }>;
  clock?: { state: string; enteredAt: string; dueAt: string | null; paused: boolean; breachedAt: string | null } | null;
  referrals?: CaseReferral[];
  handlers?: string[];
}

/**
 * One entry of a case's timeline.
 * @example
 * const first: TimelineEntry = entries[0];
 */
export interface TimelineEntry {
  seq: number;
  type: string;
  actor: { id: string; roles: string[] };
  stateFrom: string | null;
  stateTo: string;
  warning: string;
  data: Record<string, unknown>;
  createdAt: string;
}

/**
 * An attachment's metadata.
 * @example
 * const size = (attachment as AttachmentRecord).size;
 */
export interface AttachmentRecord {
  id: string;
  caseId: string;
  filename: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  createdAt: string;
}

/**
 * A workflow version as GET /api/workflows/:id answers it.
 * @example
 * const fields = (record as WorkflowRecord).definition.fields;
 */
export interface WorkflowRecord {
  id: string;
  tenantId: string;
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  title: LocalizedText;
  definition: Workflow;
}

/**
 * The signed-in user and their union, as POST /api/auth/login and GET /api/auth/me answer.
 * @example
 * const roles = (me as SessionUser).roles;
 */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  tenant: { id: string; name: LocalizedText; level: string; path: string };
}

/**
 * A role a union's staff may hold, as GET /api/roles answers it: built in, or custom with the
 * workflow versions that declare it (nearest union first; the first names the role).
 * @example
 * const role: RoleRecord = { id: 'chamber_mediator', builtIn: false, title: { zh: '商会调解员', en: 'Chamber of commerce mediator' }, workflows: [] };
 */
export interface RoleRecord {
  id: string;
  builtIn: boolean;
  title: LocalizedText;
  workflows: Array<{ id: string; tenantId: string; key: string; version: number; status: 'draft' | 'published' | 'retired'; title: LocalizedText }>;
}

/**
 * GET /api/roles's answer: the union asked about and the roles its staff may hold.
 * @example
 * const { roles } = (await apiFetch('/roles?tenantId=huchen')).body as UnionRoles;
 */
export interface UnionRoles {
  tenantId: string;
  roles: RoleRecord[];
}
