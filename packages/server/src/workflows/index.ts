import { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';

/**
 * Builds the router of the workflows resource.
 * @example
 * api.use(createWorkflowsRouter(deps, registry));
 */
export function createWorkflowsRouter(_deps: AppDeps, _registry: RouteRegistry): Router {
  return Router();
}
