import { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf } from '../auth/authenticate.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { metricsCsvRows, sendCsv, toCsv, townshipsCsvRows, trendCsvRows } from './metrics-csv.js';
import { createMetricsService } from './metrics-service.js';
import { metricsQuerySchema, metricsSchema, townshipsSchema, trendQuerySchema, trendSchema } from './schemas.js';

const TAG = 'metrics';

/**
 * Builds the metrics routes: the figures of a union's subtree, the ranked table of its child
 * unions and the monthly trend, each as JSON or CSV (`format=csv` or the `.csv` path).
 * @example
 * api.use(createMetricsRoutes(deps, registry));
 */
export function createMetricsRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  const service = createMetricsService(deps);

  for (const csvPath of [false, true]) {
    const path = csvPath ? '/metrics.csv' : '/metrics';
    defineRoute(
      router,
      registry,
      { method: 'get', path, summary: csvPath ? 'The metrics as CSV (UTF-8 with BOM, for Excel)' : "The figures of a union's subtree for a period (see docs/metrics.md); format=csv for CSV", tag: TAG, query: metricsQuerySchema, ...(csvPath ? {} : { response: metricsSchema }) },
      async ({ query, res }) => {
        const { format, ...filters } = query;
        const metrics = await service.metrics(callerOf(res), filters);
        if (!csvPath && format !== 'csv') return metrics;
        sendCsv(res, `metrics-${metrics.tenant.id}-${metrics.period.from}-${metrics.period.to}.csv`, toCsv(metricsCsvRows(metrics)));
        return undefined;
      },
    );
  }

  for (const csvPath of [false, true]) {
    const path = csvPath ? '/metrics/townships.csv' : '/metrics/townships';
    defineRoute(
      router,
      registry,
      { method: 'get', path, summary: csvPath ? 'The townships table as CSV' : 'The direct child unions ranked on the main rates (the monthly 通报); format=csv for CSV', tag: TAG, query: metricsQuerySchema, ...(csvPath ? {} : { response: townshipsSchema }) },
      async ({ query, res }) => {
        const { format, ...filters } = query;
        const table = await service.townships(callerOf(res), filters);
        if (!csvPath && format !== 'csv') return table;
        sendCsv(res, `townships-${table.tenant.id}-${table.period.from}-${table.period.to}.csv`, toCsv(townshipsCsvRows(table)));
        return undefined;
      },
    );
  }

  for (const csvPath of [false, true]) {
    const path = csvPath ? '/metrics/trend.csv' : '/metrics/trend';
    defineRoute(
      router,
      registry,
      { method: 'get', path, summary: csvPath ? 'The monthly trend as CSV' : 'The main rates month by month up to the current month (months=12); format=csv for CSV', tag: TAG, query: trendQuerySchema, ...(csvPath ? {} : { response: trendSchema }) },
      async ({ query, res }) => {
        const { format, ...filters } = query;
        const trend = await service.trend(callerOf(res), filters);
        if (!csvPath && format !== 'csv') return trend;
        sendCsv(res, `trend-${trend.tenant.id}-${trend.months.length}m.csv`, toCsv(trendCsvRows(trend)));
        return undefined;
      },
    );
  }
  return router;
}
