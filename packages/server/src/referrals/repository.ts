import type { ReferralRecord } from '@shuoshi/engine';
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import type { ListQuery } from '../http/list-query.js';
import { subtreeTenantIds } from '../tenancy/tenant-scope.js';
import type { ReferralFilter } from './schemas.js';

/**
 * One referral of a case as read from `cases.snapshot->'referrals'`, with its case and union.
 * @example
 * const row: ReferralRow = (await listReferralRows(db, caller, list, now)).rows[0];
 */
export interface ReferralRow {
  tenant_id: string;
  case_id: string;
  reference: string;
  title: string;
  description: string;
  state: string;
  status: 'open' | 'closed';
  workflow_key: string;
  workflow_version: number;
  data: Record<string, unknown>;
  tenant_path: string;
  tenant_name_zh: string;
  tenant_name_en: string;
  referral: ReferralRecord;
  /** The stored flag, or awaiting past the deadline at `now`. */
  overdue: boolean;
}

/**
 * Sortable JSON fields of a referral (each maps to an expression over the referral's JSON).
 * @example
 * parseListQuery(query, { sortable: REFERRAL_SORTABLE, defaultSort: ['replyDueAt', 'ASC'], filters: referralFilterSchema });
 */
export const REFERRAL_SORTABLE: Readonly<Record<string, string>> = {
  id: 'id',
  reference: 'reference',
  tenantId: 'tenantId',
  agency: 'agency',
  status: 'status',
  overdue: 'overdue',
  sentAt: 'sentAt',
  replyDueAt: 'replyDueAt',
  closedAt: 'closedAt',
};

// PostgreSQL makes a function in FROM lateral, so each case row unnests its own referrals.
const REFERRALS = sql<{ value: ReferralRecord }>`jsonb_array_elements(cases.snapshot->'referrals')`.as('r');

function overdueAt(now: Date): RawBuilder<boolean> {
  return sql<boolean>`(coalesce((r.value->>'overdue')::boolean, false) or (r.value->>'status' = 'awaiting' and (r.value->>'replyDueAt')::timestamptz < ${now.toISOString()}::timestamptz))`;
}

function sortExpression(column: string, now: Date): RawBuilder<unknown> {
  switch (column) {
    case 'reference':
      return sql`cases.reference`;
    case 'tenantId':
      return sql`cases.tenant_id`;
    case 'agency':
      return sql`r.value->>'agency'`;
    case 'status':
      return sql`r.value->>'status'`;
    case 'overdue':
      return overdueAt(now);
    case 'sentAt':
      return sql`(r.value->>'sentAt')::timestamptz`;
    case 'replyDueAt':
      return sql`(r.value->>'replyDueAt')::timestamptz`;
    case 'closedAt':
      return sql`(r.value->>'closedAt')::timestamptz`;
    default:
      return sql`cases.case_id`;
  }
}

function referralRows(db: Kysely<Database>, now: Date) {
  return db
    .selectFrom('cases')
    .innerJoin('tenants', 'tenants.tenant_id', 'cases.tenant_id')
    .crossJoin(REFERRALS)
    .select([
      'cases.tenant_id',
      'cases.case_id',
      'cases.reference',
      'cases.title',
      'cases.description',
      'cases.state',
      'cases.status',
      'cases.workflow_key',
      'cases.workflow_version',
      'cases.data',
      'tenants.path as tenant_path',
      'tenants.name_zh as tenant_name_zh',
      'tenants.name_en as tenant_name_en',
      sql<ReferralRecord>`r.value`.as('referral'),
      overdueAt(now).as('overdue'),
    ]);
}

