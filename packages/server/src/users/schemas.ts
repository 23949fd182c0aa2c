import { z } from 'zod';
import { containsNul, idFilterSchema, NUL_MESSAGE } from '../http/list-query.js';
import { staffRoleSchema } from './staff-roles.js';

const usernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    error: (issue) => `Username ${JSON.stringify(issue.input)} is not valid: use 3-64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit, e.g. "chalu.wang".`,
  });
const displayNameSchema = z.string().trim().min(1, { error: 'The display name may not be empty.' }).max(100);
const passwordSchema = z
  .string()
  .min(8, { error: 'The password must have at least 8 characters.' })
  .max(256, { error: 'The password may have at most 256 characters.' });
const rolesSchema = z
  .array(staffRoleSchema)
  .min(1, { error: 'Give the user at least one role, e.g. ["mediator"].' })
  .max(8)
  .transform((roles) => [...new Set(roles)]);

/**
 * Zod schema of a user as the API answers it (never the password hash).
 * @example
 * userSchema.parse(response.body);
 */
export const userSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});

/**
 * A user as the API answers it.
 * @example
 * const user: User = await users.show(caller, id);
 */
export type User = z.infer<typeof userSchema>;

/**
 * Zod schema of the body that creates a user (in the caller's union unless `tenantId` names
 * one in the caller's subtree).
 * @example
 * createUserSchema.parse({ username: 'chalu.wang', displayName: '王调解', password: 'at-least-8', roles: ['mediator'] });
 */
export const createUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
  roles: rolesSchema,
  tenantId: z.string().min(1).max(200).optional(),
})
  .refine((body) => !containsNul(body), { error: NUL_MESSAGE });

/**
 * Zod schema of the body that changes a user: name, roles, password, or `active: false` to
 * disable the account.
 * @example
 * updateUserSchema.parse({ active: false });
 */
export const updateUserSchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    roles: rolesSchema.optional(),
    password: passwordSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: 'Send at least one of displayName, roles, password, active.' })
  .refine((body) => !containsNul(body), { error: NUL_MESSAGE });

/**
 * Zod schema of the users list's filter.
 * @example
 * userFilterSchema.parse({ tenantId: 'chalu', role: 'mediator' });
 */
export const userFilterSchema = z.strictObject({
  id: idFilterSchema.optional(),
  q: z.string().max(200).optional(),
  tenantId: z.string().max(200).optional(),
  role: staffRoleSchema.optional(),
  active: z.boolean().optional(),
});

/**
 * Zod schema of the `:id` path parameter.
 * @example
 * idParamsSchema.parse({ id: 'chalu.mediator' });
 */
export const idParamsSchema = z.object({ id: z.string().min(1).max(200).refine((id) => !containsNul(id), { error: NUL_MESSAGE }) });
