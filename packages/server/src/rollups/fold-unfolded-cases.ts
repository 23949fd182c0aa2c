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

/**
 * A case read for folding: its keys, version and the columns its dimensions come from.
 * @example
 * const row: UnfoldedRow = page.cases[0];
 */
export interface UnfoldedRow {
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
 * A page of unfolded cases read with everything folding them needs: their logs and their unions'
 * ancestors (see readUnfoldedPage).
 * @example
 * const page: UnfoldedPage = await readUnfoldedPage(db, { limit: 500 });
 */
export interface UnfoldedPage {
  cases: UnfoldedRow[];
  logs: Awaited<ReturnType<typeof readCaseLogs>>;
  ancestors: Awaited<ReturnType<typeof tenantAncestors>>;
  next: FoldCursor | null;
}

/**
 * Reads up to `limit` cases whose metric facts are null, in key order after `after`, with their
 * logs: the reading half of foldUnfoldedCases, apart so that a rebuild can read the next page
 * while it folds and writes this one.
 * @example
 * const page = await readUnfoldedPage(db, { limit: 500, after: cursor });
 */
export async function readUnfoldedPage(db: Kysely<Database>, options: { limit?: number; after?: FoldCursor | null | undefined } = {}): Promise<UnfoldedPage> {
  const limit = options.limit ?? FOLD_BATCH;
  const after = options.after;
  let query = db.selectFrom('cases').select(['tenant_id', 'case_id', 'version', 'workflow_key', 'workflow_version', 'channel', 'data']).where('metric_facts_pending', '=', true);
  if (after) query = query.where((eb) => eb(eb.refTuple('tenant_id', 'case_id'), '>', eb.tuple(after.tenantId, after.caseId)));
  const cases = (await query.orderBy('tenant_id').orderBy('case_id').limit(limit).execute()) as UnfoldedRow[];
  const last = cases.at(-1);
  const next = cases.length < limit || !last ? null : { tenantId: last.tenant_id, caseId: last.case_id };
  if (cases.length === 0) return { cases, logs: new Map(), ancestors: new Map(), next };
  const [logs, ancestors] = await Promise.all([readCaseLogs(db, cases), tenantAncestors(db, cases.map((c) => c.tenant_id))]);
  return { cases, logs, ancestors, next };
}

/**
 * Folds a page read by readUnfoldedPage and writes it: each case only if it is still at the
 * version its log was read at and still unfolded (compare-and-set), with its contribution to the
 * rollups in the same transaction. Answers how many cases it wrote. `workflows` caches the
 * workflow versions across pages.
 * @example
 * const written = await foldUnfoldedPage(db, engine, page);
 */
export async function foldUnfoldedPage(db: Kysely<Database>, engine: Engine, page: UnfoldedPage, workflows: Map<string, Workflow | null> = new Map()): Promise<number> {
  const folded: Array<{ tenant_id: string; case_id: string; version: number; facts: CaseFacts }> = [];
  for (const c of page.cases) {
    const workflow = (await workflowOf(db, engine, workflows, c.workflow_key, c.workflow_version)) ?? UNREADABLE_WORKFLOW;
    const facts = foldCaseFacts(page.logs.get(`${c.tenant_id}/${c.case_id}`) ?? [], caseDims({ ...c, ancestors: page.ancestors.get(c.tenant_id) ?? [] }, workflow), workflow);
    if (facts) folded.push({ tenant_id: c.tenant_id, case_id: c.case_id, version: c.version, facts });
  }
  if (folded.length === 0) return 0;
  return inTransaction(db, async (trx) => {
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
  const page = await readUnfoldedPage(db, options);
  if (page.cases.length === 0) return { folded: 0, read: 0, next: page.next };
  return { folded: await foldUnfoldedPage(db, engine, page), read: page.cases.length, next: page.next };
}
