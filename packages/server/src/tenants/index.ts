import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createTenantsRoutes } from './routes.js';

/**
 * Builds the router of the tenants resource: GET/POST /tenants, GET/PATCH /tenants/:id.
 * @example
 * api.use(createTenantsRouter(deps, registry));
 */
export function createTenantsRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createTenantsRoutes(deps, registry);
}
