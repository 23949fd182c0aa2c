import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { Database, WorkflowsTable } from '../db/database.js';
import type { ListQuery } from '../http/list-query.js';
import { subtreeTenantIds } from '../tenancy/tenant-scope.js';
import type { WorkflowDetail, WorkflowFilter, WorkflowSummary } from './schemas.js';

type Db = Kysely<Database>;
type Scope = Pick<Caller, 'tenantPath'>;
type Row = Selectable<WorkflowsTable> & { running_cases: number };

/**
 * A reference to one workflow version, with the union that owns it.
 * @example
 * const ref: WorkflowRef = { tenantId: 'ninghai', key: 'union-grievance', version: 1 };
 */
export interface WorkflowRef {
  tenantId: string;
  key: string;
  version: number;
}

/**
 * The union ids above the caller's, read from its materialised path (`/ninghai/huchen/` -> ninghai).
 * @example
 * ancestorTenantIds('/ninghai/chalu/gaotan/'); // ['ninghai', 'chalu']
 */
export function ancestorTenantIds(tenantPath: string): string[] {
  return tenantPath.split('/').filter(Boolean).slice(0, -1);
}

/**
 * The id of a workflow version: keys are unique across unions, so `key@version` is too.
 * @example
 * workflowId('union-grievance', 1); // 'union-grievance@1'
 */
export function workflowId(key: string, version: number): string {
  return `${key}@${version}`;
}

// What a caller may read: every version in its own subtree, and the published (or once published,
// now retired) versions of the unions above it, which are its templates. Built on subtreeTenantIds,
// the one definition of a caller's subtree.
function visibleTo(db: Db, caller: Scope) {
  return (eb: ExpressionBuilder<Database, 'workflows'>): Expression<SqlBool> => {
    const ancestors = ancestorTenantIds(caller.tenantPath);
    const own = eb('workflows.tenant_id', 'in', subtreeTenantIds(db, caller));
    if (ancestors.length === 0) return own;
    return eb.or([own, eb.and([eb('workflows.tenant_id', 'in', ancestors), eb('workflows.status', 'in', ['published', 'retired'])])]);
  };
}

function selectVisible(db: Db, caller: Scope) {
  return db
    .selectFrom('workflows')
    .where(visibleTo(db, caller))
    .selectAll('workflows')
    .select((eb) =>
      eb
        .selectFrom('cases')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('cases.workflow_tenant_id', '=', 'workflows.tenant_id')
        .whereRef('cases.workflow_key', '=', 'workflows.key')
        .whereRef('cases.workflow_version', '=', 'workflows.version')
        .where('cases.status', '=', 'open')
        // Counts only the caller's own cases: a template's use elsewhere is not the caller's business.
        .where('cases.tenant_id', 'in', subtreeTenantIds(db, caller))
        .as('running_cases'),
    );
}

function toIso(value: Date | string | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

function toSummary(row: Row): WorkflowSummary {
  return {
    id: row.workflow_id,
    tenantId: row.tenant_id,
    key: row.key,
    version: row.version,
    status: row.status,
    title: { zh: row.title_zh, en: row.title_en },
    parent: row.parent_key !== null && row.parent_version !== null ? { tenantId: row.parent_tenant_id ?? '', key: row.parent_key, version: row.parent_version } : null,
    isOverlay: row.overlay !== null,
    runningCases: Number(row.running_cases ?? 0),
    note: row.note,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at) ?? '',
    publishedAt: toIso(row.published_at),
  };
}

function toDetail(row: Row): WorkflowDetail {
  return { ...toSummary(row), definition: row.definition, overlay: row.overlay };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filtered(db: Db, caller: Scope, filter: WorkflowFilter) {
  let query = selectVisible(db, caller);
  const list = (value: string | string[]) => (Array.isArray(value) ? value : [value]);
  if (filter.status !== undefined) query = query.where('workflows.status', 'in', list(filter.status) as Array<WorkflowsTable['status']>);
  if (filter.key !== undefined) query = filter.key.length === 0 ? query.where(sql<boolean>`false`) : query.where('workflows.key', 'in', list(filter.key));
  if (filter.id !== undefined) query = filter.id.length === 0 ? query.where(sql<boolean>`false`) : query.where('workflows.workflow_id', 'in', list(filter.id));
  if (filter.tenantId !== undefined) query = query.where('workflows.tenant_id', '=', filter.tenantId);
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const pattern = `%${escapeLike(filter.q.trim())}%`;
    query = query.where((eb) => eb.or([eb('workflows.key', 'ilike', pattern), eb('workflows.title_zh', 'ilike', pattern), eb('workflows.title_en', 'ilike', pattern)]));
  }
  if (filter.templates === true) {
    const ancestors = ancestorTenantIds(caller.tenantPath);
    query = ancestors.length === 0 ? query.where(sql<boolean>`false`) : query.where('workflows.tenant_id', 'in', ancestors).where('workflows.status', '=', 'published');
  }
  return query;
}

/**
 * Lists the workflow versions the caller may read, one page, with the total.
 * @example
 * const { rows, total } = await listWorkflows(db, caller, list);
 */
