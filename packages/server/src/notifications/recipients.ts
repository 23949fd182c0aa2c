import type { Recipients } from '@shuoshi/engine';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * A staff account a notification goes to.
 * @example
 * const user: RecipientUser = { tenantId: 'ninghai', userId: 'ninghai.supervisor' };
 */
export interface RecipientUser {
  tenantId: string;
  userId: string;
}

/**
 * Resolves a notification's recipients to active staff accounts: `roles` are the users holding
 * one of them in the case's union or any union above it (a township's case reaches the county's
 * supervisors too), `assignee` the case's assignee. The worker has no account: the SMS and WeChat
 * channels reach them. Each user comes once.
 * @example
 * const users = await resolveRecipientUsers(db, { tenantId: 'chalu', caseId }, { roles: ['supervisor'], assignee: true });
 */
export async function resolveRecipientUsers(db: Kysely<Database>, target: { tenantId: string; caseId: string | null }, to: Recipients): Promise<RecipientUser[]> {
  const roles = to.roles ?? [];
  const tenant = await db.selectFrom('tenants').select('tenants.path').where('tenants.tenant_id', '=', target.tenantId).executeTakeFirst();
  if (!tenant) return [];
  const lineage = tenant.path.split('/').filter(Boolean);
  const caseRow =
    to.assignee && target.caseId !== null
      ? await db.selectFrom('cases').select('cases.assignee_id').where('cases.tenant_id', '=', target.tenantId).where('cases.case_id', '=', target.caseId).executeTakeFirst()
      : undefined;
  const assignee = caseRow?.assignee_id ?? null;
  if (roles.length === 0 && assignee === null) return [];
  const rows = await db
    .selectFrom('users')
    .innerJoin('tenants', 'tenants.tenant_id', 'users.tenant_id')
    .select(['users.tenant_id', 'users.user_id'])
    .where('users.active', '=', true)
    .where((eb) => {
      const byRole = roles.length > 0 ? [eb.and([eb('users.tenant_id', 'in', lineage), sql<boolean>`users.roles && ARRAY[${sql.join(roles)}]::text[]`])] : [];
      // The assignee works in the case's union, above it or below it (a workstation's mediator).
      const byAssignment = assignee !== null ? [eb.and([eb('users.user_id', '=', assignee), eb.or([eb('users.tenant_id', 'in', lineage), eb('tenants.path', 'like', `${tenant.path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)])])] : [];
      return eb.or([...byRole, ...byAssignment]);
    })
    .orderBy('users.tenant_id')
    .orderBy('users.user_id')
    .execute();
  return rows.map((row) => ({ tenantId: row.tenant_id, userId: row.user_id }));
}
