import { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';

/**
 * Builds the router of the sessions resource.
 * @example
 * api.use(createSessionsRouter(deps, registry));
 */
export function createSessionsRouter(_deps: AppDeps, _registry: RouteRegistry): Router {
  return Router();
}
