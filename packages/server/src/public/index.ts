import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createPublicRoutes } from './routes.js';

/**
 * Builds the router of the workers' public routes under /api/public (unions, matters, rating,
 * disclosures); mount it before authentication.
 * @example
 * api.use(createPublicRouter(deps, registry));
 */
export function createPublicRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createPublicRoutes(deps, registry);
}
export { DEFAULT_PUBLIC_RATE_LIMITS } from './public-rate-limits.js';
export { generateTrackingCode, hashTrackingCode, normaliseTrackingCode, workerActor } from './tracking-code.js';
