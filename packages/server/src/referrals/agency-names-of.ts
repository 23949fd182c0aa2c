import { BUILTIN_AGENCIES, type Engine } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import { pathIds } from '../cases/lookups.js';
import { workflowOf } from '../cases/present-case.js';
import type { Database } from '../db/database.js';

/**
 * A referral's agency to name: its code, the union whose case it is, and the case's workflow.
 * @example
 * const item: AgencyNameRequest = { agency: 'people_congress_liaison', tenantPath: '/ninghai/chalu/', workflow: { key: 'union-grievance', version: 1 } };
 */
export interface AgencyNameRequest {
  agency: string;
  tenantPath: string;
  workflow: { key: string; version: number };
}

/**
 * Names the agencies of referrals, in the order asked: the agency registered (table `agencies`) by
 * the case's union or the nearest union above it, else the workflow's own `agencies`, else the
 * engine's BUILTIN_AGENCIES, else the code itself.
 * @example
 * const [name] = await agencyNamesOf(db, engine, [{ agency: 'court', tenantPath: '/ninghai/chalu/', workflow }]);
 */
export async function agencyNamesOf(db: Kysely<Database>, engine: Engine, items: readonly AgencyNameRequest[]): Promise<Array<{ zh: string; en: string }>> {
  const codes = [...new Set(items.map((item) => item.agency))];
  const tenantIds = [...new Set(items.flatMap((item) => pathIds(item.tenantPath)))];
  const rows =
    codes.length > 0 && tenantIds.length > 0
      ? await db.selectFrom('agencies').select(['tenant_id', 'code', 'name_zh', 'name_en']).where('code', 'in', codes).where('tenant_id', 'in', tenantIds).execute()
      : [];
  const registered = new Map(rows.map((row) => [`${row.tenant_id}\u0000${row.code}`, { zh: row.name_zh, en: row.name_en }]));
  return items.map((item) => {
    // The nearest union's own entry wins: a township may name the county's station more precisely.
    for (const tenantId of pathIds(item.tenantPath).reverse()) {
      const name = registered.get(`${tenantId}\u0000${item.agency}`);
      if (name) return name;
    }
    const title = workflowOf(engine, item.workflow)?.agencies?.[item.agency]?.title ?? BUILTIN_AGENCIES[item.agency]?.title;
    return title ? { zh: title.zh, en: title.en } : { zh: item.agency, en: item.agency };
  });
}
