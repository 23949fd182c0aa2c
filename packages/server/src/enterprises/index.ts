import { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';

/**
 * Builds the router of the enterprises resource.
 * @example
 * api.use(createEnterprisesRouter(deps, registry));
 */
export function createEnterprisesRouter(_deps: AppDeps, _registry: RouteRegistry): Router {
  return Router();
}
