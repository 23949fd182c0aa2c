import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createRolesRoutes } from './routes.js';

export { BUILTIN_ROLE_TITLES } from './builtin-role-titles.js';
export { findUnionRoles } from './repository.js';
export { requireAllowedRoles } from './require-allowed-roles.js';
export { buildRoleCatalogue, type DeclaringWorkflow } from './role-catalogue.js';
export { roleEntrySchema, rolesQuerySchema, unionRolesSchema, type RoleEntry, type UnionRoles } from './schemas.js';

/**
 * Builds the router of the roles resource: GET /roles.
 * @example
 * api.use(createRolesRouter(deps, registry));
 */
export function createRolesRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createRolesRoutes(deps, registry);
}
