import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createCaseRoutes } from './routes.js';

export { createAttachmentUploadParser } from './routes.js';

/**
 * Builds the router of the cases resource.
 * @example
 * api.use(createCasesRouter(deps, registry));
 */
export function createCasesRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createCaseRoutes(deps, registry);
}