export async function listWorkflows(db: Db, caller: Scope, list: ListQuery<WorkflowFilter>): Promise<{ rows: WorkflowSummary[]; total: number }> {
  const base = filtered(db, caller, list.filter);
  const direction = list.sort.direction === 'ASC' ? 'asc' : 'desc';
  const rows = await base
    .orderBy(sql.ref(`workflows.${list.sort.column}`), (ob) => (direction === 'asc' ? ob.asc().nullsFirst() : ob.desc().nullsLast()))
    .orderBy('workflows.key')
    .orderBy('workflows.version', 'desc')
    .orderBy('workflows.tenant_id')
    .offset(list.range.offset)
    .limit(list.range.limit)
    .execute();
  const counted = await db
    .selectFrom(filtered(db, caller, list.filter).as('visible'))
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map((row) => toSummary(row as Row)), total: Number(counted.total) };
}

/**
 * One workflow version the caller may read, or undefined; `forUpdate` locks it in a transaction.
 * @example
 * const workflow = await findVisibleWorkflow(trx, caller, 'huchen-help-farmers@1', { forUpdate: true });
 */
export async function findVisibleWorkflow(db: Db, caller: Scope, id: string, options: { forUpdate?: boolean } = {}): Promise<WorkflowDetail | undefined> {
  let query = selectVisible(db, caller).where('workflows.workflow_id', '=', id);
  if (options.forUpdate) query = query.forUpdate('workflows');
  const row = await query.executeTakeFirst();
  return row ? toDetail(row as Row) : undefined;
}

/**
 * A published version the caller may read and extend, by key and version (and owner when given).
 * @example
 * const template = await findVisiblePublished(db, caller, { key: 'union-grievance', version: 2 });
 */
export async function findVisiblePublished(db: Db, caller: Scope, ref: { tenantId?: string | undefined; key: string; version: number }): Promise<WorkflowDetail | undefined> {
  let query = selectVisible(db, caller).where('workflows.key', '=', ref.key).where('workflows.version', '=', ref.version).where('workflows.status', '=', 'published');
  if (ref.tenantId !== undefined) query = query.where('workflows.tenant_id', '=', ref.tenantId);
  const row = await query.executeTakeFirst();
  return row ? toDetail(row as Row) : undefined;
}

/**
 * The definition of the template a visible overlay extends (its reference was checked when the
 * overlay was created, so it is read by that reference, whatever the template's status now).
 * @example
 * const parent = await findParentDefinition(db, { tenantId: 'ninghai', key: 'union-grievance', version: 1 });
 */
export async function findParentDefinition(db: Db, ref: WorkflowRef): Promise<unknown> {
  const row = await db
    .selectFrom('workflows')
    .select('definition')
    .where('tenant_id', '=', ref.tenantId)
    .where('key', '=', ref.key)
    .where('version', '=', ref.version)
    .executeTakeFirst();
  return row?.definition;
}

/**
 * The most recent earlier version of the same key in the same union, to diff a workflow without a parent.
 * @example
 * const previous = await findPreviousVersion(db, { tenantId: 'ninghai', key: 'union-grievance', version: 2 });
 */
export async function findPreviousVersion(db: Db, ref: WorkflowRef): Promise<{ version: number; definition: unknown } | undefined> {
  return db
    .selectFrom('workflows')
    .select(['version', 'definition'])
    .where('tenant_id', '=', ref.tenantId)
    .where('key', '=', ref.key)
    .where('version', '<', ref.version)
    .where('status', '!=', 'draft')
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

/**
 * An agency of the agencies table, as workflows may name it.
 * @example
 * const agency: HostAgency = { code: 'chamber_of_commerce', title: { zh: '商会', en: 'Chamber of commerce' } };
 */
export interface HostAgency {
  code: string;
  title: { zh: string; en: string };
}

/**
 * The agencies a workflow of this caller may refer to: those of its subtree and of the unions
 * above it (county agencies serve the townships); built-in agencies are known to the engine.
 * @example
 * const agencies = await knownAgencies(db, caller);
 */
export async function knownAgencies(db: Db, caller: Scope): Promise<HostAgency[]> {
  const ancestors = ancestorTenantIds(caller.tenantPath);
  const rows = await db
    .selectFrom('agencies')
    .select(['code', 'name_zh', 'name_en'])
    .where((eb) => (ancestors.length === 0 ? eb('agencies.tenant_id', 'in', subtreeTenantIds(db, caller)) : eb.or([eb('agencies.tenant_id', 'in', subtreeTenantIds(db, caller)), eb('agencies.tenant_id', 'in', ancestors)])))
    .orderBy('code')
    .execute();
  const byCode = new Map<string, HostAgency>();
  for (const row of rows) if (!byCode.has(row.code)) byCode.set(row.code, { code: row.code, title: { zh: row.name_zh, en: row.name_en } });
  return [...byCode.values()];
}

/**
 * Every published (and retired, for the cases still running on it) definition, oldest first.
 * @example
 * for (const row of await loadRegisteredDefinitions(db)) engine.register(row.definition);
 */
export async function loadRegisteredDefinitions(db: Db, ref?: { key: string; version: number }): Promise<Array<{ id: string; tenantId: string; definition: unknown }>> {
  let query = db.selectFrom('workflows').select(['workflow_id', 'tenant_id', 'definition']).where('status', 'in', ['published', 'retired']);
  if (ref) query = query.where('key', '=', ref.key).where('version', '=', ref.version);
  const rows = await query.orderBy('key').orderBy('version').execute();
  return rows.map((r) => ({ id: r.workflow_id, tenantId: r.tenant_id, definition: r.definition }));
}
