import { z } from 'zod';
import { containsNul, NUL_MESSAGE } from '../http/list-query.js';

/**
 * Zod schema of the login body.
 * @example
 * loginBodySchema.parse({ username: 'chalu.mediator', password: 'secret-1' });
 */
export const loginBodySchema = z.strictObject({
  username: z.string().trim().min(1, { error: 'Send your username, e.g. "chalu.mediator".' }).max(64),
  password: z.string().min(1, { error: 'Send your password.' }).max(256),
})
  .refine((body) => !containsNul(body), { error: NUL_MESSAGE });

/**
 * Zod schema of the union a signed-in user belongs to.
 * @example
 * tenantSummarySchema.parse({ id: 'chalu', name: { zh: '岔路镇总工会', en: 'Chalu Town Union' }, level: 'township', path: '/ninghai/chalu/' });
 */
export const tenantSummarySchema = z.object({
  id: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  level: z.enum(['county', 'township', 'park', 'enterprise', 'workstation']),
  path: z.string(),
});

/**
 * Zod schema of the signed-in user (login and `/auth/me`).
 * @example
 * sessionUserSchema.parse(body.user);
 */
export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  tenant: tenantSummarySchema,
});

/**
 * The signed-in user with their union.
 * @example
 * const user: SessionUser = { id: 'u1', username: 'chalu.mediator', displayName: '王调解', roles: ['mediator'], tenant };
 */
export type SessionUser = z.infer<typeof sessionUserSchema>;

/**
 * Zod schema of the login answer: the bearer token, when it expires and who signed in.
 * @example
 * loginResponseSchema.parse(response.body);
 */
export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.string().describe('ISO 8601 time the token and its session expire'),
  user: sessionUserSchema,
});

/**
 * The login answer.
 * @example
 * const { token } = (await login(body)) satisfies LoginResponse;
 */
export type LoginResponse = z.infer<typeof loginResponseSchema>;
