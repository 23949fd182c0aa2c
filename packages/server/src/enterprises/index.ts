import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createEnterprisesRoutes } from './routes.js';

/**
 * Builds the router of the enterprises resource: GET/POST /enterprises, GET/PATCH/DELETE /enterprises/:id.
 * @example
 * api.use(createEnterprisesRouter(deps, registry));
 */
export function createEnterprisesRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createEnterprisesRoutes(deps, registry);
}
