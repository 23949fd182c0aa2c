import { z } from 'zod';
import { attachmentBodySchema, idSchema } from '../cases/schemas.js';
import { containsNul, MAX_LIST_ROWS, NUL_MESSAGE } from '../http/list-query.js';

const localized = z.object({ zh: z.string(), en: z.string() });

/**
 * The statuses of a referral (awaiting its reply, replied, sent back, withdrawn by the union).
 * @example
 * REFERRAL_STATUSES.includes('awaiting'); // true
 */
export const REFERRAL_STATUSES = ['awaiting', 'replied', 'returned', 'withdrawn'] as const;

/**
 * Zod schema of a referral as staff see it: one entry of a case's `referrals`, with the case's
 * reference and title, its union and the agency's names. `id` is `<caseId>/<referralId>`.
 * @example
 * referralSchema.parse(response.body[0]);
 */
export const referralSchema = z.object({
  id: z.string().describe('`<caseId>/<referralId>`: unique across cases (react-admin record id).'),
  caseId: z.string(),
  referralId: z.string().describe('The referral within its case, e.g. "escalation.3".'),
  reference: z.string().describe("The case's reference."),
  caseTitle: z.string(),
  caseState: z.string(),
  caseStatus: z.enum(['open', 'closed']),
  tenantId: z.string(),
  union: localized.describe("The case's union."),
  workflow: z.object({ key: z.string(), version: z.number() }),
  agency: z.object({ code: z.string(), name: localized }),
  state: z.string().describe('The state that sent the referral.'),
  sentAt: z.string(),
  replyDueAt: z.string().describe('The reply deadline, on the working-day calendar.'),
  status: z.enum(REFERRAL_STATUSES),
  overdue: z.boolean().describe('Marked overdue by its timer, or still awaiting a reply past the deadline.'),
  closedAt: z.string().nullable(),
});

/**
 * A referral as staff see it.
 * @example
 * const referral: ReferralDto = (await request(app).get('/api/referrals/c1/escalation.3')).body;
 */
export type ReferralDto = z.infer<typeof referralSchema>;

/**
 * Zod schema of one referral with its note and the agency's answer, when there is one.
 * @example
 * referralDetailSchema.parse(response.body);
 */
export const referralDetailSchema = referralSchema.extend({
  note: z.string().nullable().describe("The case's `referral_note`: what the agency is asked to do."),
  answer: z
    .object({ event: z.string(), text: z.string().nullable(), actorId: z.string(), at: z.string() })
    .nullable()
    .describe("The event that answered the referral (reply or return) with its text; null while awaiting or when withdrawn."),
});

/**
 * One referral with its note and answer.
 * @example
 * const detail: ReferralDetail = await service.show(caller, caseId, referralId);
 */
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).max(MAX_LIST_ROWS)]);
const booleanFilter = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/**
 * Zod schema of the referrals list's `filter` (strict: an unknown filter is a 400).
 * @example
 * referralFilterSchema.parse({ status: 'awaiting', overdue: true, agency: 'people_congress_liaison' });
 */
export const referralFilterSchema = z.strictObject({
  id: oneOrMany(z.string().min(3).max(401)).optional().describe('`<caseId>/<referralId>`, or a list of them (react-admin getMany).'),
  status: oneOrMany(z.enum(REFERRAL_STATUSES)).optional(),
  overdue: booleanFilter.optional(),
  agency: oneOrMany(z.string().min(1).max(100)).optional(),
  tenantId: idSchema.optional().describe("A union: its subtree's referrals."),
  caseId: idSchema.optional(),
});

/**
 * The referrals list's filter after parsing.
 * @example
 * const filter: ReferralFilter = { status: 'awaiting' };
 */
export type ReferralFilter = z.output<typeof referralFilterSchema>;

/**
 * Zod schema of `/referrals/:caseId/:referralId` and `/cases/:id/referrals/:referralId/link`.
 * @example
 * referralParamsSchema.parse({ caseId: 'c1', referralId: 'escalation.3' });
 */
export const referralParamsSchema = z.object({ caseId: idSchema, referralId: idSchema });

/**
 * Zod schema of `/referrals/:id` with `id` = `<caseId>/<referralId>` (percent-encoded slash), as react-admin asks.
 * @example
 * referralIdParamsSchema.parse({ id: 'c1/escalation.3' });
 */
export const referralIdParamsSchema = z.object({ id: z.string().regex(/^[^/]+\/[^/]+$/, { message: 'must be "<caseId>/<referralId>", e.g. "0b6a…/escalation.3"' }) });

/**
 * Zod schema of a signed referral link.
 * @example
 * referralLinkSchema.parse({ url: 'https://x/referral/eyJ…', token: 'eyJ…', expiresAt: '2025-11-20T01:00:00.000Z' });
 */
export const referralLinkSchema = z.object({
  url: z.string().describe('`<public base>/referral/<token>`: the page the agency opens.'),
  token: z.string(),
  expiresAt: z.string(),
});

/**
 * Zod schema of the public routes' `:token`.
 * @example
 * tokenParamsSchema.parse({ token: 'eyJ…' });
 */
export const tokenParamsSchema = z.object({ token: z.string().min(1).max(4000) });

/**
 * Zod schema of what an agency sees through its link: no personal fields, no staff names.
 * @example
 * publicReferralSchema.parse(response.body);
 */
export const publicReferralSchema = z.object({
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  note: z.string().nullable().describe('What the union asks the agency to do (the case\'s `referral_note`).'),
  data: z.record(z.string(), z.unknown()).describe('The case form with personal fields masked.'),
  union: localized,
  agency: z.object({ code: z.string(), name: localized }),
  sentAt: z.string(),
  replyDueAt: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  canReturn: z.boolean().describe('Whether the workflow lets the agency send the referral back (退单).'),
  linkExpiresAt: z.string(),
  maxAttachmentBytes: z.number(),
});

/**
 * What an agency sees through its link.
 * @example
 * const view: PublicReferral = (await request(app).get(`/api/public/referrals/${token}`)).body;
 */
export type PublicReferral = z.infer<typeof publicReferralSchema>;

const answerText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be empty; write the reply' })
    .max(max)
    .refine((text) => !containsNul(text), { message: NUL_MESSAGE });

/**
 * The most files one reply may carry.
 * @example
 * body.attachments.length <= MAX_REPLY_ATTACHMENTS;
 */
export const MAX_REPLY_ATTACHMENTS = 5;

/**
 * Zod schema of an agency's reply: the text and up to 5 files (base64).
 * @example
 * replyBodySchema.parse({ text: '已开通227路夜班公交', attachments: [{ filename: 'reply.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0=' }] });
 */
export const replyBodySchema = z.strictObject({
  text: answerText(5000).describe("The reply; recorded as the reply event's text field (reply_summary in union-grievance)."),
  attachments: z.array(attachmentBodySchema).max(MAX_REPLY_ATTACHMENTS).optional(),
});

/**
 * Zod schema of an agency sending the referral back (退单) with its reason.
 * @example
 * returnBodySchema.parse({ reason: '不属于本单位职责' });
 */
export const returnBodySchema = z.strictObject({
  reason: answerText(2000).describe("Why it is sent back; recorded as the return event's text field (return_reason in union-grievance)."),
});

/**
 * Zod schema of the answer to a reply or a return: the referral as the agency now sees it and the files stored.
 * @example
 * publicAnswerSchema.parse(response.body);
 */
export const publicAnswerSchema = z.object({
  referral: publicReferralSchema,
  attachments: z.array(z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number() })),
});
