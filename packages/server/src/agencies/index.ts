import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createAgenciesRoutes } from './routes.js';

/**
 * Builds the router of the agencies resource: GET/POST /agencies, GET/PATCH/DELETE /agencies/:id.
 * @example
 * api.use(createAgenciesRouter(deps, registry));
 */
export function createAgenciesRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createAgenciesRoutes(deps, registry);
}
