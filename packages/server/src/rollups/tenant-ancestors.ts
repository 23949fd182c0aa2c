import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ancestorsOf } from './case-facts.js';

/**
 * The unions above each of some unions (the root first), from their paths, in one query.
 * @example
 * (await tenantAncestors(db, ['gaotan'])).get('gaotan'); // ['ninghai', 'chalu']
 */
export async function tenantAncestors(db: Kysely<Database>, tenantIds: Iterable<string>): Promise<Map<string, string[]>> {
  const ids = [...new Set(tenantIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('tenants').select(['tenant_id', 'path']).where('tenant_id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.tenant_id, ancestorsOf(row.path)]));
}
