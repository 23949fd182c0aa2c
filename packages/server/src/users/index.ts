import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createUsersRoutes } from './routes.js';

/**
 * Builds the router of the users resource: GET/POST /users, GET/PATCH /users/:id.
 * @example
 * api.use(createUsersRouter(deps, registry));
 */
export function createUsersRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createUsersRoutes(deps, registry);
}
