import { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';

/**
 * Builds the router of the tenants resource.
 * @example
 * api.use(createTenantsRouter(deps, registry));
 */
export function createTenantsRouter(_deps: AppDeps, _registry: RouteRegistry): Router {
  return Router();
}
