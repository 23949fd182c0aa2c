import type { Workflow } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import { findCaseById, openCase, visibleWorkflow } from '../cases/index.js';
import { requestHash } from '../cases/idempotency.js';
import type { Database } from '../db/database.js';
import { HttpError, notFound } from '../http/http-error.js';
import { ensureWorkflowRegistered } from '../workflows/register-published-workflows.js';
import { intakeData } from './intake-data.js';
import { intakeForm, type IntakeForm } from './intake-form.js';
import { claimIntakeKey, rememberIntakeCase } from './intake-keys.js';
import { presentMatter } from './present-matter.js';
import { findCaseByTrackingHash, findUnion, replaceTrackingHash } from './public-repository.js';
import type { FileMatterBody, PublicMatter } from './schemas.js';
import { generateTrackingCode, hashTrackingCode, normaliseTrackingCode, workerActor } from './tracking-code.js';

/** How long a retried filing may still get a new code for the matter its key filed. */
const REPLAY_WINDOW_MS = 24 * 60 * 60 * 1000;

const NOTICE = {
  zh: '请记下查询码：它只显示这一次，凭它查询办理进度并评价。我们不保存查询码本身，遗失后无法找回。',
  en: 'Write the tracking code down: it is shown only this once, and you need it to follow the matter and rate it. We keep no copy of it, so a lost code cannot be recovered.',
};

/**
 * The answer to a filing: the code (shown once), a notice saying so, the matter, and whether the
 * filing was a retry of an earlier one with the same Idempotency-Key.
 * @example
 * const { trackingCode, matter } = (await intake.file(body, undefined)).body;
 */
export interface FiledMatter {
  body: { trackingCode: string; notice: { zh: string; en: string }; matter: PublicMatter };
  replayed: boolean;
}

async function freshCode(db: Kysely<Database>): Promise<{ code: string; hash: string }> {
  // 60 random bits make a clash practically impossible; checking costs one indexed read.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = generateTrackingCode();
    const hash = hashTrackingCode(normaliseTrackingCode(code) ?? code);
    if (!(await findCaseByTrackingHash(db, hash))) return { code, hash };
  }
  throw new Error('Five fresh tracking codes in a row were taken; the random source is broken');
}

/**
 * Files workers' matters from the public page: picks the union's published workflow, checks the
 * form against it, opens the case as the anonymous `worker` actor with channel online or
 * mini_program, and stores only the hash of the tracking code it answers once.
 * @example
 * const intake = createPublicIntakeService(deps);
 * const filed = await intake.file(body, req.get('idempotency-key'));
 */
export function createPublicIntakeService(deps: AppDeps) {
  const { db, engine, clock } = deps;

  async function publicWorkflow(trx: Kysely<Database>, path: string, key: string, unionId: string): Promise<{ tenantId: string; workflow: Workflow; form: IntakeForm }> {
    const found = await visibleWorkflow(trx, path, key);
    const registered = found !== undefined && (await ensureWorkflowRegistered(trx, engine, { key, version: found.version }));
    const workflow = registered ? engine.workflow({ key, version: found.version }) : undefined;
    const form = workflow ? intakeForm(workflow) : undefined;
    if (!found || !workflow || !form) {
      throw new HttpError(422, 'NOT_A_PUBLIC_WORKFLOW', `Union ${JSON.stringify(unionId)} takes no matters of the workflow ${JSON.stringify(key)} from the public; use one the union lists in GET /api/public/unions (e.g. "union-grievance").`, { unionId, workflow: key });
    }
    return { tenantId: found.tenant_id, workflow, form };
  }

  return {
    /** POST /public/matters: files a matter; a retry with the same Idempotency-Key files nothing new. */
    async file(body: FileMatterBody, idempotencyKey: string | undefined): Promise<FiledMatter> {
      return db.transaction().execute(async (trx) => {
        const union = await findUnion(trx, body.unionId);
        if (!union) throw notFound('union', body.unionId);
        const chosen = await publicWorkflow(trx, union.path, body.workflow, body.unionId);
        if (body.anonymous && !chosen.form.anonymousAllowed) {
          throw new HttpError(422, 'NAME_REQUIRED', `The workflow ${JSON.stringify(body.workflow)} needs the worker's name and phone; send "anonymous": false with "name" and "phone".`, { workflow: body.workflow });
        }
        if (!body.anonymous && !chosen.form.namedAllowed) {
          throw new HttpError(422, 'ANONYMOUS_ONLY', `The workflow ${JSON.stringify(body.workflow)} has no fields for a name and phone; send "anonymous": true without them.`, { workflow: body.workflow });
        }
        const data = intakeData(body, chosen.form, chosen.workflow);
        const now = clock.now();
        const { code, hash } = await freshCode(trx);
        if (idempotencyKey !== undefined) {
          const claim = await claimIntakeKey(trx, union.tenant_id, idempotencyKey, requestHash('POST /public/matters', union.tenant_id, body), now);
          if (claim.kind === 'replay') {
            if (now.getTime() - claim.claimedAt.getTime() > REPLAY_WINDOW_MS) {
              throw new HttpError(422, 'IDEMPOTENCY_KEY_EXPIRED', 'The Idempotency-Key filed a matter more than 24 hours ago; send a new key to file a new matter.');
            }
            // Only the code's hash is stored, so the first answer cannot be repeated: the retry
            // gets a new code for the same matter and the earlier one stops working.
            await replaceTrackingHash(trx, claim.target, hash);
            const row = await findCaseById(trx, claim.target.tenantId, claim.target.caseId);
            if (!row) throw new Error(`The matter ${claim.target.caseId} filed with this Idempotency-Key is gone`);
            return { body: { trackingCode: code, notice: NOTICE, matter: await presentMatter(trx, engine, row) }, replayed: true };
          }
        }
        const { row, snapshot } = await openCase(trx, deps, {
          tenant: { tenantId: union.tenant_id, path: union.path },
          workflow: { tenantId: chosen.tenantId, key: chosen.workflow.key, version: chosen.workflow.version },
          data,
          channel: body.channel,
          actor: workerActor(hash),
          enterpriseId: null,
          trackingHash: hash,
          openedBy: null,
        });
        if (idempotencyKey !== undefined) await rememberIntakeCase(trx, union.tenant_id, idempotencyKey, { tenantId: row.tenant_id, caseId: row.case_id });
        return { body: { trackingCode: code, notice: NOTICE, matter: await presentMatter(trx, engine, { ...row, snapshot }) }, replayed: false };
      });
    },
  };
}

/**
 * The public intake service.
 * @example
 * const intake: PublicIntakeService = createPublicIntakeService(deps);
 */
export type PublicIntakeService = ReturnType<typeof createPublicIntakeService>;
