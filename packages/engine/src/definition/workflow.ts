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
  key: workflowKeySchema,
  version: z.number().int().positive(),
});

/**
 * Zod schema of a named thing a workflow declares (a role, an agency, a host action).
 * @example
 * namedEntrySchema.parse({ title: { zh: '人大联络站', en: "People's congress liaison station" } });
 */
export const namedEntrySchema = z.strictObject({
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
});

/**
 * Zod schema of what a workflow shows the public.
 * @example
 * publicOptionsSchema.parse({ disclosure: true });
 */
export const publicOptionsSchema = z.strictObject({
  /** Closed matters appear, anonymised, on the public disclosure list (结果公示). */
  disclosure: z.boolean().optional(),
  /** Staff names are shown to the worker looking up the status. */
  showStaffNames: z.boolean().optional(),
});

/**
 * Zod schema of a complete (resolved) workflow definition.
 * @example
 * workflowSchema.parse(unionGrievance);
 */
export const workflowSchema = z.strictObject({
  $schema: z.string().optional(),
  key: workflowKeySchema,
  version: z.number().int().positive(),
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  category: identifierSchema.optional(),
  /** The template version this workflow was resolved from, when it is an overlay's result. */
  extends: workflowRefSchema.optional(),
  /** Default business calendar for SLAs; `cn-mainland` when omitted. */
  calendar: z.string().min(1).optional(),
  initial: identifierSchema,
  roles: z.record(identifierSchema, namedEntrySchema).optional(),
  agencies: z.record(identifierSchema, namedEntrySchema).optional(),
  actions: z.record(identifierSchema, namedEntrySchema).optional(),
  fields: z.record(identifierSchema, fieldSchema),
  states: z.record(identifierSchema, stateSchema),
  warningRules: z.record(identifierSchema, warningRuleSchema).optional(),
  public: publicOptionsSchema.optional(),
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
