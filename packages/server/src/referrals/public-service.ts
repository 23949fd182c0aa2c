import { randomUUID } from 'node:crypto';
import type { Actor, CaseSnapshot, ReferralRecord } from '@shuoshi/engine';
import type { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { insertAttachment } from '../cases/attachments-repository.js';
import { attachmentMaxBytes, attachmentTooLarge } from '../cases/attachments-service.js';
import { findCaseById, maskCaseData, stepCaseRow, workflowOf, type StepRequest } from '../cases/index.js';
import { HttpError } from '../http/http-error.js';
import { agencyNamesOf } from './agency-names-of.js';
import { answerField } from './answer-field.js';
import { readReferralLink } from './read-referral-link.js';
import { findReferralRow, type ReferralRow } from './repository.js';
import type { PublicReferral, publicAnswerSchema, replyBodySchema } from './schemas.js';

/** How often an answer is tried again after another step reached the case first. */
const STEP_ATTEMPTS = 5;

const STATUS_ZH: Readonly<Record<ReferralRecord['status'], string>> = { awaiting: '待答复', replied: '已答复', returned: '已退单', withdrawn: '已撤回' };

/**
 * The most bytes all files of one reply may hold together: twice the attachment limit.
 * @example
 * replyMaxBytes(deps); // 10485760 with the default 5 MiB attachment limit
 */
export function replyMaxBytes(deps: Pick<AppDeps, 'options'>): number {
  return 2 * attachmentMaxBytes(deps);
}

function invalidLink(): HttpError {
  return new HttpError(
    401,
    'INVALID_LINK',
    '链接无效或已过期，请向交办的工会索取新的链接。The link is not valid (altered, expired or not a referral link); ask the union that referred the matter for a new one.',
  );
}

function notAwaiting(reference: string, referral: ReferralRecord): HttpError {
  const when = referral.closedAt ? `（${referral.closedAt}）` : '';
  return new HttpError(
    409,
    'REFERRAL_NOT_AWAITING',
    `事项 ${reference} 的转办${STATUS_ZH[referral.status]}${when}，不能再通过此链接提交。The referral of matter ${reference} is already ${referral.status}${referral.closedAt ? ` (${referral.closedAt})` : ''}, so nothing more can be sent through this link; contact the union if something must change.`,
    { status: referral.status, closedAt: referral.closedAt ?? null },
  );
}

function decodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/**
 * What an agency does through its signed link, without an account: read the referral (no personal
 * fields), reply with text and files, or send it back (退单). Every call checks the token first
 * (401 INVALID_LINK when tampered, expired or for another purpose) and an answer checks that the
 * referral still awaits one (409 REFERRAL_NOT_AWAITING).
 * @example
 * const service = createPublicReferralsService(deps);
 * await service.reply(token, { text: '已开通227路夜班公交' });
 */
export function createPublicReferralsService(deps: AppDeps) {
  const { db, engine, clock } = deps;

  async function present(row: ReferralRow, linkExpiresAt: string): Promise<PublicReferral> {
    const ref = { key: row.workflow_key, version: row.workflow_version };
    const workflow = workflowOf(engine, ref);
    const [name] = await agencyNamesOf(db, engine, [{ agency: row.referral.agency, tenantPath: row.tenant_path, workflow: ref }]);
    const data = maskCaseData(row.data, workflow);
    const note = row.data['referral_note'];
    const spec = workflow?.states[row.referral.state]?.referral;
    return {
      reference: row.reference,
      title: row.title,
      description: row.description,
      note: typeof note === 'string' ? note : null,
      data,
      union: { zh: row.tenant_name_zh, en: row.tenant_name_en },
      agency: { code: row.referral.agency, name: name ?? { zh: row.referral.agency, en: row.referral.agency } },
      sentAt: row.referral.sentAt,
      replyDueAt: row.referral.replyDueAt,
      status: row.referral.status,
      overdue: row.overdue,
      closedAt: row.referral.closedAt ?? null,
      canReturn: row.referral.status === 'awaiting' && spec?.returnEvent !== undefined,
      linkExpiresAt,
      maxAttachmentBytes: attachmentMaxBytes(deps),
    };
  }

  async function claimsOf(token: string) {
    const claims = await readReferralLink(deps, token);
    if (!claims) throw invalidLink();
    return claims;
  }

  async function linked(claims: Awaited<ReturnType<typeof claimsOf>>): Promise<ReferralRow> {
    const row = await findReferralRow(db, { tenantId: claims.tenantId }, claims.caseId, claims.referralId, clock.now());
    // A valid signature over a referral that is gone or awaits someone else is no link to it.
    if (!row || row.referral.agency !== claims.agency) throw invalidLink();
    return row;
  }

  async function answer(token: string, kind: 'reply' | 'return', text: string, files: z.output<typeof replyBodySchema>['attachments'] = []): Promise<z.output<typeof publicAnswerSchema>> {
    const claims = await claimsOf(token);
    const maxBytes = attachmentMaxBytes(deps);
    let total = 0;
    for (const file of files) {
      const size = decodedSize(file.contentBase64);
      if (size > maxBytes) throw attachmentTooLarge(size, maxBytes);
      total += size;
    }
    if (total > replyMaxBytes(deps)) {
      throw new HttpError(413, 'ATTACHMENT_TOO_LARGE', `The files of the reply hold ${total} bytes together, over the limit of ${replyMaxBytes(deps)} bytes; send fewer or smaller files.`, { size: total, maxBytes: replyMaxBytes(deps) });
    }
    for (let attempt = 1; attempt <= STEP_ATTEMPTS; attempt += 1) {
      // The step and the agency's files commit together: no reply without its files, no files without the reply.
      const stored = await db.transaction().execute(async (trx) => {
        const row = await findCaseById(trx, claims.tenantId, claims.caseId);
        const snapshot = row?.snapshot as CaseSnapshot | undefined;
        const referral = snapshot?.referrals.find((r) => r.id === claims.referralId);
        if (!row || !snapshot || !referral || referral.agency !== claims.agency) throw invalidLink();
        if (referral.status !== 'awaiting') throw notAwaiting(row.reference, referral);
        const workflow = engine.workflow(snapshot.workflow);
        const spec = workflow.states[referral.state]?.referral;
        const event = kind === 'reply' ? spec?.replyEvent : spec?.returnEvent;
        if (event === undefined) {
          throw new HttpError(422, 'RETURN_NOT_OFFERED', `事项 ${row.reference} 的流程不允许退单，请答复或联系工会。The workflow of matter ${row.reference} does not let the agency send the referral back; reply instead, or contact the union.`);
        }
        const field = answerField(workflow, referral.state, event, kind === 'reply' ? 'reply_summary' : 'return_reason');
        if (field === undefined) {
          throw new HttpError(422, 'NO_ANSWER_FIELD', `The workflow "${workflow.key}" v${workflow.version} has no text field for "${event}" (require one, e.g. reply_summary, on that transition); the ${kind} cannot be recorded.`, { event });
        }
        const actor: Actor = { id: `agency:${referral.agency}`, roles: ['agency'], agency: referral.agency };
        const data = { [field]: text };
        const request: StepRequest = { actor, entry: { type: event, data }, run: (current, who) => engine.apply(current, { type: event, data }, who) };
        const outcome = await stepCaseRow(deps, trx, row, request);
        if (outcome.kind !== 'stepped') return undefined;
        const now = clock.now();
        const attachments = [];
        for (const file of files) {
          const content = Buffer.from(file.contentBase64, 'base64');
          const saved = await insertAttachment(trx, { tenant_id: row.tenant_id, attachment_id: randomUUID(), case_id: row.case_id, filename: file.filename, content_type: file.contentType, size: content.length, content, uploaded_by: actor.id, created_at: now });
          attachments.push({ id: saved.id, filename: saved.filename, contentType: saved.contentType, size: saved.size });
        }
        return attachments;
      });
      if (stored !== undefined) return { referral: await present(await linked(claims), claims.expiresAt), attachments: stored };
    }
    throw new HttpError(409, 'CASE_BUSY', '事项正在被他人处理，请稍后重试。The matter was being changed by others while you sent this; nothing was recorded. Send it again in a moment.');
  }

  return {
    /** GET /public/referrals/:token: the referral as the agency may see it. */
    async view(token: string): Promise<PublicReferral> {
      const claims = await claimsOf(token);
      return present(await linked(claims), claims.expiresAt);
    },

    /** POST /public/referrals/:token/reply: stores the files and sends the reply event as the agency. */
    async reply(token: string, body: z.output<typeof replyBodySchema>): Promise<z.output<typeof publicAnswerSchema>> {
      return answer(token, 'reply', body.text, body.attachments ?? []);
    },

    /** POST /public/referrals/:token/return: sends the return event (退单) with the reason. */
    async returnReferral(token: string, reason: string): Promise<z.output<typeof publicAnswerSchema>> {
      return answer(token, 'return', reason);
    },
  };
}

/**
 * The public referrals service.
 * @example
 * const service: PublicReferralsService = createPublicReferralsService(deps);
 */
export type PublicReferralsService = ReturnType<typeof createPublicReferralsService>;
