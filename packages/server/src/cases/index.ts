import { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';

/**
 * Builds the router of the cases resource.
 * @example
 * api.use(createCasesRouter(deps, registry));
 */
export function createCasesRouter(_deps: AppDeps, _registry: RouteRegistry): Router {
  return Router();
}
