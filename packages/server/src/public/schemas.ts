import { z } from 'zod';
import { containsNul, listQuerySchema, NUL_MESSAGE } from '../http/list-query.js';

const localized = z.object({ zh: z.string(), en: z.string() });
const PHONE = /^[0-9+\-\s()]{3,24}$/;

function text(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((value) => !value.includes('\u0000'), { error: NUL_MESSAGE });
}

/**
 * The channels a worker files through on the public page: the web page or the mini program.
 * @example
 * PUBLIC_CHANNELS.includes('online'); // true
 */
export const PUBLIC_CHANNELS = ['online', 'mini_program'] as const;

/**
 * Zod schema of POST /public/matters. A named matter needs `name` and `phone`; an anonymous one
 * must leave both out (it is refused, not stripped, so no identity is stored by mistake).
 * @example
 * fileMatterBodySchema.parse({ unionId: 'chalu', anonymous: true, title: '下夜班打不到车', description: '下夜班要走3公里才能打到车。' });
 */
export const fileMatterBodySchema = z
  .strictObject({
    unionId: z.string().min(1).max(200).describe('The union the matter is raised with (GET /public/unions lists them).'),
    workflow: z.string().min(1).max(100).default('union-grievance').describe('The workflow key; union-grievance when omitted.'),
    anonymous: z.boolean().describe('true: no name or phone is stored; the tracking code is the only way back to the matter.'),
    name: text(50).pipe(z.string().min(1)).optional().describe('Required when not anonymous; refused when anonymous.'),
    phone: z.string().regex(PHONE, { error: 'a phone number of digits, spaces, +, - or (), e.g. "138 1234 5678"' }).optional().describe('Required when not anonymous; refused when anonymous.'),
    title: text(200).pipe(z.string().min(1, { error: 'say the matter in one sentence' })),
    description: text(5000).pipe(z.string().min(1, { error: 'describe the matter' })),
    category: z.string().min(1).max(100).optional().describe("An option value of the workflow's category field."),
    enterprise: text(100).pipe(z.string().min(1)).optional(),
    channel: z.enum(PUBLIC_CHANNELS).default('online'),
  })
  .superRefine((body, context) => {
    if (containsNul(body)) context.addIssue({ code: 'custom', message: NUL_MESSAGE, path: [] });
    if (body.anonymous) {
      for (const key of ['name', 'phone'] as const) {
        if (body[key] !== undefined) context.addIssue({ code: 'custom', path: [key], message: `an anonymous matter stores no identity: leave out "${key}", or send "anonymous": false to file by name` });
      }
      return;
    }
    for (const key of ['name', 'phone'] as const) {
      if (body[key] === undefined) context.addIssue({ code: 'custom', path: [key], message: `a named matter needs "${key}"; send it, or send "anonymous": true to file without one` });
    }
  });

/**
 * A parsed filing.
 * @example
 * const body: FileMatterBody = fileMatterBodySchema.parse(req.body);
 */
export type FileMatterBody = z.output<typeof fileMatterBodySchema>;

/**
 * Zod schema of `:code` (any text: what is not a code is answered like an unknown code).
 * @example
 * trackingCodeParams.parse({ code: '7KQ2-9XMD-4TRV' });
 */
export const trackingCodeParams = z.object({ code: z.string().describe('The tracking code, e.g. 7KQ2-9XMD-4TRV; case, dashes, spaces, I/L for 1 and O for 0 do not matter.') });

/**
 * Zod schema of POST /public/matters/:code/rating: 3-5 archives the matter, 1-2 (with a comment) reopens it.
 * @example
 * ratingBodySchema.parse({ satisfaction: 2, comment: '工资还是没发' });
 */
export const ratingBodySchema = z
  .strictObject({
    satisfaction: z.number().int().min(1).max(5).describe('5 very satisfied … 1 very dissatisfied.'),
    comment: text(2000).optional().describe('Why; required for 1 or 2.'),
  })
  .superRefine((body, context) => {
    if (body.satisfaction <= 2 && (body.comment === undefined || body.comment === '')) {
      context.addIssue({ code: 'custom', path: ['comment'], message: 'a rating of 1 or 2 needs a comment saying what is still wrong, so the union can take the matter up again' });
    }
  });

/**
 * Zod schema of the query of GET /public/disclosures: react-admin's sort, range and filter, and the union.
 * @example
 * disclosureQuerySchema.parse({ unionId: 'chalu', range: '[0,24]' });
 */
export const disclosureQuerySchema = listQuerySchema.extend({
  unionId: z.string().min(1).max(200).optional().describe("Only this union's matters and those of the unions below it."),
});

const day = z.iso.date().refine((date) => date >= '1970-01-01' && date <= '9999-12-30', { error: 'a date between 1970-01-01 and 9999-12-30' });

/**
 * Zod schema of the disclosures' `filter` (strict: an unknown filter is a 400).
 * @example
 * disclosureFilterSchema.parse({ workflowKey: 'golden-idea', closedAfter: '2025-01-01' });
 */
