import { sql, type Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { containsPattern, type ListQuery } from '../http/list-query.js';
import { subtreeTenantIds } from '../tenancy/tenant-scope.js';
import type { RiskReason } from './evaluate-risk.js';
import type { RiskDetail, RiskEntry, RiskFilter } from './schemas.js';

/** The sort key of the colour: its seriousness, not its name. */
const SEVERITY = 'severity';

/**
 * Sortable JSON fields of a register entry and their columns.
 * @example
 * parseListQuery(query, { sortable: RISK_SORTABLE, defaultSort: ['colour', 'DESC'], filters: riskFilterSchema });
 */
export const RISK_SORTABLE: Readonly<Record<string, string>> = {
  colour: SEVERITY,
  id: 'enterprises.enterprise_id',
  name: 'enterprises.name',
  tenantId: 'enterprises.tenant_id',
  openCases: 'open_cases',
  computedAt: 'computed_at',
  changedAt: 'changed_at',
};

interface EntryRow {
  enterprise_id: string;
  tenant_id: string;
  name: string;
  industry: string | null;
  workers: number | null;
  colour: 'green' | 'yellow' | 'red';
  reasons: unknown;
  open_cases: number;
  computed_at: Date | string | null;
  changed_at: Date | string | null;
}

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function toEntry(row: EntryRow): RiskEntry {
  return {
    id: row.enterprise_id,
    tenantId: row.tenant_id,
    name: row.name,
    industry: row.industry,
    workers: row.workers,
    colour: row.colour,
    reasons: (Array.isArray(row.reasons) ? row.reasons : []) as RiskReason[],
    openCases: Number(row.open_cases),
    computedAt: iso(row.computed_at),
    changedAt: iso(row.changed_at),
  };
}

function entries(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>, filter: RiskFilter, scopePath?: string) {
  const ids = filter.id === undefined ? undefined : [filter.id].flat();
  const colours = filter.colour === undefined ? undefined : [filter.colour].flat();
  const colour = sql<'green' | 'yellow' | 'red'>`coalesce(enterprise_risk.colour, 'green')`;
  return db
    .selectFrom('enterprises')
    .leftJoin('enterprise_risk', (join) => join.onRef('enterprise_risk.tenant_id', '=', 'enterprises.tenant_id').onRef('enterprise_risk.enterprise_id', '=', 'enterprises.enterprise_id'))
    .where('enterprises.tenant_id', 'in', subtreeTenantIds(db, caller))
    .$if(scopePath !== undefined, (q) => q.where('enterprises.tenant_id', 'in', subtreeTenantIds(db, { tenantPath: scopePath ?? '' })))
    .$if(ids !== undefined, (q) => (ids && ids.length > 0 ? q.where('enterprises.enterprise_id', 'in', ids) : q.where(sql<boolean>`false`)))
    .$if(colours !== undefined, (q) => q.where(colour, 'in', colours ?? []))
    .$if(Boolean(filter.q), (q) => q.where('enterprises.name', 'ilike', containsPattern(filter.q ?? '')))
    .select([
      'enterprises.enterprise_id',
      'enterprises.tenant_id',
      'enterprises.name',
      'enterprises.industry',
      'enterprises.workers',
      colour.as('colour'),
      sql<unknown>`coalesce(enterprise_risk.reasons, '[]'::jsonb)`.as('reasons'),
      sql<number>`coalesce(enterprise_risk.open_cases, 0)`.as('open_cases'),
      'enterprise_risk.computed_at',
      'enterprise_risk.changed_at',
    ]);
}

/**
 * One page of the register: the enterprises of the caller's subtree (of `scopePath`'s subtree too,
 * when given) with their colours, green when never computed; and how many match in all.
 * @example
 * const { rows, total } = await listRiskEntries(db, caller, list);
 */
export async function listRiskEntries(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>, list: ListQuery<RiskFilter>, scopePath?: string): Promise<{ rows: RiskEntry[]; total: number }> {
  const base = entries(db, caller, list.filter, scopePath);
  const count = await db.selectFrom(base.as('entries')).select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const direction = list.sort.direction === 'ASC' ? sql`asc` : sql`desc`;
  const order =
    list.sort.column === SEVERITY
      ? sql`case coalesce(enterprise_risk.colour, 'green') when 'red' then 2 when 'yellow' then 1 else 0 end ${direction}, enterprises.name asc`
      : sql`${sql.ref(list.sort.column)} ${direction} nulls last`;
  const rows = await base.orderBy(order).orderBy('enterprises.enterprise_id', 'asc').offset(list.range.offset).limit(list.range.limit).execute();
  return { rows: rows.map((row) => toEntry(row as EntryRow)), total: Number(count.total) };
}

/**
 * An enterprise of the caller's subtree with its colour and every change of colour (newest
 * first); undefined when missing or foreign.
 * @example
 * const detail = await findRiskDetail(db, caller, 'ent-hengxiang');
 */
export async function findRiskDetail(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>, enterpriseId: string): Promise<RiskDetail | undefined> {
  const row = await entries(db, caller, { id: enterpriseId }).orderBy('enterprises.tenant_id').executeTakeFirst();
  if (!row) return undefined;
  const entry = toEntry(row as EntryRow);
  const history = await db
    .selectFrom('enterprise_risk_history')
    .select(['from_colour', 'to_colour', 'reasons', 'changed_at'])
    .where('tenant_id', '=', entry.tenantId)
    .where('enterprise_id', '=', entry.id)
    .orderBy('changed_at', 'desc')
    .orderBy('history_id', 'desc')
    .execute();
  return {
    ...entry,
    history: history.map((h) => ({ from: h.from_colour, to: h.to_colour, reasons: (Array.isArray(h.reasons) ? h.reasons : []) as RiskReason[], at: new Date(h.changed_at).toISOString() })),
  };
}
