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
    transitions: z.record(identifierSchema, transitionPatchSchema.nullable()).optional(),
  });

/**
 * Zod schema of a township overlay on a published template version.
 * @example
 * overlaySchema.parse({ key: 'huchen-grievance', version: 1, extends: { key: 'union-grievance', version: 1 } });
 */
export const overlaySchema = z.strictObject({
  $schema: z.string().optional(),
  key: workflowKeySchema,
  version: z.number().int().positive(),
  extends: workflowRefSchema,
  title: localizedTextSchema.optional(),
  description: localizedTextSchema.optional(),
  category: identifierSchema.optional(),
  calendar: z.string().min(1).optional(),
  initial: identifierSchema.optional(),
  roles: z.record(identifierSchema, namedEntrySchema.nullable()).optional(),
  agencies: z.record(identifierSchema, namedEntrySchema.nullable()).optional(),
  actions: z.record(identifierSchema, namedEntrySchema.nullable()).optional(),
  fields: z.record(identifierSchema, fieldSchema.partial().nullable()).optional(),
  states: z.record(identifierSchema, statePatchSchema.nullable()).optional(),
  warningRules: z.record(identifierSchema, warningRuleSchema.partial().nullable()).optional(),
  public: publicOptionsSchema.optional(),
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
