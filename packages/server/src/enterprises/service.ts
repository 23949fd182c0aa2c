import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { ListQuery } from '../http/list-query.js';
import { isInScope } from '../tenancy/tenant-scope.js';
import { ADMIN_ROLES, requireRole } from '../users/staff-roles.js';
import {
  casesOfEnterprise,
  creditCodeTaken,
  deleteEnterpriseRow,
  findEnterprise,
  insertEnterprise,
  listEnterprises,
  lockCreditCode,
  updateEnterpriseRow,
  type EnterpriseFilter,
} from './repository.js';
import type { createEnterpriseSchema, Enterprise, updateEnterpriseSchema } from './schemas.js';

/**
 * Roles that may create and change enterprises (intake registers a new employer on the spot).
 * @example
 * requireRole(caller, ENTERPRISE_WRITERS, 'create enterprises');
 */
export const ENTERPRISE_WRITERS: readonly string[] = [...ADMIN_ROLES, 'intake_operator'];

/**
 * Roles that may delete enterprises.
 * @example
 * requireRole(caller, ENTERPRISE_DELETERS, 'delete enterprises');
 */
export const ENTERPRISE_DELETERS: readonly string[] = ADMIN_ROLES;

/**
 * Reading and administering the enterprises of the caller's subtree.
 * @example
 * const enterprises = createEnterprisesService(deps);
 * await enterprises.create(caller, { name: '恒祥保洁有限公司' });
 */
export interface EnterprisesService {
  list(caller: Caller, list: ListQuery<EnterpriseFilter>): Promise<{ rows: Enterprise[]; total: number }>;
  show(caller: Caller, id: string): Promise<Enterprise>;
  create(caller: Caller, body: z.output<typeof createEnterpriseSchema>): Promise<Enterprise>;
  update(caller: Caller, id: string, body: z.output<typeof updateEnterpriseSchema>): Promise<Enterprise>;
  /** Deletes an enterprise no case names and answers it as it was (react-admin expects the record). */
  remove(caller: Caller, id: string): Promise<Enterprise>;
}

async function claimCreditCode(trx: Kysely<Database>, tenantId: string, creditCode: string | null, exceptId?: string): Promise<void> {
  if (creditCode === null) return;
  await lockCreditCode(trx, tenantId, creditCode);
  if (await creditCodeTaken(trx, tenantId, creditCode, exceptId)) {
    throw new HttpError(409, 'CONFLICT', `The union ${JSON.stringify(tenantId)} already has an enterprise with the credit code ${JSON.stringify(creditCode)}; use that enterprise instead of adding it again.`, { tenantId, creditCode });
  }
}

/**
 * Creates the enterprises service: admins and intake operators write within their subtree;
 * a credit code is unique within its union; an enterprise that cases name cannot be deleted.
 * @example
 * const enterprises = createEnterprisesService(deps);
 */
export function createEnterprisesService(deps: AppDeps): EnterprisesService {
  const { db } = deps;

  async function visible(trx: Kysely<Database>, caller: Caller, id: string, lock = false): Promise<Enterprise> {
    const enterprise = await findEnterprise(trx, caller, id, lock);
    if (!enterprise) throw notFound('enterprise', id);
    return enterprise;
  }

  return {
    list: (caller, list) => listEnterprises(db, caller, list),
    show: (caller, id) => visible(db, caller, id),
    async create(caller, body) {
      requireRole(caller, ENTERPRISE_WRITERS, 'create enterprises');
      const tenantId = body.tenantId ?? caller.tenantId;
      return db.transaction().execute(async (trx) => {
        if (!(await isInScope(trx, caller, tenantId))) throw notFound('union', tenantId);
        await claimCreditCode(trx, tenantId, body.creditCode ?? null);
        const id = randomUUID();
        await insertEnterprise(trx, { id, tenantId, name: body.name, creditCode: body.creditCode ?? null, industry: body.industry ?? null, workers: body.workers ?? null });
        return visible(trx, caller, id);
      });
    },
    async update(caller, id, body) {
      return db.transaction().execute(async (trx) => {
        const enterprise = await visible(trx, caller, id, true);
        requireRole(caller, ENTERPRISE_WRITERS, 'change enterprises');
        if (body.creditCode !== undefined && body.creditCode !== enterprise.creditCode) await claimCreditCode(trx, enterprise.tenantId, body.creditCode, enterprise.id);
        await updateEnterpriseRow(trx, {
          id: enterprise.id,
          tenantId: enterprise.tenantId,
          name: body.name ?? enterprise.name,
          creditCode: body.creditCode === undefined ? enterprise.creditCode : body.creditCode,
          industry: body.industry === undefined ? enterprise.industry : body.industry,
          workers: body.workers === undefined ? enterprise.workers : body.workers,
        });
        return visible(trx, caller, id);
      });
    },
    async remove(caller, id) {
      return db.transaction().execute(async (trx) => {
        const enterprise = await visible(trx, caller, id, true);
        requireRole(caller, ENTERPRISE_DELETERS, 'delete enterprises');
        const cases = await casesOfEnterprise(trx, enterprise.id);
        if (cases > 0) {
          throw new HttpError(409, 'IN_USE', `The enterprise ${JSON.stringify(enterprise.name)} is named by ${cases} case${cases === 1 ? '' : 's'} and cannot be deleted; keep it, or correct those cases first.`, { id: enterprise.id, cases });
        }
        await deleteEnterpriseRow(trx, enterprise);
        return enterprise;
      });
    },
  };
}
