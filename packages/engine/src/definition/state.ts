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
  /** The actor must not be anyone who has handled the case (acted on it or been assigned). */
  notHandler: z.boolean().optional(),
  /** The actor must not be anyone who sent one of these events on the case. */
  notActorOf: z.array(identifierSchema).min(1).optional(),
});

/**
 * Zod schema of a transition: an event a state accepts, who may send it and what it needs.
 * @example
 * transitionSchema.parse({ event: 'accept', label: { zh: '受理', en: 'Accept' }, target: 'triage' });
 */
export const transitionSchema = z.strictObject({
  event: identifierSchema,
  label: localizedTextSchema,
  /** Target state; omitted, the case stays where it is (a note, a data update, a clock pause). */
  target: identifierSchema.optional(),
  /** Roles that may send it; defaults to the state's roles. */
  roles: z.array(identifierSchema).min(1).optional(),
  /** Fields that must have a value once the event's data is merged. */
  requires: z.array(identifierSchema).optional(),
  /** Fields emptied when the transition is taken, e.g. the old rating when a case is reopened. */
  clear: z.array(identifierSchema).optional(),
  condition: conditionSchema.optional(),
  separation: separationSchema.optional(),
  /** `actor` makes the sender the assignee; `none` clears the assignee. */
  assign: z.enum(['actor', 'none']).optional(),
  /** Pause or resume the state's SLA clock (waiting on the worker or an outside body). */
  clock: z.enum(['pause', 'resume']).optional(),
});

/**
 * Zod schema of a state's referral to an outside agency that owes a reply.
 * @example
 * referralSchema.parse({ agency: 'people_congress_liaison', replyWithin: '10wd', replyEvent: 'reply_received' });
 */
export const referralSchema = z.strictObject({
  /** A fixed agency. */
  agency: identifierSchema.optional(),
  /** A select field whose value names the agency, chosen when the case is sent. */
  agencyField: identifierSchema.optional(),
  replyWithin: durationSchema,
  calendar: z.string().min(1).optional(),
  /** The event that records the agency's reply. */
  replyEvent: identifierSchema,
  /** The event that records the agency sending the referral back (退单). */
  returnEvent: identifierSchema.optional(),
  /** The colour an overdue reply raises; red by default. */
  overdueLevel: z.enum(['yellow', 'red']).optional(),
  notifyOverdue: recipientsSchema.optional(),
});

/**
 * Zod schema of a state that sends an event by itself when its time runs out.
 * @example
 * timeoutSchema.parse({ event: 'hand_to_arbitration' });
 */
export const timeoutSchema = z.strictObject({
  /** Defaults to the state's SLA. */
  after: durationSchema.optional(),
  event: identifierSchema,
});

/**
 * Zod schema of a state.
 * @example
 * stateSchema.parse({ title: { zh: '已归档', en: 'Closed' }, final: true, transitions: [] });
 */
export const stateSchema = z.strictObject({
  title: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** Roles that may act in this state, unless a transition names its own. */
  roles: z.array(identifierSchema).min(1).optional(),
  sla: slaSchema.optional(),
  warnings: z.array(ladderStepSchema).optional(),
  onTimeout: timeoutSchema.optional(),
  referral: referralSchema.optional(),
  onEntry: z.array(entryEffectSchema).optional(),
  /** Free tags hosts read, e.g. `resolved` (counts as 办结) or `follow_up`. */
  tags: z.array(identifierSchema).optional(),
  final: z.boolean().optional(),
  /** Locked by a template: an overlay may not change or remove it. */
  locked: z.boolean().optional(),
  transitions: z.array(transitionSchema),
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
