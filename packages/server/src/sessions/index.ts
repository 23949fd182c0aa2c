import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createSessionsRoutes } from './routes.js';

/**
 * Builds the router of the sessions resource: POST /auth/login, POST /auth/logout, GET /auth/me.
 * @example
 * api.use(createSessionsRouter(deps, registry));
 */
export function createSessionsRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createSessionsRoutes(deps, registry);
}
