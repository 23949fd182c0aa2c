import type { Workflow } from '@shuoshi/engine';
import type { Kysely, Selectable } from 'kysely';
import { CASE_COLUMNS, type CaseRow } from '../cases/repository.js';
import type { CaseEventsTable, Database, TenantsTable } from '../db/database.js';

/**
 * A union as the public sees it.
 * @example
 * const union: PublicUnionRow = { tenant_id: 'chalu', parent_id: 'ninghai', level: 'township', name_zh: '岔路镇总工会', name_en: 'Chalu Town Union', path: '/ninghai/chalu/' };
 */
export type PublicUnionRow = Pick<Selectable<TenantsTable>, 'tenant_id' | 'parent_id' | 'level' | 'name_zh' | 'name_en' | 'path'>;

/**
 * Every union of the tree, parents before children.
 * @example
 * const unions = await listUnions(db);
 */
export async function listUnions(db: Kysely<Database>): Promise<PublicUnionRow[]> {
  return db.selectFrom('tenants').select(['tenant_id', 'parent_id', 'level', 'name_zh', 'name_en', 'path']).orderBy('path').execute();
}

/**
 * One union by id, or undefined.
 * @example
 * const union = await findUnion(db, 'chalu');
 */
export async function findUnion(db: Kysely<Database>, tenantId: string): Promise<PublicUnionRow | undefined> {
  return db.selectFrom('tenants').select(['tenant_id', 'parent_id', 'level', 'name_zh', 'name_en', 'path']).where('tenant_id', '=', tenantId).executeTakeFirst();
}

/**
 * A published workflow version with its resolved definition.
 * @example
 * const row: PublishedWorkflowRow = { tenantId: 'ninghai', key: 'union-grievance', version: 1, definition };
 */
export interface PublishedWorkflowRow {
  tenantId: string;
  key: string;
  version: number;
  definition: Workflow;
}

/**
 * Every published workflow version (the definitions were validated when they were published).
 * @example
 * const workflows = await listPublishedWorkflows(db);
 */
export async function listPublishedWorkflows(db: Kysely<Database>): Promise<PublishedWorkflowRow[]> {
  const rows = await db.selectFrom('workflows').select(['tenant_id', 'key', 'version', 'definition']).where('status', '=', 'published').execute();
  return rows.map((row) => ({
    tenantId: row.tenant_id,
    key: row.key,
    version: row.version,
    // pg and PGlite hand jsonb back parsed; a string would be a driver configured otherwise.
    definition: (typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition) as Workflow,
  }));
}

/**
 * The case a tracking code's hash belongs to, with its snapshot; undefined when none does.
 * @example
 * const row = await findCaseByTrackingHash(db, hashTrackingCode(code));
 */
export async function findCaseByTrackingHash(db: Kysely<Database>, trackingHash: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').select(CASE_COLUMNS).where('tracking_hash', '=', trackingHash).executeTakeFirst();
}

/**
 * Gives a case a new tracking hash (a retried filing issues a new code; the old one stops working).
 * @example
 * await replaceTrackingHash(trx, { tenantId: 'chalu', caseId }, hash);
 */
export async function replaceTrackingHash(db: Kysely<Database>, target: { tenantId: string; caseId: string }, trackingHash: string): Promise<void> {
  await db.updateTable('cases').set({ tracking_hash: trackingHash }).where('tenant_id', '=', target.tenantId).where('case_id', '=', target.caseId).execute();
}

/**
 * The entries of a case's log that the public timeline is made of (no data, no effects).
 * @example
 * const entries = await readPublicEvents(db, row);
 */
export async function readPublicEvents(db: Kysely<Database>, row: Pick<CaseRow, 'tenant_id' | 'case_id'>): Promise<Array<Pick<Selectable<CaseEventsTable>, 'seq' | 'type' | 'actor_id' | 'actor_roles' | 'state_from' | 'state_to' | 'created_at'>>> {
  return db
    .selectFrom('case_events')
    .select(['seq', 'type', 'actor_id', 'actor_roles', 'state_from', 'state_to', 'created_at'])
    .where('tenant_id', '=', row.tenant_id)
    .where('case_id', '=', row.case_id)
    .orderBy('seq')
    .execute();
}

/**
 * Display names of staff users by id, for workflows that show staff names to the public.
 * @example
 * const names = await staffNames(db, ['chalu.mediator']); // Map { 'chalu.mediator' => '王玉琪' }
 */
export async function staffNames(db: Kysely<Database>, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['user_id', 'display_name']).where('user_id', 'in', userIds).execute();
  return new Map(rows.map((row) => [row.user_id, row.display_name]));
}
