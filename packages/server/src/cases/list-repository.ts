import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { figureCondition, openedDayCondition } from './figure-filters.js';
import type { ListQuery } from '../http/list-query.js';
import { subtreeTenantIds } from '../tenancy/tenant-scope.js';
import { tenantInScope } from './lookups.js';
import { CASE_LIST_COLUMNS, scopedCases, type CaseListRow } from './repository.js';
import type { CaseFilter } from './schemas.js';
import { segmentWords } from './search-words.js';

/**
 * Sortable fields of the cases list and their columns (`warning_rank` orders red, yellow, green).
 * @example
 * parseListQuery(query, { sortable: CASE_SORTABLE, defaultSort: ['openedAt', 'DESC'], filters: caseFilterSchema });
 */
export const CASE_SORTABLE: Record<string, string> = {
  id: 'case_id',
  reference: 'reference',
  openedAt: 'opened_at',
  updatedAt: 'updated_at',
  dueAt: 'due_at',
  state: 'state',
  warning: 'warning_rank',
  title: 'title',
};

type CasesEb = ExpressionBuilder<Database, 'cases'>;

function many<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

// `IN ()` is a syntax error: an empty list matches nothing.
function oneOf(eb: CasesEb, column: 'cases.case_id' | 'cases.state' | 'cases.warning' | 'cases.status' | 'cases.workflow_key' | 'cases.channel', values: string[]): Expression<SqlBool> {
  return values.length === 0 ? sql<SqlBool>`false` : eb(column, 'in', values);
}

function conditions(db: Kysely<Database>, eb: CasesEb, filter: CaseFilter, now: Date, subtreePath: string | undefined): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (filter.id !== undefined) where.push(oneOf(eb, 'cases.case_id', many(filter.id)));
  if (filter.state !== undefined) where.push(oneOf(eb, 'cases.state', many(filter.state)));
  if (filter.warning !== undefined) where.push(oneOf(eb, 'cases.warning', many(filter.warning)));
  if (filter.status !== undefined) where.push(oneOf(eb, 'cases.status', many(filter.status)));
  if (filter.workflowKey !== undefined) where.push(oneOf(eb, 'cases.workflow_key', many(filter.workflowKey)));
  if (filter.channel !== undefined) where.push(oneOf(eb, 'cases.channel', many(filter.channel)));
  if (filter.enterpriseId !== undefined) where.push(eb('cases.enterprise_id', '=', filter.enterpriseId));
  if (filter.assigneeId !== undefined) where.push(filter.assigneeId === null ? eb('cases.assignee_id', 'is', null) : eb('cases.assignee_id', '=', filter.assigneeId));
  if (subtreePath !== undefined) where.push(eb('cases.tenant_id', 'in', subtreeTenantIds(db, { tenantPath: subtreePath })));
  if (filter.overdue !== undefined) {
    const late = eb.and([eb('cases.status', '=', 'open'), eb('cases.due_at', '<', now)]);
    where.push(filter.overdue ? eb.or([eb('cases.overdue', '=', true), late]) : eb.and([eb('cases.overdue', '=', false), eb.not(late)]));
  }
  if (filter.q !== undefined) {
    const words = segmentWords(filter.q);
    const reference = eb('cases.reference', '=', filter.q.trim().toUpperCase());
    where.push(words.length === 0 ? reference : eb.or([sql<SqlBool>`cases.search_words @@ plainto_tsquery('simple', ${words.join(' ')})`, reference]));
  }
  if (filter.data !== undefined && Object.keys(filter.data).length > 0) where.push(sql<SqlBool>`cases.data @> ${JSON.stringify(filter.data)}::jsonb`);
  if (filter.openedFrom !== undefined || filter.openedTo !== undefined) where.push(openedDayCondition(filter.openedFrom, filter.openedTo));
  if (filter.figure !== undefined) where.push(figureCondition(filter.figure));
  return where;
}

/**
 * One page of the cases in the caller's subtree that match the filter, and how many match.
 * A `tenantId` filter narrows to that union's subtree (nothing when it is outside the caller's).
 * @example
 * const { rows, total } = await listCases(db, caller, list, now);
 */
export async function listCases(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>, list: ListQuery<CaseFilter>, now: Date): Promise<{ rows: CaseListRow[]; total: number }> {
  let subtreePath: string | undefined;
  if (list.filter.tenantId !== undefined) {
    const tenant = await tenantInScope(db, caller, list.filter.tenantId);
    if (!tenant) return { rows: [], total: 0 };
    subtreePath = tenant.path;
  }
  const filtered = scopedCases(db, caller).where((eb) => eb.and(conditions(db, eb, list.filter, now, subtreePath)));
  const direction = list.sort.direction === 'ASC' ? 'asc' : 'desc';
  const order = list.sort.column === 'warning_rank' ? sql`case cases.warning when 'red' then 2 when 'yellow' then 1 else 0 end` : sql.ref(`cases.${list.sort.column}`);
  const [rows, count] = await Promise.all([
    filtered.select(CASE_LIST_COLUMNS).orderBy(order, direction).orderBy('cases.case_id', direction).offset(list.range.offset).limit(list.range.limit).execute(),
    filtered.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
