import { isEngineError, type CaseSnapshot } from '@shuoshi/engine';
import type { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { createCaseWriteService, findCaseById, type CaseRow } from '../cases/index.js';
import { HttpError } from '../http/http-error.js';
import { ensureWorkflowRegistered } from '../workflows/register-published-workflows.js';
import { presentMatter } from './present-matter.js';
import { findCaseByTrackingHash } from './public-repository.js';
import type { PublicMatter, ratingBodySchema } from './schemas.js';
import { hashTrackingCode, normaliseTrackingCode, workerActor } from './tracking-code.js';

// One answer for a code that cannot be one and a code that matches nothing: no oracle.
function unknownCode(): HttpError {
  return new HttpError(404, 'NOT_FOUND', '没有与此查询码对应的事项，请核对查询码。 No matter has this tracking code; check the code you were given (12 letters and digits, e.g. 7KQ2-9XMD-4TRV).');
}

function notAwaiting(row: CaseRow): HttpError {
  return new HttpError(409, 'NOT_AWAITING_RATING', `该事项当前不在回访评价阶段，暂不能评价。 The matter ${row.reference} is not awaiting a rating now (it is ${row.status === 'closed' ? 'closed' : 'still being handled'}); you can rate it once the union has replied to you.`, { reference: row.reference, status: row.status });
}

/**
 * The worker's side of a matter through the tracking code: the status, and the rating of the
 * independent follow-up (3-5 archives it, 1-2 with a comment reopens it), sent through the
 * engine as the anonymous `worker` actor so the engine's rules (roles, separation of duties) hold.
 * @example
 * const followUp = createPublicFollowUpService(deps);
 * await followUp.rate('7KQ2-9XMD-4TRV', { satisfaction: 5 });
 */
export function createPublicFollowUpService(deps: AppDeps) {
  const { db, engine } = deps;
  const writes = createCaseWriteService(deps);

  async function caseOf(code: string): Promise<{ row: CaseRow; hash: string }> {
    const normalised = normaliseTrackingCode(code);
    if (normalised === undefined) throw unknownCode();
    const hash = hashTrackingCode(normalised);
    const row = await findCaseByTrackingHash(db, hash);
    if (!row) throw unknownCode();
    return { row, hash };
  }

  async function awaits(row: CaseRow, hash: string, event: string): Promise<boolean> {
    if (row.status !== 'open') return false;
    const snapshot = row.snapshot as CaseSnapshot;
    if (!(await ensureWorkflowRegistered(db, engine, snapshot.workflow))) return false;
    return engine.availableEvents(snapshot, workerActor(hash)).some((available) => available.event === event);
  }

  return {
    /** GET /public/matters/:code: the matter as the worker may see it. */
    async show(code: string): Promise<PublicMatter> {
      const { row } = await caseOf(code);
      return presentMatter(db, engine, row);
    },

    /** POST /public/matters/:code/rating: the worker's rating; 409 when the matter is not awaiting one. */
    async rate(code: string, body: z.output<typeof ratingBodySchema>): Promise<PublicMatter> {
      const { row, hash } = await caseOf(code);
      const type = body.satisfaction >= 3 ? 'rate' : 'dissatisfied';
      if (!(await awaits(row, hash, type))) throw notAwaiting(row);
      const data = { satisfaction: body.satisfaction, ...(body.comment !== undefined && body.comment !== '' ? { follow_up_comment: body.comment } : {}) };
      try {
        await writes.sendEventAs({ tenantId: row.tenant_id, caseId: row.case_id }, workerActor(hash), { type, data });
      } catch (error) {
        // Someone else (a second tap, or staff recording the follow-up) may have got in first.
        const current = await findCaseById(db, row.tenant_id, row.case_id);
        if (isEngineError(error) && current && !(await awaits(current, hash, type))) throw notAwaiting(current);
        throw error;
      }
      const after = await findCaseById(db, row.tenant_id, row.case_id);
      if (!after) throw unknownCode();
      return presentMatter(db, engine, after);
    },
  };
}

/**
 * The public follow-up service.
 * @example
 * const followUp: PublicFollowUpService = createPublicFollowUpService(deps);
 */
export type PublicFollowUpService = ReturnType<typeof createPublicFollowUpService>;
