import { z } from 'zod';
import { conditionSchema } from './condition.js';
import { durationSchema } from './duration.js';
import { entryEffectSchema, recipientsSchema } from './effect-spec.js';
import { identifierSchema } from './identifiers.js';
import { localizedTextSchema } from './localized-text.js';
import { ladderStepSchema, slaSchema } from './warning.js';

/**
 * Zod schema of separation of duties on a transition.
 * @example
 * separationSchema.parse({ notHandler: true });
 */
export const separationSchema = z.strictObject({
  notHandler: z
    .boolean()
    .optional()
    .describe('The sender must not have opened, acted on or been assigned to the case.'),
  notActorOf: z
    .array(identifierSchema)
    .min(1)
    .optional()
    .describe('The sender must not have sent any of these events on the case.'),
});

/**
 * Zod schema of a transition: an event a state accepts, who may send it and what it needs.
 * @example
 * transitionSchema.parse({ event: 'accept', label: { zh: '受理', en: 'Accept' }, target: 'triage' });
 */
export const transitionSchema = z.strictObject({
  event: identifierSchema.describe('Event name, unique in the state.'),
  label: localizedTextSchema.describe('Button text (zh, en).'),
  target: identifierSchema.optional().describe('Next state; omitted, the case stays where it is.'),
  roles: z.array(identifierSchema).min(1).optional().describe("Roles that may send it; defaults to the state's roles."),
  requires: z
    .array(identifierSchema)
    .optional()
    .describe("Fields that must have a value once the event's data is merged."),
  clear: z
    .array(identifierSchema)
    .optional()
    .describe('Fields emptied when the transition is taken, e.g. the old rating when a case is reopened.'),
  condition: conditionSchema
    .optional()
    .describe("Condition on the case data, checked after the event's data is merged."),
  separation: separationSchema.optional().describe('Separation of duties: who may not send this event.'),
  assign: z.enum(['actor', 'none']).optional().describe('"actor" makes the sender the assignee; "none" clears it.'),
  clock: z
    .enum(['pause', 'resume'])
    .optional()
    .describe('"pause" stops the state\'s SLA clock; "resume" restarts it with the time that was left.'),
});

/**
 * Zod schema of a state's referral to an outside agency that owes a reply.
 * @example
 * referralSchema.parse({ agency: 'people_congress_liaison', replyWithin: '10wd', replyEvent: 'reply_received' });
 */
export const referralSchema = z.strictObject({
  agency: identifierSchema.optional().describe('A fixed agency; give exactly one of agency and agencyField.'),
  agencyField: identifierSchema.optional().describe('A select field whose value names the agency.'),
  replyWithin: durationSchema.describe('Reply deadline after the referral is sent.'),
  calendar: z.string().min(1).optional().describe("Calendar of the deadline; defaults to the state's."),
  replyEvent: identifierSchema.describe('Event that records the reply (答复); a transition of this state.'),
  returnEvent: identifierSchema
    .optional()
    .describe('Event that records a return (退单); a transition of this state.'),
  overdueLevel: z.enum(['yellow', 'red']).optional().describe('Colour a late reply raises; red by default.'),
  notifyOverdue: recipientsSchema
    .optional()
    .describe('Who is told of a late reply; supervisors and the assignee by default.'),
});

/**
 * Zod schema of a state that sends an event by itself when its time runs out.
 * @example
 * timeoutSchema.parse({ event: 'hand_to_arbitration' });
 */
export const timeoutSchema = z.strictObject({
  after: durationSchema.optional().describe("When the event is sent; defaults to the state's SLA."),
  event: identifierSchema.describe('Event the system sends; a transition of this state.'),
});

/**
 * Zod schema of a state.
 * @example
 * stateSchema.parse({ title: { zh: '已归档', en: 'Closed' }, final: true, transitions: [] });
 */
export const stateSchema = z.strictObject({
  title: localizedTextSchema.describe('Name of the state (zh, en).'),
  description: localizedTextSchema.optional().describe('What happens in the state (zh, en).'),
  roles: z
    .array(identifierSchema)
    .min(1)
    .optional()
    .describe('Roles that may act here unless a transition names its own; every staff role when omitted.'),
  sla: slaSchema.optional().describe('How long the state may take; entering it starts the clock.'),
  warnings: z
    .array(ladderStepSchema)
    .optional()
    .describe('Warning ladder: at each step the case turns yellow or red and the step notifies.'),
  onTimeout: timeoutSchema.optional().describe("An event the system sends when the state's time runs out."),
  referral: referralSchema.optional().describe('A referral to an outside agency that owes a reply by a deadline.'),
  onEntry: z.array(entryEffectSchema).optional().describe('Effects emitted each time the state is entered.'),
  tags: z
    .array(identifierSchema)
    .optional()
    .describe('Free tags hosts read, e.g. "resolved" (counts as 办结) or "follow_up".'),
  final: z.boolean().optional().describe('Entering this state closes the case; it has no transitions.'),
  locked: z
    .boolean()
    .optional()
    .describe('Locked by the template: an overlay may not change or remove this state.'),
  transitions: z.array(transitionSchema).describe('Events the state accepts.'),
});

/**
 * A transition.
 * @example
 * const t: Transition = { event: 'close', label: { zh: '归档', en: 'Close' }, target: 'closed' };
 */
export type Transition = z.infer<typeof transitionSchema>;

/**
 * A state.
 * @example
 * const s: StateDefinition = { title: { zh: '已归档', en: 'Closed' }, final: true, transitions: [] };
 */
export type StateDefinition = z.infer<typeof stateSchema>;

/**
 * A referral to an outside agency.
 * @example
 * const r: Referral = { agencyField: 'agency', replyWithin: '15wd', replyEvent: 'reply' };
 */
export type Referral = z.infer<typeof referralSchema>;
