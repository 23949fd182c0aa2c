import type { CaseSnapshot, Workflow } from '@shuoshi/engine';
import { CompiledQuery, sql, type Insertable, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Caller } from '../auth/caller.js';
import type { CaseEventsTable, CasesTable, Database } from '../db/database.js';
import { subtreeTenantIds } from '../tenancy/tenant-scope.js';
import type { CaseDto, TimelineEntry } from './schemas.js';
import { searchText } from './search-words.js';

/**
 * A row of `cases` without the snapshot and the search words, as lists read it.
 * @example
 * const rows: CaseListRow[] = await scopedCases(db, caller).select(CASE_LIST_COLUMNS).execute();
 */
export type CaseListRow = Omit<Selectable<CasesTable>, 'snapshot' | 'search_words' | 'metric_facts' | 'metric_facts_pending'>;

/**
 * A row of `cases` with its snapshot and metric facts (the search words are never read back), and
 * `row_xmin`: the id of the transaction that wrote this version of the row, which changes with
 * every update of it, versioned or not (a step's write is guarded by it, see writeStep).
 * @example
 * const row: CaseRow | undefined = await findCase(db, caller, id);
 */
export type CaseRow = CaseListRow & Pick<Selectable<CasesTable>, 'snapshot' | 'metric_facts'> & { row_xmin: string };

/**
 * The columns a list reads: all but the snapshot and the search words.
 * @example
 * await scopedCases(db, caller).select(CASE_LIST_COLUMNS).execute();
 */
export const CASE_LIST_COLUMNS = [
  'tenant_id', 'case_id', 'reference', 'workflow_tenant_id', 'workflow_key', 'workflow_version', 'state', 'status', 'warning', 'assignee_id', 'channel',
  'enterprise_id', 'title', 'description', 'data', 'version', 'due_at', 'overdue', 'tracking_hash', 'opened_by', 'opened_at', 'updated_at', 'closed_at',
] as const;

/**
 * The columns of a case row (CaseRow): the list's, the snapshot, the metric facts and the row's xmin.
 * @example
 * await db.selectFrom('cases').select(CASE_COLUMNS).where('tracking_hash', '=', hash).executeTakeFirst();
 */
export const CASE_COLUMNS = [...CASE_LIST_COLUMNS, 'snapshot', 'metric_facts', sql<string>`cases.xmin::text`.as('row_xmin')] as const;

/**
 * The columns of a case that follow from its snapshot (everything a list filters on).
 * @example
 * await trx.updateTable('cases').set(caseColumns(snapshot, workflow, now)).execute();
 */
export type SnapshotColumns = Pick<Insertable<CasesTable>, 'state' | 'status' | 'warning' | 'assignee_id' | 'title' | 'description' | 'data' | 'snapshot' | 'due_at' | 'overdue'> & {
  search_words: RawBuilder<string>;
};

/**
 * The columns a step writes back: the text of the search words (`search_text`, turned into words
 * by the database) only when the title or description changed.
 * @example
 * const changes: StepColumns = stepColumns(next, workflow, row);
 */
export type StepColumns = Omit<SnapshotColumns, 'search_words'> & { search_text?: string };

/**
 * Derives the columns of a stepped case, leaving the search words alone when the texts they are
 * made of did not change (segmenting Chinese text is the costliest part of writing a step).
 * @example
 * const columns = stepColumns(next, workflow, row); // then writeStep(db, { columns, ... })
 */
export function stepColumns(snapshot: CaseSnapshot, workflow: Workflow, previous: { title: string; description: string }): StepColumns {
  const columns = columnsWithoutSearch(snapshot, workflow);
  if (columns.title === previous.title && columns.description === previous.description) return columns;
  return { ...columns, search_text: searchText(columns.title, columns.description) };
}

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}

// Where a workflow's title and description come from: asked on every step, and a registered
// workflow never changes, so its fields are sorted out once.
const textSources = new WeakMap<Workflow, { title: string[]; description: string[] }>();

function textCandidates(workflow: Workflow, which: 'title' | 'description'): string[] {
  let sources = textSources.get(workflow);
  if (!sources) {
    const ids = Object.keys(workflow.fields);
    sources = {
      title: ['title', ...ids.filter((id) => workflow.fields[id]?.type === 'text')],
      description: ['description', ...ids.filter((id) => workflow.fields[id]?.type === 'longtext')],
    };
    textSources.set(workflow, sources);
  }
  return sources[which];
}

