import type { Actor, CaseSnapshot, StepResult } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { HttpError, notFound } from '../http/http-error.js';
import { claimIdempotencyKey, findStoredResponse, rememberResponse, requestHash } from './idempotency.js';
import { enterpriseVisible, tenantInScope, userVisible, visibleWorkflow, visibleWorkflowKeys } from './lookups.js';
import { OPEN_EVENT, openCase } from './open-case.js';
import { presentCase } from './present-case.js';
import { committedCaseCache } from './case-row-cache.js';
import { findCase, findCaseById, type CaseRow } from './repository.js';
import { stepCaseRow, versionConflict, type StepRequest, type StepResponse } from './step-case.js';
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
 * The host's own entries in a case's log (workflow events are lower snake case, so they cannot clash).
 * @example
 * entries.filter((entry) => entry.type !== HOST_EVENTS.open);
 */
export const HOST_EVENTS = { open: OPEN_EVENT, assign: '$assign', timer: '$timer' } as const;

function actorOf(caller: Caller): Actor {
  return { id: caller.userId, roles: caller.roles, name: caller.displayName };
}

/** How often a step is tried in all when writes that leave its version applicable get in first. */
const STEP_ATTEMPTS = 5;

/**
 * Opens cases and steps them. Opening is one transaction. A step reads the case (or takes it from
 * the case row cache when the cache holds the version sent), checks the version the client sent,
 * steps the engine, then writes everything in one statement guarded by that version and the row's
 * xmin — the case row (locked by the update), the log entry, timers, outbox rows and the answer of
 * an Idempotency-Key (see writeStep) — so exactly one step per version commits.
 * @example
 * const service = createCaseWriteService(deps);
 * await service.sendEvent(caller, id, { type: 'accept', version: 1 }, undefined);
 */
