import type { Kysely } from 'kysely';
import { pathIds } from '../cases/lookups.js';
import type { Database } from '../db/database.js';

/**
 * Where a referral's agency is reached, as the union of a case registered it: the union that
 * defines the agency code (the case's own, or the nearest above it), the names and the contact
 * text (null when that union left it empty); `union` is the case's union, for the message.
 * @example
 * const found: AgencyContact = { definedBy: 'ninghai', name: { zh: '宁海县人大代表联络站', en: 'Liaison station' }, contact: '13800001111', union: { zh: '岔路镇总工会', en: 'Chalu Town Union' } };
 */
export interface AgencyContact {
  definedBy: string;
  name: { zh: string; en: string };
  contact: string | null;
  union: { zh: string; en: string };
}

/**
 * Finds the agency `code` registered by the case's union `tenantId` or the nearest union above it
 * (a township may give the county's station its own contact); undefined when no union on the way
 * to the root registers it, or the union does not exist.
 * @example
 * const found = await findAgencyContact(db, 'chalu', 'people_congress_liaison');
 */
export async function findAgencyContact(db: Kysely<Database>, tenantId: string, code: string): Promise<AgencyContact | undefined> {
  const tenant = await db.selectFrom('tenants').select(['path', 'name_zh', 'name_en']).where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!tenant) return undefined;
  const chain = pathIds(tenant.path);
  if (chain.length === 0) return undefined;
  const rows = await db.selectFrom('agencies').select(['tenant_id', 'name_zh', 'name_en', 'contact']).where('code', '=', code).where('tenant_id', 'in', chain).execute();
  // The nearest union first: walk the path from the case's union up to the root.
  for (const id of [...chain].reverse()) {
    const row = rows.find((candidate) => candidate.tenant_id === id);
    if (row) {
      const contact = row.contact?.trim() ? row.contact.trim() : null;
      return { definedBy: row.tenant_id, name: { zh: row.name_zh, en: row.name_en }, contact, union: { zh: tenant.name_zh, en: tenant.name_en } };
    }
  }
  return undefined;
}
