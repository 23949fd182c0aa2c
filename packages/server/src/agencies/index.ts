import { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';

/**
 * Builds the router of the agencies resource.
 * @example
 * api.use(createAgenciesRouter(deps, registry));
 */
export function createAgenciesRouter(_deps: AppDeps, _registry: RouteRegistry): Router {
  return Router();
}
