import { z } from 'zod';

// PostgreSQL refuses NUL in text and jsonb, and unpaired surrogates in jsonb: such input is a 400
// here rather than a database error (a 500) later.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_MESSAGE = 'contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored: remove it';
const MAX_INT4 = 2_147_483_647;

const MAX_DEPTH = 64;

// Iterative, so that a deeply nested body cannot overflow the stack; too deep is refused too,
// since PostgreSQL's JSON parser has its own depth limit.
function firstUnstorable(root: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, path, depth } = item;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return `The value at ${JSON.stringify(path || '(value)')} ${UNSTORABLE_MESSAGE}.`;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) return `The value at ${JSON.stringify(path)} is nested more than ${MAX_DEPTH} levels deep: flatten it.`;
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (UNSTORABLE.test(key)) return `The key at ${JSON.stringify(at)} ${UNSTORABLE_MESSAGE}.`;
      stack.push({ value: child, path: at, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Zod schema of a string PostgreSQL can store (no NUL, no unpaired surrogate).
 * @example
 * storableText.parse('胡陈乡');
 */
export const storableText = z.string().refine((text) => !UNSTORABLE.test(text), { error: `The text ${UNSTORABLE_MESSAGE}.` });

function checkStorable(value: unknown, ctx: z.core.$RefinementCtx): void {
  const problem = firstUnstorable(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}

/**
 * Zod schema of a JSON object PostgreSQL's jsonb can store; its keys pass through untouched.
 * @example
 * storableObject.parse({ key: 'a', states: {} });
 */
export const storableObject = z.record(z.string(), z.unknown()).superRefine(checkStorable);

const workflowKey = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, { error: (issue) => `The workflow key ${JSON.stringify(issue.input)} is not valid: use lower kebab case starting with a letter, e.g. "huchen-help-farmers".` });
const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a state name: use lower snake case, e.g. "chamber_mediation".` });
const version = z.number().int().min(1).max(MAX_INT4, { error: `A version is a whole number from 1 to ${MAX_INT4}.` });
const tenantId = storableText.min(1).max(100);
const localizedText = z.object({ zh: z.string(), en: z.string() });

/**
 * Path parameter of every `/workflows/:id` route: `key@version`.
 * @example
 * workflowIdParams.parse({ id: 'union-grievance@1' });
 */
export const workflowIdParams = z.object({ id: storableText.min(1).max(200).describe('Workflow id, `key@version`, e.g. union-grievance@1') });

/**
 * A reference to a published workflow version; `tenantId` is optional since keys are unique.
 * @example
 * parentRefSchema.parse({ key: 'union-grievance', version: 1 });
 */
export const parentRefSchema = z.strictObject({ tenantId: tenantId.optional(), key: workflowKey, version });

/**
 * Filters of GET /workflows (react-admin `filter`).
 * @example
 * workflowFilterSchema.parse({ status: 'published', templates: true });
 */
export const workflowFilterSchema = z.strictObject({
  status: z.union([z.enum(['draft', 'published', 'retired']), z.array(z.enum(['draft', 'published', 'retired'])).max(3)]).optional(),
  key: z.union([storableText.max(64), z.array(storableText.max(64)).max(100)]).optional(),
  id: z.union([storableText.max(200), z.array(storableText.max(200)).max(500)]).optional(),
  tenantId: tenantId.optional(),
  q: storableText.max(200).optional(),
  templates: z.boolean().optional().describe('true: only the published workflows of ancestor unions, which the caller may extend'),
});

/**
 * The parsed workflow filter.
 * @example
 * const filter: WorkflowFilter = { templates: true };
 */
export type WorkflowFilter = z.infer<typeof workflowFilterSchema>;

/**
 * A full workflow definition as a draft: key and title are required now, everything else is
 * checked by validate and publish (a draft may be unfinished). The version is assigned.
 * @example
 * draftDefinitionSchema.parse({ key: 'chalu-safety', title: { zh: '安全', en: 'Safety' }, initial: 'intake', fields: {}, states: {} });
 */
export const draftDefinitionSchema = z
  .looseObject({ key: workflowKey, title: z.object({ zh: storableText.min(1).max(200), en: storableText.min(1).max(200) }) })
  .superRefine(checkStorable);

/**
 * A township overlay as sent: `key` names the new workflow; `version` and `extends` are set by the server.
 * @example
 * overlayInputSchema.parse({ key: 'huchen-help-farmers', states: {} });
 */
export const overlayInputSchema = z.looseObject({ key: workflowKey }).superRefine(checkStorable);

/**
 * Body of POST /workflows.
 * @example
 * createWorkflowBody.parse({ definition: unionGrievanceV2 });
 */
export const createWorkflowBody = z.strictObject({ definition: draftDefinitionSchema });

/**
 * Body of POST /workflows/overlay.
 * @example
 * createOverlayBody.parse({ parent: { key: 'union-grievance', version: 1 }, overlay: { key: 'huchen-help-farmers' } });
 */
export const createOverlayBody = z.strictObject({ parent: parentRefSchema, overlay: overlayInputSchema });

/**
 * Body of PATCH /workflows/:id: the whole new definition, or the whole new overlay.
 * @example
 * patchWorkflowBody.parse({ overlay: { key: 'huchen-help-farmers', states: {} } });
 */
export const patchWorkflowBody = z
  .strictObject({ definition: draftDefinitionSchema.optional(), overlay: overlayInputSchema.optional() })
  .refine((body) => (body.definition === undefined) !== (body.overlay === undefined), { error: 'Send exactly one of "definition" (a full workflow) or "overlay" (a township overlay).' });

/**
 * Body of POST /workflows/:id/validate: empty to validate the stored draft, or unsaved content.
 * @example
 * validateWorkflowBody.parse({});
 */
export const validateWorkflowBody = z
  .strictObject({ definition: storableObject.optional(), overlay: storableObject.optional() })
  .refine((body) => body.definition === undefined || body.overlay === undefined, { error: 'Send at most one of "definition" or "overlay".' });

/**
 * Body of POST /workflows/:id/publish.
 * @example
 * publishWorkflowBody.parse({ note: 'Adds chamber mediation' });
 */
export const publishWorkflowBody = z.strictObject({ note: storableText.max(2000).optional() });

/**
 * Body of POST /workflows/:id/retire.
 * @example
 * retireWorkflowBody.parse({});
 */
export const retireWorkflowBody = z.strictObject({ note: storableText.max(2000).optional() });

/**
 * Body of POST /workflows/:id/rebase.
 * @example
 * rebaseWorkflowBody.parse({ parent: { key: 'union-grievance', version: 2 }, resolutions: { 'states.triage.sla': 'mine' } });
 */
export const rebaseWorkflowBody = z.strictObject({
  parent: parentRefSchema,
  resolutions: z
    .record(storableText.min(1).max(300), z.enum(['mine', 'template']))
    .optional()
    .describe('How each conflict of a plain rebase is settled, by its path: "mine" keeps the overlay\'s side, "template" takes the new template\'s'),
});

/**
 * Body of POST /workflows/:id/migrate.
 * @example
 * migrateWorkflowBody.parse({ toVersion: 2, stateMap: { chamber_mediation: 'mediation' }, dryRun: true });
 */
export const migrateWorkflowBody = z.strictObject({
  toVersion: version,
  stateMap: z.record(identifier, identifier).default({}),
  dryRun: z.boolean().default(false),
});

const parentRef = z.object({ tenantId: z.string(), key: z.string(), version: z.number() }).nullable();

/**
 * One workflow version in a list.
 * @example
 * const item: WorkflowSummary = { id: 'union-grievance@1', key: 'union-grievance', version: 1, ... };
 */
export const workflowSummarySchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  key: z.string(),
  version: z.number(),
  status: z.enum(['draft', 'published', 'retired']),
  title: localizedText,
  parent: parentRef,
  isOverlay: z.boolean(),
  runningCases: z.number(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});

/**
 * A workflow version as listed.
 * @example
 * const s: WorkflowSummary = summary;
 */
export type WorkflowSummary = z.infer<typeof workflowSummarySchema>;

/**
 * One workflow version with its definition (resolved for overlays) and its overlay.
 * @example
 * const w: WorkflowDetail = await service.show(caller, 'union-grievance@1');
 */
export const workflowDetailSchema = workflowSummarySchema.extend({ definition: z.unknown(), overlay: z.unknown().nullable() });

/**
 * A workflow version with its definition.
 * @example
 * const d: WorkflowDetail = detail;
 */
export type WorkflowDetail = z.infer<typeof workflowDetailSchema>;

const issue = z.looseObject({ path: z.string(), code: z.string(), message: z.string(), severity: z.string().optional() });

/**
 * Answer of POST /workflows/:id/validate.
 * @example
 * validationAnswerSchema.parse({ ok: true, issues: [] });
 */
export const validationAnswerSchema = z.object({ ok: z.boolean(), issues: z.array(issue) });

/**
 * Answer of GET /workflows/:id/diff.
 * @example
 * diffAnswerSchema.parse({ against: { tenantId: 'ninghai', key: 'union-grievance', version: 1 }, changes: [] });
 */
export const diffAnswerSchema = z.object({
  against: z.object({ tenantId: z.string(), key: z.string(), version: z.number(), relation: z.enum(['parent', 'previous']) }),
  changes: z.array(z.looseObject({ kind: z.enum(['added', 'changed', 'removed']), path: z.string() })),
});

/**
 * Answer of POST /workflows/:id/rebase: the rebased draft and its changes against the new template.
 * @example
 * const answer = rebaseAnswerSchema.parse(body);
 */
export const rebaseAnswerSchema = workflowDetailSchema.extend({ changes: z.array(z.looseObject({ kind: z.string(), path: z.string() })) });

/**
 * Answer of POST /workflows/:id/migrate.
 * @example
 * migrateAnswerSchema.parse({ dryRun: true, key: 'huchen-help-farmers', from: 1, to: 2, cases: 3, migrated: 0, failed: 0, skipped: 0, moves: {}, problems: [] });
 */
export const migrateAnswerSchema = z.object({
  dryRun: z.boolean(),
  key: z.string(),
  from: z.number(),
  to: z.number(),
  cases: z.number().describe('Open cases of the source version in your unions'),
  migrated: z.number().describe('Cases moved (0 in a dry run)'),
  failed: z.number().describe('Cases that cannot move (errors in problems)'),
  skipped: z.number().describe('Cases that changed meanwhile (closed or already moved)'),
  moves: z.record(z.string(), z.record(z.string(), z.number())).describe('{ fromState: { toState: count } }'),
  problems: z
    .array(
      z.object({
        code: z.string(),
        severity: z.enum(['error', 'warning']),
        path: z.string(),
        message: z.string().describe('The first case\'s message'),
        count: z.number().describe('Cases with this problem'),
        cases: z.array(z.object({ caseId: z.string(), reference: z.string(), state: z.string() })).describe(`The first ${20} of them`),
      }),
    )
    .describe('Problems grouped by code, severity and path; errors stop a case from moving, warnings do not'),
});

/**
 * The migration report.
 * @example
 * const report: MigrateAnswer = await service.migrate(caller, id, body);
 */
export type MigrateAnswer = z.infer<typeof migrateAnswerSchema>;
