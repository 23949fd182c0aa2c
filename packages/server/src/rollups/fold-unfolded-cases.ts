import type { Engine, Workflow } from '@shuoshi/engine';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/in-transaction.js';
import { ensureWorkflowRegistered } from '../workflows/register-published-workflows.js';
import { caseDims, foldCaseFacts, type CaseFacts } from './case-facts.js';
import { contributionOf, sumRollupRows } from './contribution.js';
import { readCaseLogs } from './read-case-logs.js';
import { tenantAncestors } from './tenant-ancestors.js';
import { insertRollupDeltas } from './rollup-deltas.js';

/**
 * How many cases one pass folds by default.
 * @example
 * await foldUnfoldedCases(db, engine, { limit: FOLD_BATCH });
 */
export const FOLD_BATCH = 500;

interface UnfoldedRow {
  tenant_id: string;
  case_id: string;
  version: number;
  workflow_key: string;
  workflow_version: number;
  channel: string;
  data: unknown;
}

/**
 * Stands in for a workflow version the engine refuses: it classifies no state, as the log replay
 * does (its states count as nothing).
 * @example
 * const workflow = (await workflowOf(db, engine, cache, key, version)) ?? UNREADABLE_WORKFLOW;
 */
export const UNREADABLE_WORKFLOW: Pick<Workflow, 'states' | 'category'> = { states: {} };

/**
 * The workflow version a case runs on, registered in the engine if it is not yet (cached per pass).
 * @example
 * const workflow = await workflowOf(db, engine, new Map(), 'union-grievance', 1);
 */
export async function workflowOf(db: Kysely<Database>, engine: Engine, cache: Map<string, Workflow | null>, key: string, version: number): Promise<Workflow | null> {
  const id = `${key}@${version}`;
  if (!cache.has(id)) cache.set(id, (await ensureWorkflowRegistered(db, engine, { key, version }).catch(() => false)) ? engine.workflow({ key, version }) : null);
  return cache.get(id) ?? null;
}

/**
 * Where a pass over the unfolded cases stopped: the last case it read (in key order).
 * @example
 * const cursor: FoldCursor = { tenantId: 'chalu', caseId: id };
 */
export interface FoldCursor {
  tenantId: string;
  caseId: string;
}

/**
 * What one pass folded: how many cases it wrote, how many it read, and where to go on from
 * (null when it read fewer than its limit: the end was reached).
 * @example
 * const { folded, next } = await foldUnfoldedCases(db, engine, { after: cursor });
 */
export interface FoldPass {
  folded: number;
  read: number;
  next: FoldCursor | null;
}

/**
 * Folds the whole log of cases whose metric facts are null (rows older than the rollups, the
 * demo seed, generated data) into their facts, and appends their contributions to the rollups:
 * up to `limit` of them, in key order after `after` (pages over a large table go on from a cursor
 * instead of stepping over the rows already folded). Each case is written only if it is still at
 * the version its log was read at and still unfolded (compare-and-set), so that processes doing
 * this at once, or a step racing it, never count a case twice; a case that lost a race is folded
 * on a later pass.
 * @example
 * for (let pass = await foldUnfoldedCases(db, engine); pass.next; pass = await foldUnfoldedCases(db, engine, { after: pass.next }));
 */
export async function foldUnfoldedCases(db: Kysely<Database>, engine: Engine, options: { limit?: number; after?: FoldCursor | null } = {}): Promise<FoldPass> {
  const limit = options.limit ?? FOLD_BATCH;
  const after = options.after;
  let query = db.selectFrom('cases').select(['tenant_id', 'case_id', 'version', 'workflow_key', 'workflow_version', 'channel', 'data']).where('metric_facts', 'is', null);
  if (after) query = query.where((eb) => eb(eb.refTuple('tenant_id', 'case_id'), '>', eb.tuple(after.tenantId, after.caseId)));
  const cases = (await query.orderBy('tenant_id').orderBy('case_id').limit(limit).execute()) as UnfoldedRow[];
  const last = cases.at(-1);
  const next = cases.length < limit || !last ? null : { tenantId: last.tenant_id, caseId: last.case_id };
  if (cases.length === 0) return { folded: 0, read: 0, next };
  const logs = await readCaseLogs(db, cases);
  const ancestors = await tenantAncestors(db, cases.map((c) => c.tenant_id));

  const cache = new Map<string, Workflow | null>();
  const folded: Array<{ tenant_id: string; case_id: string; version: number; facts: CaseFacts }> = [];
  for (const c of cases) {
    const workflow = (await workflowOf(db, engine, cache, c.workflow_key, c.workflow_version)) ?? UNREADABLE_WORKFLOW;
    const facts = foldCaseFacts(logs.get(`${c.tenant_id}/${c.case_id}`) ?? [], caseDims({ ...c, ancestors: ancestors.get(c.tenant_id) ?? [] }, workflow), workflow);
    if (facts) folded.push({ tenant_id: c.tenant_id, case_id: c.case_id, version: c.version, facts });
  }
  if (folded.length === 0) return { folded: 0, read: cases.length, next };
  const written = await inTransaction(db, async (trx) => {
    const updated = await sql<{ tenant_id: string; case_id: string }>`
      WITH input AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(folded)}::jsonb) AS x(tenant_id text, case_id text, version int, facts jsonb))
      UPDATE cases c SET metric_facts = input.facts FROM input
      WHERE c.tenant_id = input.tenant_id AND c.case_id = input.case_id AND c.version = input.version AND c.metric_facts IS NULL
      RETURNING c.tenant_id, c.case_id`.execute(trx);
    // Only the cases this update wrote count: one that moved on or was folded by another process since is left out.
    const won = new Set(updated.rows.map((row) => `${row.tenant_id}/${row.case_id}`));
    await insertRollupDeltas(trx, sumRollupRows(folded.filter((f) => won.has(`${f.tenant_id}/${f.case_id}`)).flatMap((f) => contributionOf(f.facts))));
    return won.size;
  });
  return { folded: written, read: cases.length, next };
}
