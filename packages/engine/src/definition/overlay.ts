import { z } from 'zod';
import { fieldSchema } from './field.js';
import { identifierSchema, workflowKeySchema } from './identifiers.js';
import { localizedTextSchema } from './localized-text.js';
import { stateSchema, transitionSchema } from './state.js';
import { warningRuleSchema } from './warning.js';
import { namedEntrySchema, publicOptionsSchema, workflowRefSchema } from './workflow.js';

/**
 * Zod schema of a change to one transition: keys given replace the template's; `null` removes it.
 * @example
 * transitionPatchSchema.parse({ target: 'chamber_mediation' });
 */
export const transitionPatchSchema = transitionSchema.omit({ event: true }).partial();

/**
 * Zod schema of a change to one state: keys given replace the template's; `transitions` patches
 * them by event name (`null` removes one, a new name adds one).
 * @example
 * statePatchSchema.parse({ sla: { within: '3wd' }, transitions: { reject: null } });
 */
export const statePatchSchema = stateSchema
  .omit({ transitions: true })
  .partial()
  .extend({
    transitions: z
      .record(identifierSchema, transitionPatchSchema.nullable())
      .optional()
      .describe('Transition patches by event name: merged; null removes; a new name appends one (needs a label).'),
  });

/**
 * Zod schema of a township overlay on a published template version.
 * @example
 * overlaySchema.parse({ key: 'huchen-grievance', version: 1, extends: { key: 'union-grievance', version: 1 } });
 */
export const overlaySchema = z.strictObject({
  $schema: z
    .string()
    .optional()
    .describe('Path or URL of overlay.schema.json, for editor auto-completion; the engine ignores it.'),
  key: workflowKeySchema.describe('Key of the resolved workflow, lower kebab case, e.g. "huchen-grievance"; cases record it.'),
  version: z
    .number()
    .int()
    .positive()
    .describe('Version number; a published version never changes and running cases keep theirs.'),
  extends: workflowRefSchema.describe('The published template version this overlay changes.'),
  title: localizedTextSchema.optional().describe("Name of the resolved workflow (zh, en); replaces the template's."),
  description: localizedTextSchema
    .optional()
    .describe("What the resolved workflow is for (zh, en); replaces the template's."),
  category: identifierSchema.optional().describe("Category hosts group figures by; replaces the template's."),
  calendar: z
    .string()
    .min(1)
    .optional()
    .describe("Default business calendar of every clock; replaces the template's."),
  initial: identifierSchema.optional().describe("The state a new case starts in; replaces the template's."),
  roles: z
    .record(identifierSchema, namedEntrySchema.nullable())
    .optional()
    .describe('Custom staff roles added or replaced; null removes one.'),
  agencies: z
    .record(identifierSchema, namedEntrySchema.nullable())
    .optional()
    .describe('Outside agencies added or replaced; null removes one.'),
  actions: z
    .record(identifierSchema, namedEntrySchema.nullable())
    .optional()
    .describe('Host actions added or replaced; null removes one.'),
  fields: z
    .record(identifierSchema, fieldSchema.partial().nullable())
    .optional()
    .describe("Field patches: merged onto the template's field; null removes it."),
  states: z
    .record(identifierSchema, statePatchSchema.nullable())
    .optional()
    .describe('State patches; null removes the state.'),
  warningRules: z
    .record(identifierSchema, warningRuleSchema.partial().nullable())
    .optional()
    .describe("Rule patches: merged onto the template's rule; null removes it."),
  public: publicOptionsSchema.optional().describe("What the public sees; replaces the template's."),
});

/**
 * A township overlay.
 * @example
 * const o: Overlay = { key: 'chalu-truckers', version: 1, extends: { key: 'union-grievance', version: 1 } };
 */
export type Overlay = z.infer<typeof overlaySchema>;

/**
 * A change to one state in an overlay.
 * @example
 * const p: StatePatch = { title: { zh: '商会调解', en: 'Chamber mediation' } };
 */
export type StatePatch = z.infer<typeof statePatchSchema>;

/**
 * A change to one transition in an overlay.
 * @example
 * const p: TransitionPatch = { roles: ['mediator'] };
 */
export type TransitionPatch = z.infer<typeof transitionPatchSchema>;
