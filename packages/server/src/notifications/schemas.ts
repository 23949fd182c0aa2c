import { z } from 'zod';
import { containsNul, idFilterSchema, NUL_MESSAGE } from '../http/list-query.js';

/**
 * Zod schema of an in-app notification as the API answers it.
 * @example
 * notificationSchema.parse(response.body);
 */
export const notificationSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseTenantId: z.string().describe("The case's union (the recipient may work above it)."),
  reference: z.string().describe("The case's reference, e.g. NH-2025-000001."),
  type: z.string().describe('The effect that made it: notify.'),
  reason: z.string().describe('Why: entry (a state was entered), warning, referralOverdue or rule.'),
  state: z.string().describe('The state the case was in.'),
  message: z.object({ zh: z.string(), en: z.string() }),
  read: z.boolean(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

/**
 * An in-app notification as the API answers it.
 * @example
 * const n: Notification = (await api.get('/api/notifications')).body[0];
 */
export type Notification = z.infer<typeof notificationSchema>;

/**
 * Zod schema of the notifications list's filter: read or unread, a case, a reason, ids.
 * @example
 * notificationFilterSchema.parse({ read: false });
 */
export const notificationFilterSchema = z.strictObject({
  id: idFilterSchema.optional(),
  read: z.boolean({ error: (issue) => `read must be true or false, got ${JSON.stringify(issue.input)}` }).optional(),
  caseId: z.string().min(1).max(200).optional(),
  reason: z.string().min(1).max(50).optional(),
});

/**
 * The notifications list's filter after parsing.
 * @example
 * const filter: NotificationFilter = { read: false };
 */
export type NotificationFilter = z.output<typeof notificationFilterSchema>;

/**
 * Zod schema of the `:id` path parameter.
 * @example
 * notificationIdParams.parse({ id: '5f0c…' });
 */
export const notificationIdParams = z.object({ id: z.string().min(1).max(200).refine((id) => !containsNul(id), { error: NUL_MESSAGE }) });

/**
 * Zod schema of the answer to "mark all read".
 * @example
 * readAllResponseSchema.parse({ updated: 3 });
 */
export const readAllResponseSchema = z.object({ updated: z.number().int().describe('How many notifications were unread and are read now.') });
