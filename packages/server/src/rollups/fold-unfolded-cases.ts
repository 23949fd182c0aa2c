import type { Engine, Workflow } from '@shuoshi/engine';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { ensureWorkflowRegistered } from '../workflows/register-published-workflows.js';
import { caseDims, foldCaseFacts } from './case-facts.js';
import { contributionOf, type RollupRow } from './contribution.js';
import { readCaseLogs } from './read-case-logs.js';
import { ROLLUP_COUNTER_COLUMNS, ROLLUP_KEY_COLUMNS, rollupRecords, ROLLUP_RECORD_TYPES } from './rollup-deltas.js';

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
 * Folds the whole log of cases whose metric facts are null (rows older than the rollups, the
 * demo seed, generated data, a case moved to another workflow version) into their facts, and
 * appends their contributions to the rollups. Each case is written only if it is still at the
 * version its log was read at and still unfolded (compare-and-set), so that processes doing this
 * at once, or a step racing it, never count a case twice; a case that lost a race is folded on
 * the next pass. Answers how many cases were folded.
 * @example
 * while ((await foldUnfoldedCases(db, engine)) > 0);
 */
export async function foldUnfoldedCases(db: Kysely<Database>, engine: Engine, options: { limit?: number; caseIds?: readonly string[] } = {}): Promise<number> {
  let query = db.selectFrom('cases').select(['tenant_id', 'case_id', 'version', 'workflow_key', 'workflow_version', 'channel', 'data']).where('metric_facts', 'is', null);
  if (options.caseIds) query = query.where('case_id', 'in', options.caseIds.length > 0 ? [...options.caseIds] : ['']);
  const cases = (await query.orderBy('tenant_id').orderBy('case_id').limit(options.limit ?? FOLD_BATCH).execute()) as UnfoldedRow[];
  if (cases.length === 0) return 0;
  const logs = await readCaseLogs(db, cases);

  const cache = new Map<string, Workflow | null>();
  const folded: Array<{ tenant_id: string; case_id: string; version: number; facts: string }> = [];
  const deltas: Array<RollupRow & { caseId: string }> = [];
  for (const c of cases) {
    const workflow = (await workflowOf(db, engine, cache, c.workflow_key, c.workflow_version)) ?? UNREADABLE_WORKFLOW;
    const facts = foldCaseFacts(logs.get(`${c.tenant_id}/${c.case_id}`) ?? [], caseDims(c, workflow), workflow);
    if (!facts) continue;
    folded.push({ tenant_id: c.tenant_id, case_id: c.case_id, version: c.version, facts: JSON.stringify(facts) });
    for (const row of contributionOf(facts)) deltas.push({ ...row, caseId: c.case_id });
  }
  if (folded.length === 0) return 0;
  const columns = [...ROLLUP_KEY_COLUMNS, ...ROLLUP_COUNTER_COLUMNS].join(', ');
  const records = JSON.stringify(rollupRecords(deltas).map((record, i) => ({ ...record, case_id: deltas[i]?.caseId })));
  const result = await sql<{ n: number }>`
    WITH input AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(folded)}::jsonb) AS x(tenant_id text, case_id text, version int, facts jsonb)),
    upd AS (
      UPDATE cases c SET metric_facts = input.facts FROM input
      WHERE c.tenant_id = input.tenant_id AND c.case_id = input.case_id AND c.version = input.version AND c.metric_facts IS NULL
      RETURNING c.tenant_id, c.case_id
    ),
    md AS (
      INSERT INTO metric_deltas (${sql.raw(columns)})
      SELECT ${sql.raw(columns.split(', ').map((column) => `d.${column}`).join(', '))}
      FROM jsonb_to_recordset(${records}::jsonb) AS d(${sql.raw(ROLLUP_RECORD_TYPES)}, case_id text)
      JOIN upd ON upd.tenant_id = d.tenant_id AND upd.case_id = d.case_id
    )
    SELECT count(*)::int AS n FROM upd`.execute(db);
  return result.rows[0]?.n ?? 0;
}
