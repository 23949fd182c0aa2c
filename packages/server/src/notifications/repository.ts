import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import type { ListQuery } from '../http/list-query.js';
import { scopedSelect } from '../tenancy/tenant-scope.js';
import type { RecipientUser } from './recipients.js';
import type { Notification, NotificationFilter } from './schemas.js';

/**
 * Sortable JSON fields of a notification and their columns.
 * @example
 * parseListQuery(query, { sortable: NOTIFICATION_SORTABLE, defaultSort: ['createdAt', 'DESC'], filters: notificationFilterSchema });
 */
export const NOTIFICATION_SORTABLE: Readonly<Record<string, string>> = {
  id: 'notifications.notification_id',
  createdAt: 'notifications.created_at',
  readAt: 'notifications.read_at',
  reference: 'notifications.reference',
  reason: 'notifications.reason',
};

const COLUMNS = [
  'notifications.notification_id',
  'notifications.case_tenant_id',
  'notifications.case_id',
  'notifications.reference',
  'notifications.type',
  'notifications.reason',
  'notifications.state',
  'notifications.message_zh',
  'notifications.message_en',
  'notifications.read_at',
  'notifications.created_at',
] as const;

interface NotificationRow {
  notification_id: string;
  case_tenant_id: string;
  case_id: string;
  reference: string;
  type: string;
  reason: string;
  state: string;
  message_zh: string;
  message_en: string;
  read_at: Date | null;
  created_at: Date;
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.notification_id,
    caseId: row.case_id,
    caseTenantId: row.case_tenant_id,
    reference: row.reference,
    type: row.type,
    reason: row.reason,
    state: row.state,
    message: { zh: row.message_zh, en: row.message_en },
    read: row.read_at !== null,
    readAt: row.read_at === null ? null : new Date(row.read_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

// A caller's own notifications: in their subtree (the one scoping function) and theirs.
function own(db: Kysely<Database>, caller: Caller) {
  return scopedSelect(db, caller, 'notifications').where('notifications.tenant_id', '=', caller.tenantId).where('notifications.user_id', '=', caller.userId);
}

function filtered(db: Kysely<Database>, caller: Caller, filter: NotificationFilter) {
  const ids = filter.id === undefined ? undefined : [filter.id].flat();
  return own(db, caller)
    .$if(ids !== undefined, (q) => (ids && ids.length > 0 ? q.where('notifications.notification_id', 'in', ids) : q.where(sql<boolean>`false`)))
    .$if(filter.read !== undefined, (q) => q.where('notifications.read_at', filter.read ? 'is not' : 'is', null))
    .$if(filter.caseId !== undefined, (q) => q.where('notifications.case_id', '=', filter.caseId ?? ''))
    .$if(filter.reason !== undefined, (q) => q.where('notifications.reason', '=', filter.reason ?? ''));
}

/**
 * One page of the caller's own notifications, and how many match in all.
 * @example
 * const { rows, total } = await listNotifications(db, caller, list);
 */
export async function listNotifications(db: Kysely<Database>, caller: Caller, list: ListQuery<NotificationFilter>): Promise<{ rows: Notification[]; total: number }> {
  const count = await filtered(db, caller, list.filter).select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await filtered(db, caller, list.filter)
    .select(COLUMNS)
    .orderBy(sql.ref(list.sort.column), list.sort.direction === 'ASC' ? 'asc' : 'desc')
    .orderBy('notifications.notification_id', 'asc')
    .offset(list.range.offset)
    .limit(list.range.limit)
    .execute();
  return { rows: rows.map(toNotification), total: Number(count.total) };
}

/**
 * One of the caller's own notifications, or undefined (another user's looks missing).
 * @example
 * const notification = await findNotification(db, caller, id);
 */
export async function findNotification(db: Kysely<Database>, caller: Caller, id: string): Promise<Notification | undefined> {
  const row = await own(db, caller).select(COLUMNS).where('notifications.notification_id', '=', id).executeTakeFirst();
  return row ? toNotification(row) : undefined;
}

/**
 * Marks the caller's notifications read at `now` (those given, or all); ones already read keep
 * their first time. Answers how many changed.
 * @example
 * await markNotificationsRead(db, caller, now, [id]);
 */
export async function markNotificationsRead(db: Kysely<Database>, caller: Caller, now: Date, ids?: readonly string[]): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('notifications.tenant_id', '=', caller.tenantId)
    .where('notifications.user_id', '=', caller.userId)
    .where('notifications.read_at', 'is', null)
    .$if(ids !== undefined, (q) => q.where('notifications.notification_id', 'in', ids && ids.length > 0 ? [...ids] : ['']))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * What an in-app notification says and where it comes from.
 * @example
 * const content: NotificationContent = { outboxId, caseTenantId: 'chalu', caseId, reference, type: 'notify', reason: 'rule', state: 'intake', message };
 */
export interface NotificationContent {
  outboxId: string;
  caseTenantId: string;
  caseId: string;
  reference: string;
  type: string;
  reason: string;
  state: string;
  message: { zh: string; en: string };
}

/**
 * Writes one notification per recipient; a recipient who already has one for this outbox row
 * gets no second (a retried delivery is harmless). Answers how many were written.
 * @example
 * await insertNotifications(db, users, content, clock.now());
 */
export async function insertNotifications(db: Kysely<Database>, users: readonly RecipientUser[], content: NotificationContent, now: Date): Promise<number> {
  if (users.length === 0) return 0;
  const result = await db
    .insertInto('notifications')
    .values(
      users.map((user) => ({
        tenant_id: user.tenantId,
        notification_id: randomUUID(),
        user_id: user.userId,
        outbox_id: content.outboxId,
        case_tenant_id: content.caseTenantId,
        case_id: content.caseId,
        reference: content.reference,
        type: content.type,
        reason: content.reason,
        state: content.state,
        message_zh: content.message.zh,
        message_en: content.message.en,
        read_at: null,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'outbox_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n);
}
