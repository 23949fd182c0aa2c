import { sql, type Kysely } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { containsPattern, type ListQuery } from '../http/list-query.js';
import { scopedSelect } from '../tenancy/tenant-scope.js';
import type { Enterprise } from './schemas.js';

/**
 * The enterprises list's filter after parsing.
 * @example
 * const filter: EnterpriseFilter = { q: '恒祥' };
 */
export interface EnterpriseFilter {
  id?: string | string[] | undefined;
  q?: string | undefined;
  tenantId?: string | undefined;
  industry?: string | undefined;
  creditCode?: string | undefined;
}

/**
 * Sortable JSON fields of an enterprise and their columns.
 * @example
 * parseListQuery(query, { sortable: ENTERPRISE_SORTABLE, defaultSort: ['name', 'ASC'], filters: enterpriseFilterSchema });
 */
export const ENTERPRISE_SORTABLE: Readonly<Record<string, string>> = {
  id: 'enterprises.enterprise_id',
  name: 'enterprises.name',
  creditCode: 'enterprises.credit_code',
  industry: 'enterprises.industry',
  workers: 'enterprises.workers',
  tenantId: 'enterprises.tenant_id',
  createdAt: 'enterprises.created_at',
};

const COLUMNS = ['enterprises.enterprise_id', 'enterprises.tenant_id', 'enterprises.name', 'enterprises.credit_code', 'enterprises.industry', 'enterprises.workers', 'enterprises.created_at'] as const;

interface EnterpriseRow {
  enterprise_id: string;
  tenant_id: string;
  name: string;
  credit_code: string | null;
  industry: string | null;
  workers: number | null;
  created_at: Date;
}

function toEnterprise(row: EnterpriseRow): Enterprise {
  return { id: row.enterprise_id, tenantId: row.tenant_id, name: row.name, creditCode: row.credit_code, industry: row.industry, workers: row.workers, createdAt: new Date(row.created_at).toISOString() };
}

function filtered(db: Kysely<Database>, caller: Caller, filter: EnterpriseFilter) {
  const ids = filter.id === undefined ? undefined : [filter.id].flat();
  return scopedSelect(db, caller, 'enterprises')
    .$if(ids !== undefined, (q) => (ids && ids.length > 0 ? q.where('enterprises.enterprise_id', 'in', ids) : q.where(sql<boolean>`false`)))
    .$if(filter.tenantId !== undefined, (q) => q.where('enterprises.tenant_id', '=', filter.tenantId ?? ''))
    .$if(filter.industry !== undefined, (q) => q.where('enterprises.industry', '=', filter.industry ?? ''))
    .$if(filter.creditCode !== undefined, (q) => q.where('enterprises.credit_code', '=', (filter.creditCode ?? '').toUpperCase()))
    .$if(Boolean(filter.q), (q) =>
      q.where((eb) => {
        const pattern = containsPattern(filter.q ?? '');
        return eb.or([eb('enterprises.name', 'ilike', pattern), eb('enterprises.credit_code', 'ilike', pattern)]);
      }),
    );
}

/**
 * One page of the enterprises the caller sees, and how many match in all.
 * @example
 * const { rows, total } = await listEnterprises(db, caller, list);
 */
export async function listEnterprises(db: Kysely<Database>, caller: Caller, list: ListQuery<EnterpriseFilter>): Promise<{ rows: Enterprise[]; total: number }> {
  const count = await filtered(db, caller, list.filter).select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await filtered(db, caller, list.filter)
    .select(COLUMNS)
    .orderBy(sql.ref(list.sort.column), list.sort.direction === 'ASC' ? 'asc' : 'desc')
    .orderBy('enterprises.enterprise_id', 'asc')
    .offset(list.range.offset)
    .limit(list.range.limit)
    .execute();
  return { rows: rows.map(toEnterprise), total: Number(count.total) };
}

/**
 * An enterprise the caller sees, or undefined (missing and foreign look the same); `lock`
 * holds its row until the transaction ends (before a change or a delete).
 * @example
 * const enterprise = await findEnterprise(db, caller, id);
 */
export async function findEnterprise(db: Kysely<Database>, caller: Caller, id: string, lock = false): Promise<Enterprise | undefined> {
  const row = await scopedSelect(db, caller, 'enterprises')
    .select(COLUMNS)
    .where('enterprises.enterprise_id', '=', id)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
  return row ? toEnterprise(row) : undefined;
}

/**
 * Serialises writers of one credit code in one union until the transaction ends, so the check
 * for a taken code and the write cannot interleave.
 * @example
 * await lockCreditCode(trx, 'chalu', '91350100M000100Y43');
 */
export async function lockCreditCode(trx: Kysely<Database>, tenantId: string, creditCode: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`enterprises.credit_code:${tenantId}:${creditCode}`}))`.execute(trx);
}

/**
 * Tells whether another enterprise of the union already has this credit code.
 * @example
 * if (await creditCodeTaken(trx, 'chalu', code)) throw conflict();
 */
export async function creditCodeTaken(db: Kysely<Database>, tenantId: string, creditCode: string, exceptId?: string): Promise<boolean> {
  const row = await db
    .selectFrom('enterprises')
    .select('enterprises.enterprise_id')
    .where('enterprises.tenant_id', '=', tenantId)
    .where('enterprises.credit_code', '=', creditCode)
    .$if(exceptId !== undefined, (q) => q.where('enterprises.enterprise_id', '<>', exceptId ?? ''))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Counts the cases that name an enterprise (any union: a case may sit in another union than
 * its employer).
 * @example
 * if ((await casesOfEnterprise(trx, id)) > 0) throw inUse();
 */
export async function casesOfEnterprise(db: Kysely<Database>, enterpriseId: string): Promise<number> {
  const row = await db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).where('cases.enterprise_id', '=', enterpriseId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Inserts an enterprise.
 * @example
 * await insertEnterprise(trx, { id, tenantId, name, creditCode, industry: null, workers: null });
 */
export async function insertEnterprise(db: Kysely<Database>, enterprise: Omit<Enterprise, 'createdAt'>): Promise<void> {
  await db
    .insertInto('enterprises')
    .values({ tenant_id: enterprise.tenantId, enterprise_id: enterprise.id, name: enterprise.name, credit_code: enterprise.creditCode, industry: enterprise.industry, workers: enterprise.workers })
    .execute();
}

/**
 * Writes an enterprise's fields.
 * @example
 * await updateEnterpriseRow(trx, { ...enterprise, workers: 140 });
 */
export async function updateEnterpriseRow(db: Kysely<Database>, enterprise: Omit<Enterprise, 'createdAt'>): Promise<void> {
  await db
    .updateTable('enterprises')
    .set({ name: enterprise.name, credit_code: enterprise.creditCode, industry: enterprise.industry, workers: enterprise.workers })
    .where('enterprises.tenant_id', '=', enterprise.tenantId)
    .where('enterprises.enterprise_id', '=', enterprise.id)
    .execute();
}

/**
 * Deletes an enterprise.
 * @example
 * await deleteEnterpriseRow(trx, enterprise);
 */
export async function deleteEnterpriseRow(db: Kysely<Database>, enterprise: Pick<Enterprise, 'tenantId' | 'id'>): Promise<void> {
  await db.deleteFrom('enterprises').where('enterprises.tenant_id', '=', enterprise.tenantId).where('enterprises.enterprise_id', '=', enterprise.id).execute();
}
