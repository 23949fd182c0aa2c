import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { ListQuery } from '../http/list-query.js';
import { subtreeTenantIds } from '../tenancy/tenant-scope.js';
import type { DisclosureFilter } from './schemas.js';

/**
 * The sortable fields of the result list and their SQL columns.
 * @example
 * parseListQuery(query, { sortable: DISCLOSURE_SORTABLE, defaultSort: ['closedOn', 'DESC'], filters });
 */
export const DISCLOSURE_SORTABLE: Readonly<Record<string, string>> = { closedOn: 'c.closed_at', openedOn: 'c.opened_at', reference: 'c.reference' };

/**
 * A closed matter as the result list reads it; `data` is read only to pick the category and the rating.
 * @example
 * const row: DisclosureRow = rows[0];
 */
export interface DisclosureRow {
  reference: string;
  title: string;
  tenant_id: string;
  name_zh: string;
  name_en: string;
  workflow_key: string;
  workflow_version: number;
  workflow_title_zh: string;
  workflow_title_en: string;
  state: string;
  opened_at: Date;
  closed_at: Date | null;
  data: Record<string, unknown>;
}

const CHINA_OFFSET = '+08:00';

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * A page of the closed matters of workflows that opt in to public disclosure
 * (`public.disclosure`), optionally of one union's subtree, with the total.
 * @example
 * const { rows, total } = await listDisclosures(db, '/ninghai/chalu/', list);
 */
export async function listDisclosures(db: Kysely<Database>, tenantPath: string | undefined, list: ListQuery<DisclosureFilter>): Promise<{ rows: DisclosureRow[]; total: number }> {
  let base = db
    .selectFrom('cases as c')
    .innerJoin('workflows as w', (join) => join.onRef('w.tenant_id', '=', 'c.workflow_tenant_id').onRef('w.key', '=', 'c.workflow_key').onRef('w.version', '=', 'c.workflow_version'))
    .innerJoin('tenants as t', 't.tenant_id', 'c.tenant_id')
    .where('c.status', '=', 'closed')
    .where(sql<boolean>`(w.definition -> 'public' ->> 'disclosure') = 'true'`);
  if (tenantPath !== undefined) base = base.where('c.tenant_id', 'in', subtreeTenantIds(db, { tenantPath }));
  const { workflowKey, closedAfter, closedBefore } = list.filter;
  if (workflowKey !== undefined) base = base.where('c.workflow_key', '=', workflowKey);
  if (closedAfter !== undefined) base = base.where('c.closed_at', '>=', new Date(`${closedAfter}T00:00:00${CHINA_OFFSET}`));
  if (closedBefore !== undefined) base = base.where('c.closed_at', '<', new Date(`${dayAfter(closedBefore)}T00:00:00${CHINA_OFFSET}`));
  const counted = await base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirst();
  const direction = list.sort.direction === 'ASC' ? 'asc' : 'desc';
  const rows = await base
    .select([
      'c.reference',
      'c.title',
      'c.tenant_id',
      't.name_zh',
      't.name_en',
      'c.workflow_key',
      'c.workflow_version',
      'w.title_zh as workflow_title_zh',
      'w.title_en as workflow_title_en',
      'c.state',
      'c.opened_at',
      'c.closed_at',
      'c.data',
    ])
    .orderBy(sql.ref(list.sort.column), direction)
    .orderBy('c.case_id', direction)
    .offset(list.range.offset)
    .limit(list.range.limit)
    .execute();
  return { rows: rows as DisclosureRow[], total: Number(counted?.total ?? 0) };
}
