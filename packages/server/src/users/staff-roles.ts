import { BUILTIN_ROLES } from '@shuoshi/engine';
import { z } from 'zod';
import type { Caller } from '../auth/caller.js';
import { HttpError } from '../http/http-error.js';

/**
 * Roles that administer unions, staff, agencies and enterprises.
 * @example
 * requireRole(caller, ADMIN_ROLES, 'create a union');
 */
export const ADMIN_ROLES: readonly string[] = ['county_admin', 'township_admin'];

/**
 * Zod schema of a staff role: one of the eight built-in roles.
 * @example
 * staffRoleSchema.parse('mediator');
 */
export const staffRoleSchema = z.enum(BUILTIN_ROLES, {
  error: (issue) => `Role ${JSON.stringify(issue.input)} is not a staff role; use one of ${BUILTIN_ROLES.join(', ')}.`,
});

/**
 * Tells whether the caller holds at least one of the roles.
 * @example
 * if (hasRole(caller, ['county_admin'])) grantCountyAdmin();
 */
export function hasRole(caller: Pick<Caller, 'roles'>, roles: readonly string[]): boolean {
  return caller.roles.some((role) => roles.includes(role));
}

/**
 * Refuses with 403 FORBIDDEN unless the caller holds one of the roles; use it only once the
 * record is known to be visible (a foreign record is a 404 first).
 * @example
 * requireRole(caller, ADMIN_ROLES, 'change users');
 */
export function requireRole(caller: Pick<Caller, 'roles' | 'username'>, roles: readonly string[], action: string): void {
  if (hasRole(caller, roles)) return;
  throw new HttpError(403, 'FORBIDDEN', `Only ${roles.join(' or ')} may ${action}; ${JSON.stringify(caller.username)} has the roles ${caller.roles.join(', ') || '(none)'}. Ask an administrator of your union.`, { required: [...roles] });
}
