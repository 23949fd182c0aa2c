import { z } from 'zod';
import { CASE_FIGURES } from './figure-filters.js';

// PostgreSQL refuses the NUL character in text and jsonb: refuse it here, as a 400, not a 500.
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return depth > 64;
  if (Array.isArray(value)) return value.some((item) => hasNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || hasNul(item, depth + 1));
}

const NUL_MESSAGE = 'must not contain the NUL character (\\u0000) nor nest deeper than 64 levels; remove it';

function text(max: number) {
  return z.string().max(max).refine((value) => !value.includes('\u0000'), { message: NUL_MESSAGE });
}

/**
 * Zod schema of a record id (case, tenant, user, enterprise, attachment).
 * @example
 * idSchema.parse('chalu');
 */
export const idSchema = text(200).min(1);

/**
 * Zod schema of the version the client last saw of a case.
 * @example
 * versionSchema.parse(3);
 */
export const versionSchema = z.number().int().min(1).max(2_147_483_647).describe('The case version the client last saw (from the case it read); a stale one is a 409.');

/**
 * Zod schema of case data: field ids (lower snake case) to values; the workflow's engine checks
 * the values.
 * @example
 * caseDataSchema.parse({ title: '环卫工要袖套', workers_affected: 12 });
 */
export const caseDataSchema = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, { message: 'field ids are lower snake case, e.g. "worker_phone"' }), z.unknown())
  .refine((data) => !hasNul(data), { message: NUL_MESSAGE })
  .describe('Field values by field id; null clears a field.');

/**
 * The channels a matter comes in by.
 * @example
 * CHANNELS.includes('walk_in'); // true
 */
export const CHANNELS = ['walk_in', 'phone', 'online', 'mini_program'] as const;

/**
 * Zod schema of `:id`.
 * @example
 * caseIdParams.parse({ id: 'c-1' });
 */
export const caseIdParams = z.object({ id: idSchema });

/**
 * Zod schema of `:id/attachments/:attachmentId`.
 * @example
 * attachmentIdParams.parse({ id: 'c-1', attachmentId: 'a-1' });
 */
export const attachmentIdParams = z.object({ id: idSchema, attachmentId: idSchema });

/**
 * Zod schema of POST /cases: which workflow, where, how it came in, and the form.
 * @example
 * createCaseBodySchema.parse({ workflow: { key: 'union-grievance' }, channel: 'walk_in', data: { title: 't', description: 'd' } });
 */
export const createCaseBodySchema = z.object({
  workflow: z.strictObject({ key: text(100).min(1), version: z.number().int().min(1).max(2_147_483_647).optional() }).describe('The published workflow; the latest version visible to the union when version is omitted.'),
  tenantId: idSchema.optional().describe("The union that owns the case; the caller's when omitted; must be in the caller's subtree."),
  channel: z.enum(CHANNELS),
  enterpriseId: idSchema.optional(),
  data: caseDataSchema.default({}),
});

/**
 * Zod schema of POST /cases/:id/events.
 * @example
 * eventBodySchema.parse({ type: 'accept', version: 1 });
 */
export const eventBodySchema = z.object({
  type: text(100).min(1).describe('The event, e.g. "accept"; GET /cases/:id/events/available lists them.'),
  data: caseDataSchema.optional(),
  version: versionSchema,
});

/**
 * Zod schema of POST /cases/:id/assign (null unassigns).
 * @example
 * assignBodySchema.parse({ assigneeId: 'chalu.mediator', version: 2 });
 */
export const assignBodySchema = z.object({ assigneeId: idSchema.nullable(), version: versionSchema });

/**
 * Zod schema of GET /cases/:id (and its timeline): `reveal=true` unmasks personal fields, with an audit record.
 * @example
 * revealQuerySchema.parse({ reveal: 'true' }); // { reveal: true }
 */
export const revealQuerySchema = z.object({
  reveal: z.enum(['true', 'false']).optional().transform((value) => value === 'true').describe('true: show personal fields unmasked (PII roles only; audited).'),
});

/**
 * Zod schema of POST /cases/:id/attachments.
 * @example
 * attachmentBodySchema.parse({ filename: 'a.txt', contentType: 'text/plain', contentBase64: 'eA==' });
 */
