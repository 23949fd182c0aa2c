import type { ColumnType } from 'kysely';

/**
 * In-app notifications, one per recipient user and outbox row; `tenant_id` is the recipient's
 * union, `case_tenant_id` the case's (an ancestor's supervisor is told of a township's case).
 * @example
 * db.selectFrom('notifications').where('tenant_id', '=', caller.tenantId).where('user_id', '=', caller.userId);
 */
export interface NotificationsTable {
  tenant_id: string;
  notification_id: string;
  user_id: string;
  outbox_id: string;
  case_tenant_id: string;
  case_id: string;
  reference: string;
  type: string;
  reason: string;
  state: string;
  message_zh: string;
  message_en: string;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
