import type { ActiveTimer, CaseSnapshot } from '@shuoshi/engine';
import type { Kysely, Selectable } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { CasesTable, Database } from '../db/database.js';
import { subtreeTenantIds } from '../tenancy/tenant-scope.js';
import type { WorkflowRef } from './repository.js';

type Db = Kysely<Database>;

/**
 * The columns of a case a migration reads.
 * @example
 * const c: MigratingCase = { tenantId: 'huchen', caseId: 'c1', reference: 'NH-2025-000001', state: 'triage', status: 'open', version: 3, snapshot };
 */
export interface MigratingCase {
  tenantId: string;
  caseId: string;
  reference: string;
  state: string;
  status: 'open' | 'closed';
  version: number;
  workflowVersion: number;
  snapshot: CaseSnapshot;
}

type CaseRow = Pick<Selectable<CasesTable>, 'tenant_id' | 'case_id' | 'reference' | 'state' | 'status' | 'version' | 'workflow_version' | 'snapshot'>;

function toCase(row: CaseRow): MigratingCase {
  return { tenantId: row.tenant_id, caseId: row.case_id, reference: row.reference, state: row.state, status: row.status, version: row.version, workflowVersion: row.workflow_version, snapshot: row.snapshot as CaseSnapshot };
}

/**
 * One page of the open cases of a workflow version in the caller's subtree, in key order after
 * `after` (keyset paging, so a large county is read in bounded pieces).
 * @example
 * const page = await openCasesPage(db, caller, ref, undefined, 200);
 */
export async function openCasesPage(db: Db, caller: Pick<Caller, 'tenantPath'>, ref: WorkflowRef, after: { tenantId: string; caseId: string } | undefined, size: number): Promise<MigratingCase[]> {
  let query = db
    .selectFrom('cases')
    .select(['tenant_id', 'case_id', 'reference', 'state', 'status', 'version', 'workflow_version', 'snapshot'])
    .where('cases.tenant_id', 'in', subtreeTenantIds(db, caller))
    .where('workflow_tenant_id', '=', ref.tenantId)
    .where('workflow_key', '=', ref.key)
    .where('workflow_version', '=', ref.version)
    .where('status', '=', 'open');
  if (after) query = query.where((eb) => eb.or([eb('tenant_id', '>', after.tenantId), eb.and([eb('tenant_id', '=', after.tenantId), eb('case_id', '>', after.caseId)])]));
  const rows = await query.orderBy('tenant_id').orderBy('case_id').limit(size).execute();
  return rows.map(toCase);
}

/**
 * Re-reads one case and locks its row for the migration's transaction.
 * @example
 * const fresh = await lockCase(trx, { tenantId: 'huchen', caseId: 'c1' });
 */
export async function lockCase(trx: Db, where: { tenantId: string; caseId: string }): Promise<MigratingCase | undefined> {
  const row = await trx
    .selectFrom('cases')
    .select(['tenant_id', 'case_id', 'reference', 'state', 'status', 'version', 'workflow_version', 'snapshot'])
    .where('tenant_id', '=', where.tenantId)
    .where('case_id', '=', where.caseId)
    .forUpdate()
    .executeTakeFirst();
  return row ? toCase(row) : undefined;
}

/**
 * Replaces a case's pending timers by the migrated snapshot's: every pending one is cancelled,
 * then the snapshot's timers are written as pending (an id kept across versions is revived).
 * @example
 * await replaceTimers(trx, { tenantId: 'huchen', caseId: 'c1' }, snapshot.timers);
 */
export async function replaceTimers(trx: Db, where: { tenantId: string; caseId: string }, timers: readonly ActiveTimer[]): Promise<void> {
  await trx.updateTable('timers').set({ status: 'cancelled' }).where('tenant_id', '=', where.tenantId).where('case_id', '=', where.caseId).where('status', '=', 'pending').execute();
  if (timers.length === 0) return;
  await trx
    .insertInto('timers')
    .values(timers.map((timer) => ({ tenant_id: where.tenantId, case_id: where.caseId, timer_id: timer.id, kind: timer.kind, due_at: timer.dueAt, status: 'pending' as const, fired_at: null })))
    .onConflict((oc) => oc.columns(['tenant_id', 'case_id', 'timer_id']).doUpdateSet((eb) => ({ kind: eb.ref('excluded.kind'), due_at: eb.ref('excluded.due_at'), status: 'pending', fired_at: null })))
    .execute();
}
