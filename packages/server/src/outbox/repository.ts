import { sql, type Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import type { ListQuery } from '../http/list-query.js';
import { scopedSelect } from '../tenancy/tenant-scope.js';
import { readOutboxPayload } from './outbox-payload.js';
import type { OutboxEntry, OutboxFilter } from './schemas.js';

/**
 * Sortable JSON fields of an outbox row and their columns.
 * @example
 * parseListQuery(query, { sortable: OUTBOX_SORTABLE, defaultSort: ['createdAt', 'DESC'], filters: outboxFilterSchema });
 */
export const OUTBOX_SORTABLE: Readonly<Record<string, string>> = {
  id: 'outbox.outbox_id',
  createdAt: 'outbox.created_at',
  nextAttemptAt: 'outbox.next_attempt_at',
  attempts: 'outbox.attempts',
  status: 'outbox.status',
  type: 'outbox.type',
  tenantId: 'outbox.tenant_id',
};

const COLUMNS = [
  'outbox.tenant_id',
  'outbox.outbox_id',
  'outbox.case_id',
  'outbox.type',
  'outbox.payload',
  'outbox.status',
  'outbox.attempts',
  'outbox.next_attempt_at',
  'outbox.last_error',
  'outbox.delivered_channels',
  'outbox.delivered_at',
  'outbox.created_at',
] as const;

interface OutboxRow {
  tenant_id: string;
  outbox_id: string;
  case_id: string | null;
  type: string;
  payload: unknown;
  status: OutboxEntry['status'];
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  delivered_channels: string[];
  delivered_at: Date | null;
  created_at: Date;
}

function toEntry(row: OutboxRow): OutboxEntry {
  const payload = readOutboxPayload(row.payload);
  return {
    id: row.outbox_id,
    tenantId: row.tenant_id,
    caseId: row.case_id,
    reference: payload?.reference ?? null,
    workflow: payload?.workflow ?? null,
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: new Date(row.next_attempt_at).toISOString(),
    lastError: row.last_error,
    deliveredChannels: row.delivered_channels,
    deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    effect: payload ? (payload.effect as unknown as Record<string, unknown>) : null,
  };
}

function filtered(db: Kysely<Database>, caller: Caller, filter: OutboxFilter) {
  const ids = filter.id === undefined ? undefined : [filter.id].flat();
  const statuses = filter.status === undefined ? undefined : [filter.status].flat();
  const types = filter.type === undefined ? undefined : [filter.type].flat();
  const none = sql<boolean>`false`;
  return scopedSelect(db, caller, 'outbox')
    .$if(ids !== undefined, (q) => (ids && ids.length > 0 ? q.where('outbox.outbox_id', 'in', ids) : q.where(none)))
    .$if(statuses !== undefined, (q) => (statuses && statuses.length > 0 ? q.where('outbox.status', 'in', statuses) : q.where(none)))
    .$if(types !== undefined, (q) => (types && types.length > 0 ? q.where('outbox.type', 'in', types) : q.where(none)))
    .$if(filter.caseId !== undefined, (q) => q.where('outbox.case_id', '=', filter.caseId ?? ''))
    .$if(filter.tenantId !== undefined, (q) => q.where('outbox.tenant_id', '=', filter.tenantId ?? ''));
}

/**
 * One page of the outbox rows of the caller's subtree, and how many match in all.
 * @example
 * const { rows, total } = await listOutbox(db, caller, list);
 */
export async function listOutbox(db: Kysely<Database>, caller: Caller, list: ListQuery<OutboxFilter>): Promise<{ rows: OutboxEntry[]; total: number }> {
  const count = await filtered(db, caller, list.filter).select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await filtered(db, caller, list.filter)
    .select(COLUMNS)
    .orderBy(sql.ref(list.sort.column), list.sort.direction === 'ASC' ? 'asc' : 'desc')
    .orderBy('outbox.outbox_id', 'asc')
    .offset(list.range.offset)
    .limit(list.range.limit)
    .execute();
  return { rows: rows.map(toEntry), total: Number(count.total) };
}

/**
 * An outbox row of the caller's subtree, or undefined (missing and foreign look the same);
 * `lock` holds it until the transaction ends.
 * @example
 * const entry = await findOutboxEntry(trx, caller, id, { lock: true });
 */
export async function findOutboxEntry(db: Kysely<Database>, caller: Caller, id: string, options: { lock?: boolean } = {}): Promise<OutboxEntry | undefined> {
  const row = await scopedSelect(db, caller, 'outbox')
    .select(COLUMNS)
    .where('outbox.outbox_id', '=', id)
    .$if(options.lock === true, (q) => q.forUpdate('outbox'))
    .executeTakeFirst();
  return row ? toEntry(row) : undefined;
}

/**
 * Puts a failed or dead row back in the queue, due at `now`; a dead row starts a fresh round of
 * attempts. Channels that already have it are not tried again.
 * @example
 * await requeueOutboxEntry(trx, entry, clock.now());
 */
export async function requeueOutboxEntry(db: Kysely<Database>, entry: Pick<OutboxEntry, 'tenantId' | 'id' | 'status'>, now: Date): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({ status: 'pending', next_attempt_at: now, attempts: entry.status === 'dead' ? 0 : eb.ref('outbox.attempts') }))
    .where('outbox.tenant_id', '=', entry.tenantId)
    .where('outbox.outbox_id', '=', entry.id)
    .execute();
}