export const attachmentBodySchema = z.object({
  filename: text(255).min(1).refine((name) => !/[\u0001-\u001f/\\]/.test(name), { message: 'must not contain control characters or slashes' }),
  contentType: z.string().max(200).regex(/^[A-Za-z0-9][\w.+-]*\/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+"-]+)*$/, { message: 'must be a media type such as "image/jpeg" or "application/pdf"' }),
  contentBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'must be base64 (A-Z a-z 0-9 + /, = padding, no spaces)' }).refine((b64) => b64.length % 4 === 0, { message: 'base64 length must be a multiple of 4 (add = padding)' }),
});

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).max(200)]);
const booleanFilter = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD (Asia/Shanghai), e.g. "2026-11-01"' })
  .refine((day) => {
    const at = Date.parse(`${day}T00:00:00Z`);
    return Number.isFinite(at) && new Date(at).toISOString().startsWith(day);
  }, { message: 'must be a real calendar date, e.g. "2026-02-28", not "2026-02-30"' });

/**
 * Zod schema of the cases list's `filter` (strict: an unknown filter is a 400).
 * @example
 * caseFilterSchema.parse({ state: 'triage', data: { category: 'wages' } });
 */
export const caseFilterSchema = z.strictObject({
  q: text(200).optional(),
  id: oneOrMany(idSchema).optional(),
  state: oneOrMany(text(100)).optional(),
  warning: oneOrMany(z.enum(['green', 'yellow', 'red'])).optional(),
  status: oneOrMany(z.enum(['open', 'closed'])).optional(),
  tenantId: idSchema.optional(),
  workflowKey: oneOrMany(text(100)).optional(),
  assigneeId: idSchema.nullable().optional(),
  overdue: booleanFilter.optional(),
  channel: oneOrMany(z.enum(CHANNELS)).optional(),
  enterpriseId: idSchema.optional(),
  data: caseDataSchema.optional(),
  openedFrom: calendarDay.optional().describe('Cases opened on or after this Asia/Shanghai date (YYYY-MM-DD).'),
  openedTo: calendarDay.optional().describe('Cases opened on or before this Asia/Shanghai date (YYYY-MM-DD, inclusive).'),
  figure: z.enum(CASE_FIGURES).optional().describe('Only the cases a figure of GET /api/metrics counts (see docs/metrics.md, "Click-through"); flow figures with openedFrom/openedTo.'),
});

/**
 * A parsed cases filter.
 * @example
 * const filter: CaseFilter = { state: ['triage'], overdue: true };
 */
export type CaseFilter = z.output<typeof caseFilterSchema>;

const localized = z.object({ zh: z.string(), en: z.string() });

/**
 * Zod schema of a case in responses (lists leave out the snapshot summary).
 * @example
 * caseSchema.parse(response.body);
 */
export const caseSchema = z.object({
  id: z.string(),
  reference: z.string(),
  tenantId: z.string(),
  workflow: z.object({ key: z.string(), version: z.number(), tenantId: z.string() }),
  state: z.string(),
  stateTitle: localized.nullable(),
  status: z.enum(['open', 'closed']),
  warning: z.enum(['green', 'yellow', 'red']),
  assigneeId: z.string().nullable(),
  channel: z.string(),
  enterpriseId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  data: z.record(z.string(), z.unknown()),
  version: z.number(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  openedBy: z.string().nullable(),
  openedAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  warningCauses: z.array(z.object({ source: z.string(), id: z.string(), level: z.string() })).optional(),
  clock: z.object({ state: z.string(), enteredAt: z.string(), dueAt: z.string().nullable(), paused: z.boolean(), breachedAt: z.string().nullable() }).nullable().optional(),
  referrals: z.array(z.record(z.string(), z.unknown())).optional(),
  handlers: z.array(z.string()).optional(),
});

/**
 * A case as answered.
 * @example
 * const title = (response.body as CaseDto).title;
 */
export type CaseDto = z.infer<typeof caseSchema>;

/**
 * Zod schema of the answer to an event or an assignment.
 * @example
 * stepResponseSchema.parse(response.body);
 */
export const stepResponseSchema = z.object({ case: caseSchema, effects: z.array(z.record(z.string(), z.unknown())) });

/**
 * Zod schema of one timeline entry.
 * @example
 * z.array(timelineEntrySchema).parse(response.body);
 */
export const timelineEntrySchema = z.object({
  seq: z.number(),
  type: z.string(),
  actor: z.object({ id: z.string(), roles: z.array(z.string()) }),
  stateFrom: z.string().nullable(),
  stateTo: z.string(),
  warning: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

/**
 * A timeline entry as answered.
 * @example
 * const first: TimelineEntry = entries[0];
 */
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/**
 * Zod schema of an attachment's metadata.
 * @example
 * attachmentSchema.parse(response.body);
 */
export const attachmentSchema = z.object({ id: z.string(), caseId: z.string(), filename: z.string(), contentType: z.string(), size: z.number(), uploadedBy: z.string(), createdAt: z.string() });

/**
 * An attachment's metadata as answered.
 * @example
 * const size = (response.body as AttachmentDto).size;
 */
export type AttachmentDto = z.infer<typeof attachmentSchema>;
