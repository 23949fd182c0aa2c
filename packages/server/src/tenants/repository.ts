import { sql, type Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { containsPattern, type ListQuery } from '../http/list-query.js';
import { scopedSelect } from '../tenancy/tenant-scope.js';
import type { Tenant, TenantLevel } from './schemas.js';

/**
 * The tenants list's filter after parsing.
 * @example
 * const filter: TenantFilter = { level: 'township' };
 */
export interface TenantFilter {
  id?: string | string[] | undefined;
  q?: string | undefined;
  level?: TenantLevel | undefined;
  parentId?: string | undefined;
}

/**
 * Sortable JSON fields of a union and their columns.
 * @example
 * parseListQuery(query, { sortable: TENANT_SORTABLE, defaultSort: ['path', 'ASC'], filters: tenantFilterSchema });
 */
export const TENANT_SORTABLE: Readonly<Record<string, string>> = {
  id: 'tenants.tenant_id',
  name: 'tenants.name_zh',
  nameEn: 'tenants.name_en',
  level: 'tenants.level',
  path: 'tenants.path',
  parentId: 'tenants.parent_id',
  createdAt: 'tenants.created_at',
};

const COLUMNS = ['tenants.tenant_id', 'tenants.parent_id', 'tenants.level', 'tenants.name_zh', 'tenants.name_en', 'tenants.path', 'tenants.created_at'] as const;

interface TenantRow {
  tenant_id: string;
  parent_id: string | null;
  level: TenantLevel;
  name_zh: string;
  name_en: string;
  path: string;
  created_at: Date;
}

function toTenant(row: TenantRow): Tenant {
  return { id: row.tenant_id, parentId: row.parent_id, level: row.level, name: { zh: row.name_zh, en: row.name_en }, path: row.path, createdAt: new Date(row.created_at).toISOString() };
}

function filtered(db: Kysely<Database>, caller: Caller, filter: TenantFilter) {
  const ids = filter.id === undefined ? undefined : [filter.id].flat();
  return scopedSelect(db, caller, 'tenants')
    .$if(ids !== undefined, (q) => (ids && ids.length > 0 ? q.where('tenants.tenant_id', 'in', ids) : q.where(sql<boolean>`false`)))
    .$if(filter.level !== undefined, (q) => q.where('tenants.level', '=', filter.level ?? 'county'))
    .$if(filter.parentId !== undefined, (q) => q.where('tenants.parent_id', '=', filter.parentId ?? ''))
    .$if(Boolean(filter.q), (q) =>
      q.where((eb) => {
        const pattern = containsPattern(filter.q ?? '');
        return eb.or([eb('tenants.name_zh', 'ilike', pattern), eb('tenants.name_en', 'ilike', pattern), eb('tenants.tenant_id', 'ilike', pattern)]);
      }),
    );
}

/**
 * One page of the unions the caller sees, and how many match in all.
 * @example
 * const { rows, total } = await listTenants(db, caller, list);
 */
export async function listTenants(db: Kysely<Database>, caller: Caller, list: ListQuery<TenantFilter>): Promise<{ rows: Tenant[]; total: number }> {
  const count = await filtered(db, caller, list.filter).select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await filtered(db, caller, list.filter)
    .select(COLUMNS)
    // Byte order keeps a path sort in tree order; a locale collation would skip the slashes.
    .orderBy(list.sort.field === 'path' ? sql`${sql.ref(list.sort.column)} collate "C"` : sql.ref(list.sort.column), list.sort.direction === 'ASC' ? 'asc' : 'desc')
    .orderBy('tenants.tenant_id', 'asc')
    .offset(list.range.offset)
    .limit(list.range.limit)
    .execute();
  return { rows: rows.map(toTenant), total: Number(count.total) };
}

/**
 * A union the caller sees, or undefined (missing and foreign look the same).
 * @example
 * const tenant = await findTenant(db, caller, 'chalu');
 */
export async function findTenant(db: Kysely<Database>, caller: Caller, id: string): Promise<Tenant | undefined> {
  const row = await scopedSelect(db, caller, 'tenants').select(COLUMNS).where('tenants.tenant_id', '=', id).executeTakeFirst();
  return row ? toTenant(row) : undefined;
}

/**
 * Tells whether any union, anywhere, has this id (ids are global: they make up the paths).
 * @example
 * if (await tenantIdTaken(trx, 'qiantong')) throw conflict();
 */
export async function tenantIdTaken(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('tenants').select('tenants.tenant_id').where('tenants.tenant_id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/**
 * Inserts a union; answers false when the id was taken meanwhile.
 * @example
 * await insertTenant(trx, { id, parentId, level, name, path });
 */
export async function insertTenant(db: Kysely<Database>, tenant: Omit<Tenant, 'createdAt'> & { parentId: string }): Promise<boolean> {
  const inserted = await db
    .insertInto('tenants')
    .values({ tenant_id: tenant.id, parent_id: tenant.parentId, level: tenant.level, name_zh: tenant.name.zh, name_en: tenant.name.en, path: tenant.path })
    .onConflict((oc) => oc.doNothing())
    .returning('tenants.tenant_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Renames a union.
 * @example
 * await updateTenantName(trx, 'chalu', { zh: '岔路镇总工会', en: 'Chalu Town Union' });
 */
export async function updateTenantName(db: Kysely<Database>, id: string, name: { zh: string; en: string }): Promise<void> {
  await db.updateTable('tenants').set({ name_zh: name.zh, name_en: name.en }).where('tenants.tenant_id', '=', id).execute();
}
