import { BUILTIN_ROLES, PSEUDO_ROLES } from '@shuoshi/engine';
import { z } from 'zod';
import type { Caller } from '../auth/caller.js';
import { HttpError } from '../http/http-error.js';

/**
 * Roles that administer unions, staff, agencies and enterprises.
 * @example
 * requireRole(caller, ADMIN_ROLES, 'create a union');
 */
export const ADMIN_ROLES: readonly string[] = ['county_admin', 'township_admin'];

// What a role id looks like (the workflow language's identifiers); whether a union may use it is
// the service's check (requireAllowedRoles), since custom roles come from the union's workflows.
const ROLE_ID = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Zod schema of a staff role's id: a built-in role or a custom one declared by a workflow (lower
 * snake case), never a pseudo role (worker, agency, system), who act without accounts.
 * @example
 * staffRoleSchema.parse('chamber_mediator');
 */
export const staffRoleSchema = z
  .string({ error: 'A role is a string, e.g. "mediator".' })
  .regex(ROLE_ID, {
    error: (issue) => `Role ${JSON.stringify(issue.input)} is not a role id: use a built-in role (${BUILTIN_ROLES.join(', ')}) or a custom role declared by a workflow, in lower snake case, e.g. "chamber_mediator".`,
  })
  .refine((role) => !(PSEUDO_ROLES as readonly string[]).includes(role), {
    error: (issue) => `Role ${JSON.stringify(issue.input)} is not a staff role: workers, agencies and the system act without accounts; use one of ${BUILTIN_ROLES.join(', ')} or a custom role.`,
  })
  .describe('A built-in role, or a custom role declared by a workflow of the union or a union above it (GET /roles lists them).');

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