function oneOrMany<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(filter: ReferralFilter, now: Date, subtreePath: string | undefined): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (filter.id !== undefined) {
    const pairs = oneOrMany(filter.id).map((id) => id.split('/'));
    const matches = pairs.filter((pair) => pair.length === 2).map(([caseId, referralId]) => sql<SqlBool>`(cases.case_id = ${caseId} and r.value->>'id' = ${referralId})`);
    where.push(matches.length > 0 ? sql<SqlBool>`(${sql.join(matches, sql` or `)})` : sql<SqlBool>`false`);
  }
  if (filter.status !== undefined) where.push(sql<SqlBool>`r.value->>'status' in (${sql.join(oneOrMany(filter.status))})`);
  if (filter.agency !== undefined) where.push(sql<SqlBool>`r.value->>'agency' in (${sql.join(oneOrMany(filter.agency))})`);
  if (filter.overdue !== undefined) where.push(filter.overdue ? sql<SqlBool>`${overdueAt(now)}` : sql<SqlBool>`not ${overdueAt(now)}`);
  if (filter.caseId !== undefined) where.push(sql<SqlBool>`cases.case_id = ${filter.caseId}`);
  if (subtreePath !== undefined) where.push(sql<SqlBool>`tenants.path like ${`${escapeLike(subtreePath)}%`}`);
  return where;
}

/**
 * One page of the referrals of the cases in the caller's subtree that match the filter, and how
 * many match. A `tenantId` filter narrows to that union's subtree (its path, checked by the caller).
 * @example
 * const { rows, total } = await listReferralRows(db, caller, list, now, undefined);
 */
export async function listReferralRows(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>, list: ListQuery<ReferralFilter>, now: Date, subtreePath: string | undefined): Promise<{ rows: ReferralRow[]; total: number }> {
  const where = conditions(list.filter, now, subtreePath);
  const scoped = () =>
    db
      .selectFrom('cases')
      .innerJoin('tenants', 'tenants.tenant_id', 'cases.tenant_id')
      .crossJoin(REFERRALS)
      .where('cases.tenant_id', 'in', subtreeTenantIds(db, caller))
      .where((eb) => eb.and(where));
  const ascending = list.sort.direction === 'ASC';
  const [rows, count] = await Promise.all([
    referralRows(db, now)
      .where('cases.tenant_id', 'in', subtreeTenantIds(db, caller))
      .where((eb) => eb.and(where))
      .orderBy(sortExpression(list.sort.column, now), (ob) => (ascending ? ob.asc() : ob.desc()).nullsLast())
      .orderBy('cases.case_id')
      .orderBy(sql`r.value->>'id'`)
      .offset(list.range.offset)
      .limit(list.range.limit)
      .execute(),
    scoped().select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/**
 * One referral of a case: in the caller's subtree when a caller is given, else by the case's own
 * union (for a signed link, whose claims name it); undefined when there is no such referral.
 * @example
 * const row = await findReferralRow(db, { caller }, caseId, 'escalation.3', now);
 * const viaLink = await findReferralRow(db, { tenantId: 'chalu' }, caseId, 'escalation.3', now);
 */
export async function findReferralRow(db: Kysely<Database>, scope: { caller: Pick<Caller, 'tenantPath'> } | { tenantId: string }, caseId: string, referralId: string, now: Date): Promise<ReferralRow | undefined> {
  const query = referralRows(db, now).where('cases.case_id', '=', caseId).where(sql<SqlBool>`r.value->>'id' = ${referralId}`);
  const scoped = 'caller' in scope ? query.where('cases.tenant_id', 'in', subtreeTenantIds(db, scope.caller)) : query.where('cases.tenant_id', '=', scope.tenantId);
  return scoped.executeTakeFirst();
}

/**
 * The event that answered a replied or returned referral: the first of its reply or return events
 * sent from its state after it was sent (a state is left by its answer before it can refer again).
 * @example
 * const answer = await findReferralAnswer(db, row, ['agency_replied', 'agency_returned']);
 */
export async function findReferralAnswer(db: Kysely<Database>, row: Pick<ReferralRow, 'tenant_id' | 'case_id' | 'referral'>, events: readonly string[]): Promise<{ type: string; actor_id: string; data: unknown; created_at: Date } | undefined> {
  if (events.length === 0) return undefined;
  return db
    .selectFrom('case_events')
    .select(['type', 'actor_id', 'data', 'created_at'])
    .where('tenant_id', '=', row.tenant_id)
    .where('case_id', '=', row.case_id)
    .where('state_from', '=', row.referral.state)
    .where('type', 'in', [...events])
    .where('created_at', '>=', new Date(row.referral.sentAt))
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
}
