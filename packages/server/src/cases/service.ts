import { randomUUID } from 'node:crypto';
import type { Actor, CaseSnapshot, StepResult, Workflow } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { HttpError, notFound } from '../http/http-error.js';
import { formatReference, nextReferenceNumber, referencePrefix, referenceYear } from './case-reference.js';
import { writeEffects } from './effects-repository.js';
import { claimIdempotencyKey, rememberResponse, requestHash } from './idempotency.js';
import { enterpriseVisible, highestReference, pathIds, tenantInScope, userVisible, visibleWorkflow, visibleWorkflowKeys } from './lookups.js';
import { ensureWorkflowRegistered } from '../workflows/register-published-workflows.js';
import { presentCase } from './present-case.js';
import { appendEvent, caseColumns, findCase, insertCase, stepColumns, updateCase, type CaseRow } from './repository.js';
import type { z } from 'zod';
import type { assignBodySchema, CaseDto, createCaseBodySchema, eventBodySchema } from './schemas.js';

/**
 * A write's answer: the JSON body, its status, and whether it is the stored answer to an
 * earlier request with the same Idempotency-Key.
 * @example
 * if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
 */
export interface WriteResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

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
 * The host's own entries in a case's log (workflow events are lower snake case, so they cannot clash).
 * @example
 * entries.filter((entry) => entry.type !== HOST_EVENTS.open);
 */
export const HOST_EVENTS = { open: '$open', assign: '$assign' } as const;

function actorOf(caller: Caller): Actor {
  return { id: caller.userId, roles: caller.roles, name: caller.displayName };
}

/**
 * Opens cases and steps them, one transaction per request: lock the case row, check the
 * version, step the engine, update the row, append to the log, write timers and outbox rows,
 * remember the response of an Idempotency-Key.
 * @example
 * const service = createCaseWriteService(deps);
 * await service.sendEvent(caller, id, { type: 'accept', version: 1 }, undefined);
 */
