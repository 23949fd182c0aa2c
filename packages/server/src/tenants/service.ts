import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { ListQuery } from '../http/list-query.js';
import { ADMIN_ROLES, requireRole } from '../users/staff-roles.js';
import { findTenant, insertTenant, listTenants, tenantIdTaken, updateTenantName, type TenantFilter } from './repository.js';
import { CHILD_LEVELS, type createTenantSchema, type Tenant, type updateTenantSchema } from './schemas.js';

/**
 * Reading and administering the unions of the caller's subtree.
 * @example
 * const tenants = createTenantsService(deps);
 * await tenants.create(caller, { parentId: 'ninghai', level: 'township', name });
 */
export interface TenantsService {
  list(caller: Caller, list: ListQuery<TenantFilter>): Promise<{ rows: Tenant[]; total: number }>;
  show(caller: Caller, id: string): Promise<Tenant>;
  create(caller: Caller, body: z.output<typeof createTenantSchema>): Promise<Tenant>;
  update(caller: Caller, id: string, body: z.output<typeof updateTenantSchema>): Promise<Tenant>;
}

/**
 * Creates the tenants service.
 * @example
 * const tenants = createTenantsService(deps);
 */
export function createTenantsService(deps: AppDeps): TenantsService {
  const { db } = deps;

  async function show(caller: Caller, id: string): Promise<Tenant> {
    const tenant = await findTenant(db, caller, id);
    if (!tenant) throw notFound('union', id);
    return tenant;
  }

  return {
    list: (caller, list) => listTenants(db, caller, list),
    show,
    async create(caller, body) {
      requireRole(caller, ADMIN_ROLES, 'create unions');
      return db.transaction().execute(async (trx) => {
        const parent = await findTenant(trx, caller, body.parentId);
        if (!parent) throw notFound('parent union', body.parentId);
        if (!CHILD_LEVELS[parent.level].includes(body.level)) {
          const allowed = CHILD_LEVELS[parent.level];
          throw new HttpError(400, 'INVALID_LEVEL', `A ${body.level} union cannot sit below the ${parent.level} union ${JSON.stringify(parent.id)}; ${allowed.length > 0 ? `below it you may create ${allowed.join(', ')}` : 'nothing can be created below it'}.`, { parentLevel: parent.level, allowed: [...allowed] });
        }
        const id = body.id ?? randomUUID();
        const conflict = new HttpError(409, 'CONFLICT', `A union with the id ${JSON.stringify(id)} already exists; choose another id.`, { id });
        if (await tenantIdTaken(trx, id)) throw conflict;
        const tenant = { id, parentId: parent.id, level: body.level, name: body.name, path: `${parent.path}${id}/` };
        if (!(await insertTenant(trx, tenant))) throw conflict;
        const created = await findTenant(trx, caller, id);
        if (!created) throw notFound('union', id);
        return created;
      });
    },
    async update(caller, id, body) {
      return db.transaction().execute(async (trx) => {
        const tenant = await findTenant(trx, caller, id);
        if (!tenant) throw notFound('union', id);
        requireRole(caller, ADMIN_ROLES, 'rename unions');
        await updateTenantName(trx, id, { zh: body.name.zh ?? tenant.name.zh, en: body.name.en ?? tenant.name.en });
        const updated = await findTenant(trx, caller, id);
        if (!updated) throw notFound('union', id);
        return updated;
      });
    },
  };
}
