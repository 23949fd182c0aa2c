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
import { agencyCodeTaken, deleteAgencyRow, findAgency, insertAgency, listAgencies, lockAgencyCode, updateAgencyRow, type AgencyFilter } from './repository.js';
import type { Agency, createAgencySchema, updateAgencySchema } from './schemas.js';

/**
 * Roles that may create, change and delete agencies.
 * @example
 * requireRole(caller, AGENCY_WRITERS, 'create agencies');
 */
export const AGENCY_WRITERS: readonly string[] = ADMIN_ROLES;

/**
 * Reading and administering the outside agencies of the caller's subtree.
 * @example
 * const agencies = createAgenciesService(deps);
 * await agencies.create(caller, { code: 'judicial_office', name: { zh: '司法所', en: 'Judicial Office' } });
 */
export interface AgenciesService {
  list(caller: Caller, list: ListQuery<AgencyFilter>): Promise<{ rows: Agency[]; total: number }>;
  show(caller: Caller, id: string): Promise<Agency>;
  create(caller: Caller, body: z.output<typeof createAgencySchema>): Promise<Agency>;
  update(caller: Caller, id: string, body: z.output<typeof updateAgencySchema>): Promise<Agency>;
  /** Deletes an agency and answers it as it was (react-admin's delete expects the record). */
  remove(caller: Caller, id: string): Promise<Agency>;
}

async function claimCode(trx: Kysely<Database>, tenantId: string, code: string, exceptId?: string): Promise<void> {
  await lockAgencyCode(trx, tenantId, code);
  if (await agencyCodeTaken(trx, tenantId, code, exceptId)) {
    throw new HttpError(409, 'CONFLICT', `The union ${JSON.stringify(tenantId)} already has an agency with the code ${JSON.stringify(code)}; choose another code or change that agency.`, { tenantId, code });
  }
}

/**
 * Creates the agencies service: county and township admins write, within their subtree; a
 * code is unique within its union.
 * @example
 * const agencies = createAgenciesService(deps);
 */
export function createAgenciesService(deps: AppDeps): AgenciesService {
  const { db } = deps;

  async function visible(trx: Kysely<Database>, caller: Caller, id: string): Promise<Agency> {
    const agency = await findAgency(trx, caller, id);
    if (!agency) throw notFound('agency', id);
    return agency;
  }

  return {
    list: (caller, list) => listAgencies(db, caller, list),
    show: (caller, id) => visible(db, caller, id),
    async create(caller, body) {
      requireRole(caller, AGENCY_WRITERS, 'create agencies');
      const tenantId = body.tenantId ?? caller.tenantId;
      return db.transaction().execute(async (trx) => {
        if (!(await isInScope(trx, caller, tenantId))) throw notFound('union', tenantId);
        await claimCode(trx, tenantId, body.code);
        const id = randomUUID();
        await insertAgency(trx, { id, tenantId, code: body.code, name: body.name, contact: body.contact ?? null });
        return visible(trx, caller, id);
      });
    },
    async update(caller, id, body) {
      return db.transaction().execute(async (trx) => {
        const agency = await visible(trx, caller, id);
        requireRole(caller, AGENCY_WRITERS, 'change agencies');
        if (body.code !== undefined && body.code !== agency.code) await claimCode(trx, agency.tenantId, body.code, agency.id);
        await updateAgencyRow(trx, {
          id: agency.id,
          tenantId: agency.tenantId,
          code: body.code ?? agency.code,
          name: { zh: body.name?.zh ?? agency.name.zh, en: body.name?.en ?? agency.name.en },
          contact: body.contact === undefined ? agency.contact : body.contact,
        });
        return visible(trx, caller, id);
      });
    },
    async remove(caller, id) {
      return db.transaction().execute(async (trx) => {
        const agency = await visible(trx, caller, id);
        requireRole(caller, AGENCY_WRITERS, 'delete agencies');
        await deleteAgencyRow(trx, agency);
        return agency;
      });
    },
  };
}
