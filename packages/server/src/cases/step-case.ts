import type { Actor, CaseSnapshot, StepResult } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import type { Database } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { caseDims, rollupStep, type CaseFacts } from '../rollups/index.js';
import { ensureWorkflowRegistered } from '../workflows/register-published-workflows.js';
import { presentCase } from './present-case.js';
import { stepColumns, type CaseRow, type StepColumns } from './repository.js';
import type { CaseDto } from './schemas.js';
import { writeStep } from './write-step.js';

/**
 * The answer to an event or an assignment: the case after it and the step's effects.
 * @example
 * const { case: updated, effects } = (await service.sendEvent(caller, id, body, undefined)).body;
 */
export interface StepResponse {
  case: CaseDto;
  effects: unknown[];
}

/**
 * One step to take on a case row: who takes it, what the log records, how the engine steps
 * (resolving null when there is nothing to write, e.g. a timer that no longer applies), and the
 * Idempotency-Key whose answer is stored with the step.
 * @example
 * const request: StepRequest = { actor, entry: { type: 'accept', data: {} }, run: (s, a) => engine.apply(s, { type: 'accept' }, a) };
 */
export interface StepRequest {
  actor: Actor;
  entry: { type: string; data: Record<string, unknown> };
  run: (snapshot: CaseSnapshot, actor: Actor) => StepResult | null | Promise<StepResult | null>;
  idempotency?: { tenantId: string; userId: string; key: string; requestHash: string };
}

/**
 * What came of a step: written (with the answer and the case row as written), nothing to write,
 * or lost to a write that reached the row first (read it again and decide).
 * @example
 * if (outcome.kind === 'conflict') row = await findCaseById(db, row.tenant_id, row.case_id);
 */
export type StepOutcome = { kind: 'stepped'; response: StepResponse; row: CaseRow } | { kind: 'unchanged' } | { kind: 'conflict' };

// Spelled out rather than `{ ...row, ... }`: V8 (Node 20) copies an object of this many
// properties by spread about 20 times slower than it builds a literal, and this runs on every step.
function steppedRow(row: CaseRow, columns: StepColumns, next: CaseSnapshot, facts: CaseFacts | null, now: Date, closedAt: Date | null): CaseRow {
  return {
    tenant_id: row.tenant_id,
    case_id: row.case_id,
    reference: row.reference,
    workflow_tenant_id: row.workflow_tenant_id,
    workflow_key: row.workflow_key,
    workflow_version: row.workflow_version,
    state: columns.state,
    status: columns.status,
    warning: columns.warning,
    assignee_id: columns.assignee_id ?? null,
    channel: row.channel,
    enterprise_id: row.enterprise_id,
    title: columns.title,
    description: columns.description,
    data: next.data,
    version: row.version + 1,
    due_at: columns.due_at == null ? null : new Date(columns.due_at),
    overdue: columns.overdue ?? false,
    tracking_hash: row.tracking_hash,
    opened_by: row.opened_by,
    opened_at: row.opened_at,
    updated_at: now,
    closed_at: closedAt,
    snapshot: next,
    metric_facts: facts,
    // Set to the written row's xmin once the write has succeeded.
    row_xmin: '',
  };
}

/**
 * Steps a case row read at some version and writes the result guarded by that version (one
 * statement: see writeStep). Engine refusals are thrown as they are (the error middleware makes
 * them 422).
 * @example
 * const outcome = await stepCaseRow(deps, db, row, request);
 */
export async function stepCaseRow(deps: Pick<AppDeps, 'engine' | 'clock'>, db: Kysely<Database>, row: CaseRow, request: StepRequest): Promise<StepOutcome> {
  const { engine, clock } = deps;
  const snapshot = row.snapshot as CaseSnapshot;
  // Another process may have published the case's workflow version since this one started.
  await ensureWorkflowRegistered(db, engine, snapshot.workflow);
  const result = await request.run(snapshot, request.actor);
  if (!result) return { kind: 'unchanged' };
  const next = result.snapshot;
  const workflow = engine.workflow(next.workflow);
  const now = clock.now();
  const columns = stepColumns(next, workflow, row);
  const closedAt = next.status === 'closed' ? (row.closed_at ?? now) : null;
  const entry = { ...request.entry, actorId: request.actor.id, actorRoles: request.actor.roles, stateFrom: row.state, stateTo: next.state, warning: next.warning };
  const logged = { ...entry, seq: row.version + 1, effects: result.effects, createdAt: now };
  const rollup = rollupStep(row.metric_facts, logged, caseDims({ tenant_id: row.tenant_id, ancestors: row.metric_facts?.ancestors ?? [], workflow_key: next.workflow.key, channel: row.channel, data: next.data }, workflow), workflow);
  const stepped = steppedRow(row, columns, next, rollup.facts, now, closedAt);
  const response: StepResponse = { case: presentCase(stepped, engine, { reveal: false, now, snapshot: next }), effects: result.effects };
  const written = await writeStep(db, {
    target: { tenantId: row.tenant_id, caseId: row.case_id, reference: row.reference, workflow: next.workflow },
    readVersion: row.version,
    readXmin: row.row_xmin,
    columns,
    closedAt,
    now,
    entry,
    effects: result.effects,
    rollup,
    ...(request.idempotency ? { idempotency: { ...request.idempotency, statusCode: 200, body: response } } : {}),
  });
  if (written === undefined) return { kind: 'conflict' };
  stepped.row_xmin = written;
  return { kind: 'stepped', response, row: stepped };
}

/**
 * The 409 of a step sent for a version the case has moved past.
 * @example
 * throw versionConflict(row, 3);
 */
export function versionConflict(row: Pick<CaseRow, 'reference' | 'version' | 'case_id'>, sentVersion: number): HttpError {
  return new HttpError(
    409,
    'VERSION_CONFLICT',
    `Case ${row.reference} is at version ${row.version}, not ${sentVersion}: someone changed it since you read it. Read it again (GET /api/cases/${row.case_id}) and resend with "version": ${row.version} if the event still applies.`,
    { currentVersion: row.version, sentVersion },
  );
}
