import { sql, type Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { containsPattern, type ListQuery } from '../http/list-query.js';
import { scopedSelect } from '../tenancy/tenant-scope.js';
import type { Agency } from './schemas.js';

/**
 * The agencies list's filter after parsing.
 * @example
 * const filter: AgencyFilter = { q: '司法' };
 */
export interface AgencyFilter {
  id?: string | string[] | undefined;
  q?: string | undefined;
  tenantId?: string | undefined;
  code?: string | undefined;
}

/**
 * Sortable JSON fields of an agency and their columns.
 * @example
 * parseListQuery(query, { sortable: AGENCY_SORTABLE, defaultSort: ['code', 'ASC'], filters: agencyFilterSchema });
 */
export const AGENCY_SORTABLE: Readonly<Record<string, string>> = {
  id: 'agencies.agency_id',
  code: 'agencies.code',
  name: 'agencies.name_zh',
  nameEn: 'agencies.name_en',
  tenantId: 'agencies.tenant_id',
  createdAt: 'agencies.created_at',
};

const COLUMNS = ['agencies.agency_id', 'agencies.tenant_id', 'agencies.code', 'agencies.name_zh', 'agencies.name_en', 'agencies.contact', 'agencies.created_at'] as const;

interface AgencyRow {
  agency_id: string;
  tenant_id: string;
  code: string;
  name_zh: string;
  name_en: string;
  contact: string | null;
  created_at: Date;
}

function toAgency(row: AgencyRow): Agency {
  return { id: row.agency_id, tenantId: row.tenant_id, code: row.code, name: { zh: row.name_zh, en: row.name_en }, contact: row.contact, createdAt: new Date(row.created_at).toISOString() };
}

function filtered(db: Kysely<Database>, caller: Caller, filter: AgencyFilter) {
  const ids = filter.id === undefined ? undefined : [filter.id].flat();
  return scopedSelect(db, caller, 'agencies')
    .$if(ids !== undefined, (q) => (ids && ids.length > 0 ? q.where('agencies.agency_id', 'in', ids) : q.where(sql<boolean>`false`)))
    .$if(filter.tenantId !== undefined, (q) => q.where('agencies.tenant_id', '=', filter.tenantId ?? ''))
    .$if(filter.code !== undefined, (q) => q.where('agencies.code', '=', filter.code ?? ''))
    .$if(Boolean(filter.q), (q) =>
      q.where((eb) => {
        const pattern = containsPattern(filter.q ?? '');
        return eb.or([eb('agencies.code', 'ilike', pattern), eb('agencies.name_zh', 'ilike', pattern), eb('agencies.name_en', 'ilike', pattern)]);
      }),
    );
}

/**
 * One page of the agencies the caller sees, and how many match in all.
 * @example
 * const { rows, total } = await listAgencies(db, caller, list);
 */
export async function listAgencies(db: Kysely<Database>, caller: Caller, list: ListQuery<AgencyFilter>): Promise<{ rows: Agency[]; total: number }> {
  const count = await filtered(db, caller, list.filter).select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await filtered(db, caller, list.filter)
    .select(COLUMNS)
    .orderBy(sql.ref(list.sort.column), list.sort.direction === 'ASC' ? 'asc' : 'desc')
    .orderBy('agencies.agency_id', 'asc')
    .offset(list.range.offset)
    .limit(list.range.limit)
    .execute();
  return { rows: rows.map(toAgency), total: Number(count.total) };
}

/**
 * An agency the caller sees, or undefined (missing and foreign look the same).
 * @example
 * const agency = await findAgency(db, caller, id);
 */
export async function findAgency(db: Kysely<Database>, caller: Caller, id: string): Promise<Agency | undefined> {
  const row = await scopedSelect(db, caller, 'agencies').select(COLUMNS).where('agencies.agency_id', '=', id).executeTakeFirst();
  return row ? toAgency(row) : undefined;
}

/**
 * Tells whether another agency of the union already has this code.
 * @example
 * if (await agencyCodeTaken(trx, 'chalu', 'judicial_office')) throw conflict();
 */
export async function agencyCodeTaken(db: Kysely<Database>, tenantId: string, code: string, exceptId?: string): Promise<boolean> {
  const row = await db
    .selectFrom('agencies')
    .select('agencies.agency_id')
    .where('agencies.tenant_id', '=', tenantId)
    .where('agencies.code', '=', code)
    .$if(exceptId !== undefined, (q) => q.where('agencies.agency_id', '<>', exceptId ?? ''))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Serialises writers of one agency code in one union until the transaction ends, so the check
 * for a taken code and the write cannot interleave.
 * @example
 * await lockAgencyCode(trx, 'chalu', 'judicial_office');
 */
export async function lockAgencyCode(trx: Kysely<Database>, tenantId: string, code: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`agencies.code:${tenantId}:${code}`}))`.execute(trx);
}

/**
 * Inserts an agency.
 * @example
 * await insertAgency(trx, { id, tenantId, code, name, contact: null });
 */
export async function insertAgency(db: Kysely<Database>, agency: Omit<Agency, 'createdAt'>): Promise<void> {
  await db
    .insertInto('agencies')
    .values({ tenant_id: agency.tenantId, agency_id: agency.id, code: agency.code, name_zh: agency.name.zh, name_en: agency.name.en, contact: agency.contact })
    .execute();
}

/**
 * Writes an agency's code, names and contact.
 * @example
 * await updateAgencyRow(trx, { ...agency, contact: '0574-1234' });
 */
export async function updateAgencyRow(db: Kysely<Database>, agency: Omit<Agency, 'createdAt'>): Promise<void> {
  await db
    .updateTable('agencies')
    .set({ code: agency.code, name_zh: agency.name.zh, name_en: agency.name.en, contact: agency.contact })
    .where('agencies.tenant_id', '=', agency.tenantId)
    .where('agencies.agency_id', '=', agency.id)
    .execute();
}

/**
 * Deletes an agency.
 * @example
 * await deleteAgencyRow(trx, agency);
 */
export async function deleteAgencyRow(db: Kysely<Database>, agency: Pick<Agency, 'tenantId' | 'id'>): Promise<void> {
  await db.deleteFrom('agencies').where('agencies.tenant_id', '=', agency.tenantId).where('agencies.agency_id', '=', agency.id).execute();
}
