import { z } from 'zod';
import { durationSchema } from './duration.js';
import { identifierSchema } from './identifiers.js';
import { localizedTextSchema } from './localized-text.js';

/**
 * Zod schema of who a notification goes to: roles of the case's tenant, the assignee, the worker.
 * @example
 * recipientsSchema.parse({ roles: ['supervisor'], assignee: true });
 */
export const recipientsSchema = z.strictObject({
  roles: z.array(identifierSchema).optional(),
  assignee: z.boolean().optional(),
  worker: z.boolean().optional(),
});

/**
 * Zod schema of an effect a state declares on entry: notify, request follow-up, or a host action.
 * @example
 * entryEffectSchema.parse({ type: 'notify', to: { worker: true }, message: { zh: '已办结', en: 'Resolved' } });
 */
export const entryEffectSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('notify'),
    to: recipientsSchema,
    message: localizedTextSchema,
  }),
  z.strictObject({
    type: z.literal('requestFollowUp'),
    /** How long the worker has to answer before the follow-up counts as unanswered. */
    within: durationSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('action'),
    name: identifierSchema,
    params: z.record(z.string(), z.unknown()).optional(),
  }),
]);

/**
 * An effect a state declares on entry.
 * @example
 * const e: EntryEffect = { type: 'action', name: 'send_sms', params: { template: 'resolved' } };
 */
export type EntryEffect = z.infer<typeof entryEffectSchema>;

/**
 * Recipients of a notification.
 * @example
 * const r: Recipients = { roles: ['supervisor'] };
 */
export type Recipients = z.infer<typeof recipientsSchema>;
