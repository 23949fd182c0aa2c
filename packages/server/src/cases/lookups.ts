import type { Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { subtreeTenantIds } from '../tenancy/tenant-scope.js';

/**
 * The ids on a materialised tenant path, root first.
 * @example
 * pathIds('/ninghai/chalu/'); // ['ninghai', 'chalu']
 */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/**
 * A tenant in the caller's subtree, with its path; undefined when missing or foreign.
 * @example
 * const tenant = await tenantInScope(trx, caller, 'chalu');
 */
export async function tenantInScope(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>, tenantId: string): Promise<{ tenant_id: string; path: string } | undefined> {
  return db.selectFrom('tenants').select(['tenant_id', 'path']).where('tenant_id', '=', tenantId).where('tenant_id', 'in', subtreeTenantIds(db, caller)).executeTakeFirst();
}

/**
 * The published workflow a union may open cases of: one of its own or of a union above it; the
 * highest version when none is asked for.
 * @example
 * const row = await visibleWorkflow(trx, '/ninghai/chalu/', 'union-grievance');
 */
export async function visibleWorkflow(db: Kysely<Database>, tenantPath: string, key: string, version?: number): Promise<{ tenant_id: string; version: number } | undefined> {
  let query = db
    .selectFrom('workflows')
    .select(['tenant_id', 'version'])
    .where('tenant_id', 'in', pathIds(tenantPath))
    .where('key', '=', key)
    .where('status', '=', 'published');
  if (version !== undefined) query = query.where('version', '=', version);
  return query.orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/**
 * The keys of the workflows a union may open cases of, for error messages.
 * @example
 * await visibleWorkflowKeys(trx, '/ninghai/chalu/'); // ['golden-idea', 'union-grievance', ...]
 */
export async function visibleWorkflowKeys(db: Kysely<Database>, tenantPath: string): Promise<string[]> {
  const rows = await db.selectFrom('workflows').select('key').distinct().where('tenant_id', 'in', pathIds(tenantPath)).where('status', '=', 'published').orderBy('key').execute();
  return rows.map((row) => row.key);
}

/**
 * Tells whether an enterprise may be named on a case of a union: registered by a union above it
 * (or itself), or anywhere in the caller's subtree.
 * @example
 * await enterpriseVisible(trx, caller, '/ninghai/nanbu/hengxiang/', 'e-1');
 */
export async function enterpriseVisible(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>, tenantPath: string, enterpriseId: string): Promise<boolean> {
  const row = await db
    .selectFrom('enterprises')
    .select('enterprise_id')
    .where('enterprise_id', '=', enterpriseId)
    .where((eb) => eb.or([eb('tenant_id', 'in', pathIds(tenantPath)), eb('tenant_id', 'in', subtreeTenantIds(db, caller))]))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Tells whether a user (an assignee) is an active account in the caller's subtree.
 * @example
 * await userVisible(trx, caller, 'chalu.mediator');
 */
export async function userVisible(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>, userId: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('user_id').where('user_id', '=', userId).where('active', '=', true).where('tenant_id', 'in', subtreeTenantIds(db, caller)).executeTakeFirst();
  return row !== undefined;
}

/**
 * The highest case reference starting with `prefix` under a root union, after locking the root's
 * row so that concurrent openings in its tree number one after another.
 * @example
 * await highestReference(trx, 'ninghai', 'NH-2025-'); // 'NH-2025-000122'
 */
export async function highestReference(db: Kysely<Database>, rootId: string, prefix: string): Promise<string | undefined> {
  await db.selectFrom('tenants').select('tenant_id').where('tenant_id', '=', rootId).forUpdate().execute();
  const row = await db
    .selectFrom('cases')
    .select('reference')
    .where('tenant_id', 'in', subtreeTenantIds(db, { tenantPath: `/${rootId}/` }))
    // The prefix is letters, digits and hyphens: no LIKE wildcards. Longer numbers sort higher.
    .where('reference', 'like', `${prefix}%`)
    .orderBy((eb) => eb.fn('length', ['reference']), 'desc')
    .orderBy('reference', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.reference;
}