export const disclosureFilterSchema = z.strictObject({
  workflowKey: z.string().min(1).max(100).optional(),
  closedAfter: day.optional().describe('YYYY-MM-DD, inclusive (China time).'),
  closedBefore: day.optional().describe('YYYY-MM-DD, inclusive (China time).'),
});

/**
 * A parsed disclosures filter.
 * @example
 * const filter: DisclosureFilter = { workflowKey: 'union-grievance' };
 */
export type DisclosureFilter = z.output<typeof disclosureFilterSchema>;

const formFieldSchema = z.object({
  input: z.string().describe('The body property of POST /public/matters.'),
  field: z.string().describe("The workflow's field it is stored in."),
  type: z.string(),
  label: localized,
  description: localized.optional(),
  required: z.enum(['always', 'when_named', 'no']),
  personal: z.boolean(),
  maxLength: z.number().optional(),
  options: z.array(z.object({ value: z.string(), label: localized })).optional(),
});

/**
 * Zod schema of a public form of one workflow version.
 * @example
 * publicWorkflowSchema.parse(body.workflows['ninghai:union-grievance:1']);
 */
export const publicWorkflowSchema = z.object({
  key: z.string(),
  version: z.number(),
  title: localized,
  description: localized.optional(),
  anonymousAllowed: z.boolean(),
  namedAllowed: z.boolean(),
  fields: z.array(formFieldSchema),
});

/**
 * A public form of one workflow version.
 * @example
 * const form: PublicWorkflow = body.workflows[id];
 */
export type PublicWorkflow = z.infer<typeof publicWorkflowSchema>;

/**
 * Zod schema of GET /public/unions: the union tree, each union with the workflows it takes from
 * the public (ids into `workflows`, where each form is given once).
 * @example
 * unionsResponseSchema.parse(response.body);
 */
export const unionsResponseSchema = z.object({
  unions: z.array(
    z.object({
      id: z.string(),
      name: localized,
      level: z.string(),
      parentId: z.string().nullable(),
      workflows: z.array(z.object({ key: z.string(), form: z.string().describe('Key into `workflows`.') })),
    }),
  ),
  workflows: z.record(z.string(), publicWorkflowSchema),
});

/**
 * The answer of GET /public/unions.
 * @example
 * const { unions, workflows }: UnionsResponse = response.body;
 */
export type UnionsResponse = z.infer<typeof unionsResponseSchema>;

/**
 * Zod schema of one step of a matter's public timeline (state changes only, no warnings).
 * @example
 * publicStepSchema.parse(body.timeline[0]);
 */
export const publicStepSchema = z.object({
  at: z.string(),
  event: z.string(),
  label: localized.nullable(),
  from: z.string().nullable(),
  to: z.string(),
  toTitle: localized.nullable(),
  by: z.enum(['worker', 'staff', 'agency', 'system']),
  staffName: z.string().optional().describe("Only when the workflow's public.showStaffNames is set."),
});

/**
 * Zod schema of a matter as the worker sees it by tracking code: no personal fields, no notes.
 * @example
 * publicMatterSchema.parse(response.body);
 */
export const publicMatterSchema = z.object({
  reference: z.string(),
  union: z.object({ id: z.string(), name: localized }),
  workflow: z.object({ key: z.string(), title: localized }),
  title: z.string(),
  state: z.string(),
  stateTitle: localized.nullable(),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  timeline: z.array(publicStepSchema),
  answer: z.string().nullable().describe('What the union tells the worker (the resolution), once written.'),
  awaitingRating: z.boolean(),
  rating: z.object({ satisfaction: z.number() }).nullable(),
});

/**
 * A matter as the worker sees it.
 * @example
 * const matter: PublicMatter = response.body;
 */
export type PublicMatter = z.infer<typeof publicMatterSchema>;

/**
 * Zod schema of the answer to a filing: the tracking code, shown this once, and the matter.
 * @example
 * filedMatterSchema.parse(response.body);
 */
export const filedMatterSchema = z.object({
  trackingCode: z.string().describe('Shown once; only its hash is stored. A retry with the same Idempotency-Key issues a new code for the same matter and the earlier code stops working.'),
  notice: localized,
  matter: publicMatterSchema,
});

/**
 * Zod schema of one anonymised closed matter on the public result list (结果公示).
 * @example
 * disclosureSchema.parse(response.body[0]);
 */
export const disclosureSchema = z.object({
  id: z.string().describe('The reference.'),
  reference: z.string(),
  title: z.string().describe('Phone-like and ID-number-like digit runs are replaced with ***.'),
  workflow: z.object({ key: z.string(), title: localized }),
  category: z.object({ value: z.string(), label: localized }).nullable(),
  union: z.object({ id: z.string(), name: localized }),
  openedOn: z.string().describe('YYYY-MM-DD, China time.'),
  closedOn: z.string().describe('YYYY-MM-DD, China time.'),
  outcome: z.object({ state: z.string(), title: localized.nullable() }),
  rating: z.number().nullable(),
});

/**
 * One disclosed matter.
 * @example
 * const row: Disclosure = response.body[0];
 */
export type Disclosure = z.infer<typeof disclosureSchema>;
