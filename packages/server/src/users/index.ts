import { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';

/**
 * Builds the router of the users resource.
 * @example
 * api.use(createUsersRouter(deps, registry));
 */
export function createUsersRouter(_deps: AppDeps, _registry: RouteRegistry): Router {
  return Router();
}
