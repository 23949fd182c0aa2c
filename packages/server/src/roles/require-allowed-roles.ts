import { HttpError } from '../http/http-error.js';
import type { UnionRoles } from './schemas.js';

function quoted(ids: readonly string[]): string {
  return ids.map((id) => JSON.stringify(id)).join(', ');
}

/**
 * Refuses with 400 UNKNOWN_ROLE any role the union's staff may not hold: neither built in nor
 * declared by a workflow of the union or a union above it. Roles in `kept` (those the user holds
 * already) pass, so that an account whose custom role's workflow has since gone can still be edited.
 * The message quotes the roles refused, lists those the union may use and says where custom roles
 * come from.
 * @example
 * requireAllowedRoles(await findUnionRoles(trx, caller, 'chalu'), ['chamber_mediator']); // throws: chalu declares no such role
 */
export function requireAllowedRoles(union: UnionRoles, roles: readonly string[], kept: readonly string[] = []): void {
  const allowed = new Set(union.roles.map((role) => role.id));
  const refused = [...new Set(roles)].filter((role) => !allowed.has(role) && !kept.includes(role));
  if (refused.length === 0) return;
  const builtIn = union.roles.filter((role) => role.builtIn).map((role) => role.id);
  const custom = union.roles.filter((role) => !role.builtIn).map((role) => role.id);
  const which = refused.length === 1 ? `The role ${quoted(refused)} is` : `The roles ${quoted(refused)} are`;
  const customText = custom.length > 0 ? `the custom roles ${custom.join(', ')}` : 'no custom roles yet';
  throw new HttpError(
    400,
    'UNKNOWN_ROLE',
    `${which} not a role of union ${JSON.stringify(union.tenantId)}: its staff may hold the built-in roles ${builtIn.join(', ')} and ${customText}. ` +
      `A custom role comes from a workflow of this union or a union above it: declare it in the workflow designer (流程设置 → 自定义角色, "roles" in the definition), then give it here. GET /api/roles?tenantId=${union.tenantId} lists the roles.`,
    { roles: refused, tenantId: union.tenantId, allowed: [...allowed] },
  );
}
