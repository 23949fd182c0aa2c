import type { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createMetricsRoutes } from './routes.js';

export { createMetricsService, type MetricsService } from './metrics-service.js';
export { resolvePeriod, monthlyPeriods, shanghaiDate, type MetricsPeriod } from './metrics-period.js';

/**
 * Builds the router of the metrics resource: GET /metrics, /metrics/townships, /metrics/trend (and their CSV).
 * @example
 * api.use(createMetricsRouter(deps, registry));
 */
export function createMetricsRouter(deps: AppDeps, registry: RouteRegistry): Router {
  return createMetricsRoutes(deps, registry);
}
