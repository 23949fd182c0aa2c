import { sql, type Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { scopedSelect } from '../tenancy/tenant-scope.js';
import { buildRoleCatalogue, type DeclaringWorkflow } from './role-catalogue.js';
import type { UnionRoles } from './schemas.js';

/**
 * The roles the staff of a union in the caller's subtree may hold: the built-in ones and the
 * custom roles declared by any version (draft, published or retired) of a workflow of that union
 * or a union above it, whose cases the union handles; with `below`, also those of the unions
 * below it. Undefined when the union is missing or outside the caller's subtree (a 404).
 * @example
 * const answer = await findUnionRoles(db, caller, 'huchen');
 * answer?.roles.find((r) => r.id === 'chamber_mediator')?.title.zh; // '商会调解员'
 */
export async function findUnionRoles(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>, tenantId: string, options: { below?: boolean } = {}): Promise<UnionRoles | undefined> {
  const union = await scopedSelect(db, caller, 'tenants').select(['tenants.tenant_id', 'tenants.path']).where('tenants.tenant_id', '=', tenantId).executeTakeFirst();
  if (!union) return undefined;
  // The path lists the union's ancestors, then the union: /ninghai/huchen/.
  const lineage = union.path.split('/').filter(Boolean);
  const depth = lineage.length;
  const rows = await db
    .selectFrom('workflows')
    .innerJoin('tenants', 'tenants.tenant_id', 'workflows.tenant_id')
    .select(['workflows.workflow_id', 'workflows.tenant_id', 'workflows.key', 'workflows.version', 'workflows.status', 'workflows.title_zh', 'workflows.title_en', 'tenants.path'])
    // Only the roles, not whole definitions: a union sees every version of a dozen workflows.
    .select(sql<unknown>`workflows.definition -> 'roles'`.as('roles'))
    .where((eb) => {
      const own = eb('workflows.tenant_id', 'in', lineage);
      return options.below ? eb.or([own, sql<boolean>`starts_with(tenants.path, ${union.path})`]) : own;
    })
    .execute();
  const workflows: DeclaringWorkflow[] = rows.map((row) => {
    const rowDepth = row.path.split('/').filter(Boolean).length;
    // Nearest first: the union (0), its parent (1), ...; unions below it after every ancestor.
    const distance = rowDepth <= depth ? depth - rowDepth : depth + (rowDepth - depth);
    return { id: row.workflow_id, tenantId: row.tenant_id, key: row.key, version: row.version, status: row.status, title: { zh: row.title_zh, en: row.title_en }, roles: row.roles, distance };
  });
  return { tenantId: union.tenant_id, roles: buildRoleCatalogue(workflows) };
}
