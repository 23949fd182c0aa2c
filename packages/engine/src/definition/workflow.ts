import { z } from 'zod';
import { fieldSchema } from './field.js';
import { identifierSchema, workflowKeySchema } from './identifiers.js';
import { localizedTextSchema } from './localized-text.js';
import { stateSchema } from './state.js';
import { warningRuleSchema } from './warning.js';

/**
 * Zod schema of a reference to one published version of a workflow.
 * @example
 * workflowRefSchema.parse({ key: 'union-grievance', version: 1 });
 */
export const workflowRefSchema = z.strictObject({
  key: workflowKeySchema.describe('Key of the template workflow.'),
  version: z.number().int().positive().describe('Published version of the template.'),
});

/**
 * Zod schema of a named thing a workflow declares (a role, an agency, a host action).
 * @example
 * namedEntrySchema.parse({ title: { zh: '人大联络站', en: "People's congress liaison station" } });
 */
export const namedEntrySchema = z.strictObject({
  title: localizedTextSchema.describe('Name shown to users (zh, en).'),
  description: localizedTextSchema.optional().describe('What the entry is or does (zh, en).'),
});

/**
 * Zod schema of what a workflow shows the public.
 * @example
 * publicOptionsSchema.parse({ disclosure: true });
 */
export const publicOptionsSchema = z.strictObject({
  disclosure: z
    .boolean()
    .optional()
    .describe('Closed matters appear, anonymised, on the public result list (结果公示).'),
  showStaffNames: z.boolean().optional().describe('A worker looking up the status sees staff names.'),
});

/**
 * Zod schema of a complete (resolved) workflow definition.
 * @example
 * workflowSchema.parse(unionGrievance);
 */
export const workflowSchema = z.strictObject({
  $schema: z
    .string()
    .optional()
    .describe('Path or URL of workflow.schema.json, for editor auto-completion; the engine ignores it.'),
  key: workflowKeySchema.describe('Workflow key, lower kebab case, e.g. "union-grievance"; cases record it.'),
  version: z
    .number()
    .int()
    .positive()
    .describe('Version number; a published version never changes and running cases keep theirs.'),
  title: localizedTextSchema.describe('Name of the workflow (zh, en).'),
  description: localizedTextSchema.optional().describe('What the workflow is for (zh, en).'),
  category: identifierSchema.optional().describe('Category hosts group figures by, e.g. "grievance".'),
  extends: workflowRefSchema.optional().describe('The template version this workflow was resolved from.'),
  calendar: z
    .string()
    .min(1)
    .optional()
    .describe('Default business calendar of every clock; "cn-mainland" when omitted.'),
  initial: identifierSchema.describe('The state a new case starts in.'),
  roles: z
    .record(identifierSchema, namedEntrySchema)
    .optional()
    .describe('Custom staff roles in addition to the built-in ones.'),
  agencies: z
    .record(identifierSchema, namedEntrySchema)
    .optional()
    .describe('Outside bodies a referral may name, in addition to the built-in ones.'),
  actions: z
    .record(identifierSchema, namedEntrySchema)
    .optional()
    .describe('Host actions an onEntry effect may call; the host must register them.'),
  fields: z.record(identifierSchema, fieldSchema).describe('The case form: fields by identifier.'),
  states: z.record(identifierSchema, stateSchema).describe('The states of a case, by identifier.'),
  warningRules: z
    .record(identifierSchema, warningRuleSchema)
    .optional()
    .describe('Data warning rules: while a rule holds, the case is at least its colour.'),
  public: publicOptionsSchema.optional().describe('What the public sees.'),
});

/**
 * A complete workflow definition.
 * @example
 * const wf: Workflow = workflowSchema.parse(json);
 */
export type Workflow = z.infer<typeof workflowSchema>;

/**
 * A reference to a workflow version.
 * @example
 * const ref: WorkflowRef = { key: 'legal-aid', version: 2 };
 */
export type WorkflowRef = z.infer<typeof workflowRefSchema>;
