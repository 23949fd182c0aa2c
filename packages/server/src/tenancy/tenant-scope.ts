import { sql, type Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';

/** Tables whose rows belong to a tenant (all but the migration bookkeeping). */
export type TenantTable = keyof Database;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The ids of the caller's union and every union below it: the one definition of what a caller
 * may see.
 * @example
 * db.selectFrom('cases').where('cases.tenant_id', 'in', subtreeTenantIds(db, caller));
 */
export function subtreeTenantIds(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>) {
  return db.selectFrom('tenants').select('tenants.tenant_id').where('tenants.path', 'like', `${escapeLike(caller.tenantPath)}%`);
}

/**
 * Starts a select on a tenant table already limited to the caller's subtree; repositories read
 * through it, so no route can see outside the caller's unions.
 * @example
 * const rows = await scopedSelect(db, caller, 'agencies').selectAll().execute();
 */
export function scopedSelect<T extends TenantTable>(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>, table: T) {
  return db.selectFrom(table as TenantTable).where(sql.ref(`${table}.tenant_id`), 'in', subtreeTenantIds(db, caller));
}

/**
 * Tells whether a tenant lies in the caller's subtree (for writes that name a tenant).
 * @example
 * if (!(await isInScope(db, caller, body.tenantId))) throw notFound('union', body.tenantId);
 */
export async function isInScope(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>, tenantId: string): Promise<boolean> {
  const row = await subtreeTenantIds(db, caller).where('tenants.tenant_id', '=', tenantId).executeTakeFirst();
  return row !== undefined;
}