export function createCaseWriteService(deps: AppDeps) {
  const { db, engine, clock } = deps;
  const cache = committedCaseCache(deps);

  async function withKey<T>(trx: Kysely<Database>, caller: Caller, key: string | undefined, hash: () => string, status: number, run: () => Promise<T>): Promise<WriteResult<T>> {
    if (key !== undefined) {
      const claim = await claimIdempotencyKey(trx, caller, key, hash());
      if (claim.kind === 'replay') return { status: claim.statusCode, body: claim.body as T, replayed: true };
    }
    const body = await run();
    if (key !== undefined) await rememberResponse(trx, caller, key, status, body);
    return { status, body, replayed: false };
  }

  // Kept for the next event on the case (see CaseRowCache).
  async function readCase(caller: Caller, id: string): Promise<CaseRow | undefined> {
    const row = await findCase(db, caller, id);
    if (row) cache?.remember(row, caller.tenantPath);
    return row;
  }

  async function step(caller: Caller, id: string, version: number, key: string | undefined, hash: () => string, entry: { type: string; data: Record<string, unknown> }, run: (snapshot: CaseSnapshot, actor: Actor) => Promise<StepResult>): Promise<WriteResult<StepResponse>> {
    const requestHashValue = key === undefined ? undefined : hash();
    const replay = async (): Promise<WriteResult<StepResponse> | undefined> => {
      if (key === undefined || requestHashValue === undefined) return undefined;
      const stored = await findStoredResponse(db, caller, key, requestHashValue);
      return stored ? { status: stored.statusCode, body: stored.body as StepResponse, replayed: true } : undefined;
    };
    const first = await replay();
    if (first) return first;
    const request: StepRequest = {
      actor: actorOf(caller),
      entry,
      run,
      ...(key !== undefined && requestHashValue !== undefined ? { idempotency: { tenantId: caller.tenantId, userId: caller.userId, key, requestHash: requestHashValue } } : {}),
    };
    // The case as this process last saw it, when that is the version the client sent; the write checks it is still so.
    const cached = cache?.visible(id, caller.tenantPath);
    let row = cached?.version === version ? cached : await readCase(caller, id);
    for (let attempt = 1; ; attempt += 1) {
      if (!row) throw notFound('case', id);
      if (row.version !== version) {
        // The same request sent twice may have committed between the look-up above and this read.
        const raced = await replay();
        if (raced) return raced;
        throw versionConflict(row, version);
      }
      const outcome = await stepCaseRow(deps, db, row, request);
      if (outcome.kind === 'stepped') {
        cache?.remember(outcome.row, caller.tenantPath);
        return { status: 200, body: outcome.response, replayed: false };
      }
      cache?.forget(id);
      // Lost the row: to the same request sent twice (answer as the first did), or to another write.
      const raced = await replay();
      if (raced) return raced;
      const current = await readCase(caller, id);
      // A write that left the version alone (a cached row gone stale, the metric facts folded in):
      // the step still applies to the version sent, so it runs again on the row as it is now.
      if (current?.version === version && attempt < STEP_ATTEMPTS) {
        row = current;
        continue;
      }
      throw versionConflict(current ?? row, version);
    }
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
          if (body.enterpriseId !== undefined && !(await enterpriseVisible(trx, caller, tenant.path, body.enterpriseId))) throw notFound('enterprise', body.enterpriseId);
          const { row, snapshot } = await openCase(trx, deps, {
            tenant: { tenantId, path: tenant.path },
            workflow: { tenantId: found.tenant_id, key: body.workflow.key, version: found.version },
            data: body.data,
            channel: body.channel,
            actor: actorOf(caller),
            enterpriseId: body.enterpriseId ?? null,
            trackingHash: null,
            openedBy: caller.userId,
          });
          const now = clock.now();
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
      return step(caller, id, body.version, key, () => requestHash('POST /cases/:id/assign', id, body), entry, async (snapshot, actor) => {
        if (body.assigneeId !== null && !(await userVisible(db, caller, body.assigneeId))) throw notFound('user', body.assigneeId);
        return engine.assign(snapshot, body.assigneeId, actor);
      });
    },

    /**
     * Steps a case for someone who is not a signed-in user — the worker with a tracking code,
     * an agency with its signed link, the system — whose right to the case the caller of this
     * function has checked. Without `version` the step applies to the case as it is, tried again
     * (up to 5 times) when another write gets in first; with it, a moved case is a 409.
     */
    async sendEventAs(target: { tenantId: string; caseId: string }, actor: Actor, event: { type: string; data?: Record<string, unknown> }, options: { version?: number } = {}): Promise<StepResponse> {
      const request: StepRequest = {
        actor,
        entry: { type: event.type, data: event.data ?? {} },
        run: (snapshot, who) => engine.apply(snapshot, { type: event.type, ...(event.data ? { data: event.data } : {}) }, who),
      };
      const cached = cache?.byKeys(target.tenantId, target.caseId);
      let row = cached && (options.version === undefined || cached.version === options.version) ? cached : await findCaseById(db, target.tenantId, target.caseId);
      for (let attempt = 1; ; attempt += 1) {
        if (!row) throw notFound('case', target.caseId);
        if (options.version !== undefined && row.version !== options.version) throw versionConflict(row, options.version);
        const outcome = await stepCaseRow(deps, db, row, request);
        if (outcome.kind === 'stepped') {
          cache?.remember(outcome.row);
          return outcome.response;
        }
        if (outcome.kind === 'unchanged') throw new Error(`engine.apply returned no step for "${event.type}"`);
        cache?.forget(target.caseId);
        const current = await findCaseById(db, target.tenantId, target.caseId);
        if (attempt >= STEP_ATTEMPTS) throw versionConflict(current ?? row, options.version ?? row.version);
        // With a version, the check above lets only a write that left the version alone be tried again.
        row = current;
      }
    },
  };
}

/**
 * The case write service.
 * @example
 * const writes: CaseWriteService = createCaseWriteService(deps);
 */
export type CaseWriteService = ReturnType<typeof createCaseWriteService>;
