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
  roles: z.array(identifierSchema).optional().describe("Staff of the case's tenant with these roles."),
  assignee: z.boolean().optional().describe("The case's assignee."),
  worker: z.boolean().optional().describe('The worker who raised the matter.'),
});

/**
 * Zod schema of an effect a state declares on entry: notify, request follow-up, or a host action.
 * @example
 * entryEffectSchema.parse({ type: 'notify', to: { worker: true }, message: { zh: '已办结', en: 'Resolved' } });
 */
export const entryEffectSchema = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('notify').describe('Kind of effect: a notification.'),
      to: recipientsSchema.describe('Who is told.'),
      message: localizedTextSchema.describe('Text of the notification (zh, en).'),
    })
    .describe('A notification to the recipients.'),
  z
    .strictObject({
      type: z.literal('requestFollowUp').describe("Kind of effect: a request for the worker's feedback."),
      within: durationSchema.optional().describe('How long the worker has to answer.'),
    })
    .describe("A request for the worker's feedback (回访 / 满意度评价)."),
  z
    .strictObject({
      type: z.literal('action').describe('Kind of effect: a host action.'),
      name: identifierSchema.describe('Host action to run; the host must register it.'),
      params: z.record(z.string(), z.unknown()).optional().describe('Parameters passed to the action.'),
    })
    .describe('An action the host carries out, e.g. sending a text message.'),
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
