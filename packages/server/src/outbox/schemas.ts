import { z } from 'zod';
import { containsNul, idFilterSchema, NUL_MESSAGE } from '../http/list-query.js';

/**
 * The states of an outbox row: `pending` (due at nextAttemptAt), `sending` (claimed by a worker;
 * nextAttemptAt is when its lease runs out), `sent`, `failed` (tried again at nextAttemptAt),
 * `dead` (gave up; retry through the API).
 * @example
 * OUTBOX_STATUSES.includes('dead'); // true
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;

const statusSchema = z.enum(OUTBOX_STATUSES, { error: (issue) => `status must be one of ${OUTBOX_STATUSES.join(', ')}, got ${JSON.stringify(issue.input)}` });

/**
 * Zod schema of an outbox row as the API answers it.
 * @example
 * outboxEntrySchema.parse(response.body);
 */
export const outboxEntrySchema = z.object({
  id: z.string(),
  tenantId: z.string().describe("The case's union."),
  caseId: z.string().nullable(),
  reference: z.string().nullable().describe("The case's reference."),
  workflow: z.object({ key: z.string(), version: z.number() }).nullable(),
  type: z.string().describe('The engine effect: notify, refer, referralClosed, requestFollowUp, warningChanged, slaBreached, assigned, caseClosed, migrated, action.'),
  status: statusSchema,
  attempts: z.number().int().describe('Attempts made so far (a claim counts as one).'),
  nextAttemptAt: z.string().describe('pending/failed: when it is tried next; sending: when the lease runs out.'),
  lastError: z.string().nullable().describe('What the last failed attempt reported.'),
  deliveredChannels: z.array(z.string()).describe('Channels that have it (webhook, inApp, sms, wechat); a retry skips them.'),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  effect: z.record(z.string(), z.unknown()).nullable().describe("The engine's effect as the event path stored it."),
});

/**
 * An outbox row as the API answers it.
 * @example
 * const entry: OutboxEntry = await outbox.show(caller, id);
 */
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/**
 * Zod schema of the outbox list's filter: status (one or several, e.g. "dead"), type, case, union, ids.
 * @example
 * outboxFilterSchema.parse({ status: 'dead' });
 */
export const outboxFilterSchema = z.strictObject({
  id: idFilterSchema.optional(),
  status: z
    .union([statusSchema, z.array(statusSchema).max(OUTBOX_STATUSES.length)], {
      error: (issue) => `status must be one of ${OUTBOX_STATUSES.join(', ')} or a list of them, e.g. "dead" or ["failed","dead"]; got ${JSON.stringify(issue.input)}`,
    })
    .optional(),
  type: z
    .union([z.string().min(1).max(50), z.array(z.string().min(1).max(50)).max(20)], {
      error: (issue) => `type must be an effect type or a list of them, e.g. "notify" or ["refer","referralClosed"]; got ${JSON.stringify(issue.input)}`,
    })
    .optional(),
  caseId: z.string().min(1).max(200).optional(),
  tenantId: z.string().min(1).max(200).optional(),
});

/**
 * The outbox list's filter after parsing.
 * @example
 * const filter: OutboxFilter = { status: ['failed', 'dead'] };
 */
export type OutboxFilter = z.output<typeof outboxFilterSchema>;

/**
 * Zod schema of the `:id` path parameter.
 * @example
 * outboxIdParams.parse({ id: '5f0c…' });
 */
export const outboxIdParams = z.object({ id: z.string().min(1).max(200).refine((id) => !containsNul(id), { error: NUL_MESSAGE }) });
