import type { Engine } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { caseDims, foldCaseFacts, type CaseFacts } from './case-facts.js';
import { contributionDelta, contributionOf } from './contribution.js';
import { UNREADABLE_WORKFLOW, workflowOf } from './fold-unfolded-cases.js';
import { readCaseLogs } from './read-case-logs.js';
import { tenantAncestors } from './tenant-ancestors.js';
import { insertRollupDeltas } from './rollup-deltas.js';

/**
 * Folds one case's whole log again and moves its contribution in the rollups from the old facts
 * to the new: for a change that reclassifies its past (a move to another workflow version, whose
 * states may count differently). Call it in the transaction that changed the case, holding its
 * row lock. A case never folded is left to the rollup worker.
 * @example
 * await refoldCase(trx, engine, { tenantId: 'chalu', caseId: id });
 */
export async function refoldCase(db: Kysely<Database>, engine: Engine, target: { tenantId: string; caseId: string }): Promise<void> {
  const row = await db
    .selectFrom('cases')
    .select(['tenant_id', 'case_id', 'workflow_key', 'workflow_version', 'channel', 'data', 'metric_facts'])
    .where('tenant_id', '=', target.tenantId)
    .where('case_id', '=', target.caseId)
    .executeTakeFirst();
  if (!row || row.metric_facts === null) return;
  const workflow = (await workflowOf(db, engine, new Map(), row.workflow_key, row.workflow_version)) ?? UNREADABLE_WORKFLOW;
  const logs = await readCaseLogs(db, [row]);
  const ancestors = (await tenantAncestors(db, [row.tenant_id])).get(row.tenant_id) ?? [];
  const facts: CaseFacts | null = foldCaseFacts(logs.get(`${row.tenant_id}/${row.case_id}`) ?? [], caseDims({ ...row, ancestors }, workflow), workflow);
  if (!facts) return;
  await db.updateTable('cases').set({ metric_facts: JSON.stringify(facts) }).where('tenant_id', '=', row.tenant_id).where('case_id', '=', row.case_id).execute();
  await insertRollupDeltas(db, contributionDelta(contributionOf(row.metric_facts), contributionOf(facts)));
}
