import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createWorkflowsRoutes } from './routes.js';

export { registerPublishedWorkflows, ensureWorkflowRegistered, type RegistrationOutcome } from './register-published-workflows.js';

/**
 * Builds the router of the workflows resource (see routes.ts for the routes).
 * @example
 * api.use(createWorkflowsRouter(deps, registry));
 */
export function createWorkflowsRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createWorkflowsRoutes(deps, registry);
}
export { createWorkflowsService, type WorkflowsService } from './service.js';
export { knownAgencies, type HostAgency } from './repository.js';