function firstText(workflow: Workflow, data: Record<string, unknown>, which: 'title' | 'description'): string | undefined {
  for (const id of textCandidates(workflow, which)) {
    const field = workflow.fields[id];
    const value = data[id];
    // A personal field never becomes the title: titles are shown unmasked in lists.
    if (field && field.pii !== true && typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

/**
 * The list columns of a case from its snapshot: title and description from `data.title` and
 * `data.description` (else the first text and long-text fields), words for full-text search,
 * the SLA due time and whether the case is overdue.
 * @example
 * const columns = caseColumns(snapshot, engine.workflow(snapshot.workflow));
 */
export function caseColumns(snapshot: CaseSnapshot, workflow: Workflow): SnapshotColumns {
  const columns = columnsWithoutSearch(snapshot, workflow);
  return { ...columns, search_words: searchWords(columns.title, columns.description) };
}

function searchWords(title: string, description: string) {
  return sql<string>`to_tsvector('simple', ${searchText(title, description)})`;
}

function columnsWithoutSearch(snapshot: CaseSnapshot, workflow: Workflow): Omit<SnapshotColumns, 'search_words'> & { title: string; description: string } {
  const title = firstText(workflow, snapshot.data, 'title') ?? workflow.title.zh;
  const description = firstText(workflow, snapshot.data, 'description') ?? '';
  const overdue = snapshot.status === 'open' && (snapshot.clock?.breachedAt !== undefined || snapshot.referrals.some((r) => r.status === 'awaiting' && r.overdue));
  return {
    state: snapshot.state,
    status: snapshot.status,
    warning: snapshot.warning,
    assignee_id: snapshot.assignee,
    title,
    description,
    data: JSON.stringify(snapshot.data),
    snapshot: JSON.stringify(snapshot),
    due_at: snapshot.status === 'open' ? (snapshot.clock?.dueAt ?? null) : null,
    overdue,
  };
}

/**
 * Starts a select of the cases in the caller's subtree: the only way this resource reads cases.
 * @example
 * await scopedCases(db, caller).selectAll().where('case_id', '=', id).executeTakeFirst();
 */
export function scopedCases(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>) {
  return db.selectFrom('cases').where('cases.tenant_id', 'in', subtreeTenantIds(db, caller));
}

/**
 * Reads a case in the caller's subtree (steps then write it guarded by the version read: see writeStep).
 * @example
 * const row = await findCase(db, caller, id);
 */
export async function findCase(db: Kysely<Database>, caller: Pick<Caller, 'tenantPath'>, id: string): Promise<CaseRow | undefined> {
  const compiled = findCaseQuery(db, caller.tenantPath);
  const parameters = compiled.parameters.map((value, index) => (index === compiled.idIndex ? id : value));
  const { rows } = await db.executeQuery(CompiledQuery.raw(compiled.sql, parameters) as CompiledQuery<CaseRow>);
  return rows[0];
}

// Every event reads its case: Kysely would build and compile the same statement each time (tens
// of microseconds), so it is compiled once per database and union, still through scopedCases, and
// only the case id changes. The id's parameter is found by a marker no id can be (ids are 1-200
// printable characters without NUL, see idSchema).
const ID_MARKER = '\u0000case-id';
const MAX_COMPILED_SCOPES = 1000;
const findCaseQueries = new WeakMap<Kysely<Database>, Map<string, { sql: string; parameters: readonly unknown[]; idIndex: number }>>();

function findCaseQuery(db: Kysely<Database>, tenantPath: string): { sql: string; parameters: readonly unknown[]; idIndex: number } {
  let byPath = findCaseQueries.get(db);
  if (!byPath) {
    byPath = new Map();
    findCaseQueries.set(db, byPath);
  }
  const known = byPath.get(tenantPath);
  if (known) return known;
  const { sql: text, parameters } = scopedCases(db, { tenantPath }).select(CASE_COLUMNS).where('cases.case_id', '=', ID_MARKER).compile();
  const idIndex = parameters.indexOf(ID_MARKER);
  if (idIndex < 0 || parameters.indexOf(ID_MARKER, idIndex + 1) >= 0) throw new Error(`findCase: the compiled query has ${idIndex < 0 ? 'no' : 'more than one'} case id parameter: ${text}`);
  // Unions are few; the bound only keeps a runaway number of them from growing the map forever.
  if (byPath.size >= MAX_COMPILED_SCOPES) byPath.clear();
  const compiled = { sql: text, parameters, idIndex };
  byPath.set(tenantPath, compiled);
  return compiled;
}

/**
 * Reads a case by its keys without a caller's scope: for steps taken for someone who is not a
 * signed-in user (the worker with a tracking code, an agency with its link, a timer), whose
 * right to the case was established otherwise.
 * @example
 * const row = await findCaseById(trx, 'chalu', caseId);
 */
export async function findCaseById(db: Kysely<Database>, tenantId: string, caseId: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').select(CASE_COLUMNS).where('tenant_id', '=', tenantId).where('case_id', '=', caseId).executeTakeFirst();
}

/**
 * Reads and locks the cases of the given keys for the transaction, skipping any row another
 * transaction holds (`FOR UPDATE SKIP LOCKED`): a worker takes the cases it can have now and
 * leaves the others for a later round instead of waiting on them. Keys of missing cases and of
 * skipped ones are simply absent from the answer.
 * @example
 * const rows = await lockCasesByIds(trx, [{ tenantId: 'chalu', caseId }]);
 */
export async function lockCasesByIds(db: Kysely<Database>, keys: ReadonlyArray<{ tenantId: string; caseId: string }>): Promise<CaseRow[]> {
  if (keys.length === 0) return [];
  const tenants = keys.map((key) => key.tenantId);
  const ids = keys.map((key) => key.caseId);
  return db
    .selectFrom('cases')
    .select(CASE_COLUMNS)
    .where(sql<boolean>`(tenant_id, case_id) in (select * from unnest(${tenants}::text[], ${ids}::text[]))`)
    .forUpdate()
    .skipLocked()
    .execute();
}

/**
 * Writes a new case row.
 * @example
 * await insertCase(trx, { ...caseColumns(snapshot, workflow), case_id, tenant_id, ... });
 */
export async function insertCase(db: Kysely<Database>, row: Omit<Insertable<CasesTable>, 'search_words'> & SnapshotColumns): Promise<CaseListRow> {
  return db.insertInto('cases').values(row).returning(CASE_LIST_COLUMNS).executeTakeFirstOrThrow();
}

/**
 * Appends one entry to the case's append-only log.
 * @example
 * await appendEvent(trx, { tenant_id, case_id, seq: 2, type: 'accept', ... });
 */
export async function appendEvent(db: Kysely<Database>, event: Insertable<CaseEventsTable>): Promise<void> {
  await db.insertInto('case_events').values(event).execute();
}

/**
 * A case row as JSON; with its snapshot, the show view's summary too (warning causes, the SLA
 * clock, referrals, handlers). Personal fields are masked by the caller of this function.
 * @example
 * const dto = toCaseDto(row, { stateTitle: { zh: '受理', en: 'Intake' }, snapshot: row.snapshot as CaseSnapshot, now });
 */
export function toCaseDto(row: CaseListRow, options: { stateTitle: { zh: string; en: string } | null; snapshot?: CaseSnapshot; now: Date }): CaseDto {
  const dto: CaseDto = {
    id: row.case_id,
    reference: row.reference,
    tenantId: row.tenant_id,
    workflow: { key: row.workflow_key, version: row.workflow_version, tenantId: row.workflow_tenant_id },
    state: row.state,
    stateTitle: options.stateTitle,
    status: row.status,
    warning: row.warning,
    assigneeId: row.assignee_id,
    channel: row.channel,
    enterpriseId: row.enterprise_id,
    title: row.title,
    description: row.description,
    data: row.data,
    version: row.version,
    dueAt: isoOrNull(row.due_at),
    overdue: row.overdue || (row.status === 'open' && row.due_at !== null && new Date(row.due_at).getTime() < options.now.getTime()),
    openedBy: row.opened_by,
    openedAt: iso(row.opened_at),
    updatedAt: iso(row.updated_at),
    closedAt: isoOrNull(row.closed_at),
  };
  const snapshot = options.snapshot;
  if (!snapshot) return dto;
  const clock = snapshot.clock;
  // Added to the fresh DTO rather than spread into a copy of it: see presentCase.
  dto.warningCauses = snapshot.warningCauses;
  dto.clock = clock ? { state: clock.state, enteredAt: clock.enteredAt, dueAt: clock.dueAt, paused: clock.pauses.some((p) => p.to === null), breachedAt: clock.breachedAt ?? null } : null;
  dto.referrals = snapshot.referrals.map((r) => ({ ...r }));
  dto.handlers = snapshot.handlers;
  return dto;
}

/**
 * The case's log in order, data as stored (unmasked).
 * @example
 * const entries = await readTimeline(db, row);
 */
export async function readTimeline(db: Kysely<Database>, row: Pick<CaseRow, 'tenant_id' | 'case_id'>): Promise<TimelineEntry[]> {
  const events = await db
    .selectFrom('case_events')
    .select(['seq', 'type', 'actor_id', 'actor_roles', 'state_from', 'state_to', 'warning', 'data', 'created_at'])
    .where('tenant_id', '=', row.tenant_id)
    .where('case_id', '=', row.case_id)
    .orderBy('seq')
    .execute();
  return events.map((e) => ({
    seq: e.seq,
    type: e.type,
    actor: { id: e.actor_id, roles: e.actor_roles },
    stateFrom: e.state_from,
    stateTo: e.state_to,
    warning: e.warning,
    data: (e.data ?? {}) as Record<string, unknown>,
    createdAt: iso(e.created_at),
  }));
}