export function createCaseWriteService(deps: AppDeps) {
  const { db, engine, clock } = deps;

  async function withKey<T>(trx: Kysely<Database>, caller: Caller, key: string | undefined, hash: () => string, status: number, run: () => Promise<T>): Promise<WriteResult<T>> {
    if (key !== undefined) {
      const claim = await claimIdempotencyKey(trx, caller, key, hash());
      if (claim.kind === 'replay') return { status: claim.statusCode, body: claim.body as T, replayed: true };
    }
    const body = await run();
    if (key !== undefined) await rememberResponse(trx, caller, key, status, body);
    return { status, body, replayed: false };
  }

  async function step(caller: Caller, id: string, version: number, key: string | undefined, hash: () => string, entry: { type: string; data: Record<string, unknown> }, run: (snapshot: CaseSnapshot, actor: Actor, trx: Kysely<Database>) => Promise<StepResult>): Promise<WriteResult<StepResponse>> {
    return db.transaction().execute((trx) =>
      withKey(trx, caller, key, hash, 200, async () => {
        const row = await findCase(trx, caller, id, { lock: true });
        if (!row) throw notFound('case', id);
        if (row.version !== version) {
          throw new HttpError(409, 'VERSION_CONFLICT', `Case ${row.reference} is at version ${row.version}, not ${version}: someone changed it since you read it. Read it again (GET /api/cases/${id}) and resend with "version": ${row.version} if the event still applies.`, { currentVersion: row.version, sentVersion: version });
        }
        const snapshot = row.snapshot as CaseSnapshot;
        // Another process may have published the case's version since this one started.
        await ensureWorkflowRegistered(trx, engine, snapshot.workflow);
        const actor = actorOf(caller);
        const result = await run(snapshot, actor, trx);
        const workflow = engine.workflow(result.snapshot.workflow);
        return commitStep(trx, row, workflow, result, { ...entry, actor });
      }),
    );
  }

  async function commitStep(trx: Kysely<Database>, row: CaseRow, workflow: Workflow, result: StepResult, entry: { type: string; data: Record<string, unknown>; actor: Actor }): Promise<StepResponse> {
    const now = clock.now();
    const next = result.snapshot;
    const updated = await updateCase(trx, row, {
      ...stepColumns(next, workflow, row),
      version: row.version + 1,
      updated_at: now,
      closed_at: next.status === 'closed' ? (row.closed_at ?? now) : null,
    });
    await appendEvent(trx, {
      tenant_id: row.tenant_id,
      case_id: row.case_id,
      seq: row.version + 1,
      type: entry.type,
      actor_id: entry.actor.id,
      actor_roles: [...entry.actor.roles],
      data: JSON.stringify(entry.data),
      effects: JSON.stringify(result.effects),
      state_from: row.state,
      state_to: next.state,
      warning: next.warning,
      created_at: now,
    });
    await writeEffects(trx, { tenantId: row.tenant_id, caseId: row.case_id, reference: row.reference, workflow: next.workflow }, result.effects, now);
    return { case: presentCase(updated, engine, { reveal: false, now, snapshot: next }), effects: result.effects };
  }

  return {
    /** POST /cases: opens a case of a published workflow visible to the owning union. */
    async create(caller: Caller, body: z.output<typeof createCaseBodySchema>, key: string | undefined): Promise<WriteResult<CaseDto>> {
      return db.transaction().execute((trx) =>
        withKey(trx, caller, key, () => requestHash('POST /cases', '', body), 201, async () => {
          const tenantId = body.tenantId ?? caller.tenantId;
          const tenant = await tenantInScope(trx, caller, tenantId);
          if (!tenant) throw notFound('union', tenantId);
          const found = await visibleWorkflow(trx, tenant.path, body.workflow.key, body.workflow.version);
          if (!found) {
            const keys = await visibleWorkflowKeys(trx, tenant.path);
            const asked = `"${body.workflow.key}"${body.workflow.version ? ` v${body.workflow.version}` : ''}`;
            throw new HttpError(422, 'UNKNOWN_WORKFLOW', `Workflow ${asked} is not published for union "${tenantId}" or a union above it; use one of: ${keys.join(', ') || 'none'} (GET /api/workflows lists the versions).`, { key: body.workflow.key, version: body.workflow.version, available: keys });
          }
          const ref = { key: body.workflow.key, version: found.version };
          await ensureWorkflowRegistered(trx, engine, ref);
          const workflow = engine.workflow(ref);
          if (body.enterpriseId !== undefined && !(await enterpriseVisible(trx, caller, tenant.path, body.enterpriseId))) throw notFound('enterprise', body.enterpriseId);
          const actor = actorOf(caller);
          const { snapshot, effects } = engine.start(ref, { data: body.data, actor, channel: body.channel });
          const now = clock.now();
          const root = pathIds(tenant.path)[0] ?? tenantId;
          const [letters, year] = [referencePrefix(root), referenceYear(now)];
          const reference = formatReference(letters, year, nextReferenceNumber(await highestReference(trx, root, `${letters}-${year}-`)));
          const caseId = randomUUID();
          const row = await insertCase(trx, {
            ...caseColumns(snapshot, workflow),
            tenant_id: tenantId,
            case_id: caseId,
            reference,
            workflow_tenant_id: found.tenant_id,
            workflow_key: ref.key,
            workflow_version: ref.version,
            channel: body.channel,
            enterprise_id: body.enterpriseId ?? null,
            version: 1,
            tracking_hash: null,
            opened_by: caller.userId,
            opened_at: now,
            updated_at: now,
            closed_at: snapshot.status === 'closed' ? now : null,
          });
          await appendEvent(trx, {
            tenant_id: tenantId,
            case_id: caseId,
            seq: 1,
            type: HOST_EVENTS.open,
            actor_id: actor.id,
            actor_roles: [...actor.roles],
            data: JSON.stringify(body.data),
            effects: JSON.stringify(effects),
            state_from: null,
            state_to: snapshot.state,
            warning: snapshot.warning,
            created_at: now,
          });
          await writeEffects(trx, { tenantId, caseId, reference, workflow: ref }, effects, now);
          return presentCase(row, engine, { reveal: false, now, snapshot });
        }),
      );
    },

    /** POST /cases/:id/events: one step of the workflow. */
    async sendEvent(caller: Caller, id: string, body: z.output<typeof eventBodySchema>, key: string | undefined): Promise<WriteResult<StepResponse>> {
      const entry = { type: body.type, data: body.data ?? {} };
      return step(caller, id, body.version, key, () => requestHash('POST /cases/:id/events', id, body), entry, async (snapshot, actor) =>
        engine.apply(snapshot, { type: body.type, ...(body.data ? { data: body.data } : {}) }, actor),
      );
    },

    /** POST /cases/:id/assign: sets or clears the assignee. */
    async assign(caller: Caller, id: string, body: z.output<typeof assignBodySchema>, key: string | undefined): Promise<WriteResult<StepResponse>> {
      const entry = { type: HOST_EVENTS.assign, data: { assigneeId: body.assigneeId } };
      return step(caller, id, body.version, key, () => requestHash('POST /cases/:id/assign', id, body), entry, async (snapshot, actor, trx) => {
        if (body.assigneeId !== null && !(await userVisible(trx, caller, body.assigneeId))) throw notFound('user', body.assigneeId);
        return engine.assign(snapshot, body.assigneeId, actor);
      });
    },
  };
}

/**
 * The case write service.
 * @example
 * const writes: CaseWriteService = createCaseWriteService(deps);
 */
export type CaseWriteService = ReturnType<typeof createCaseWriteService>;
