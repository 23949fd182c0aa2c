import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf } from '../auth/authenticate.js';
import { listQuerySchema, parseListQuery, setContentRange } from '../http/list-query.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { RISK_SORTABLE } from './register-repository.js';
import { createRiskService } from './risk-service.js';
import { enterpriseIdParamsSchema, putRulesBodySchema, riskDetailSchema, riskEntrySchema, riskFilterSchema, ruleSetSchema, ruleTenantQuerySchema } from './schemas.js';

const TAG = 'risk-register';

/**
 * Builds the risk register routes: the list of enterprises with their colours, one enterprise
 * with its history, and each union's rules.
 * @example
 * api.use(createRiskRoutes(deps, registry));
 */
export function createRiskRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  const service = createRiskService(deps);

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/risk-register', summary: 'The enterprises of your subtree with their risk colours (filter: colour, tenantId (subtree), q, id; sort: colour = seriousness)', tag: TAG, query: listQuerySchema, response: z.array(riskEntrySchema) },
    async ({ query, res }) => {
      const list = parseListQuery(query, { sortable: RISK_SORTABLE, defaultSort: ['colour', 'DESC'], filters: riskFilterSchema });
      const { rows, total } = await service.list(callerOf(res), list);
      setContentRange(res, 'risk-register', list.range.start, list.range.start + rows.length - 1, total);
      return rows;
    },
  );
  // Before /:enterpriseId, which would otherwise take "rules" for an id.
  defineRoute(router, registry, { method: 'get', path: '/risk-register/rules', summary: "The risk rules that apply to a union's enterprises (yours unless tenantId) and whose they are", tag: TAG, query: ruleTenantQuerySchema, response: ruleSetSchema }, async ({ query, res }) =>
    service.rules(callerOf(res), query.tenantId),
  );
  defineRoute(
    router,
    registry,
    { method: 'put', path: '/risk-register/rules', summary: "Set a union's own risk rules (county or township admin); its enterprises are recomputed at once", tag: TAG, body: putRulesBodySchema, response: ruleSetSchema, errors: [403] },
    async ({ body, res }) => service.putRules(callerOf(res), body.tenantId, body.rules),
  );
  defineRoute(
    router,
    registry,
    { method: 'delete', path: '/risk-register/rules', summary: "Drop a union's own risk rules so it inherits those above it (county or township admin)", tag: TAG, query: ruleTenantQuerySchema, response: ruleSetSchema, errors: [403] },
    async ({ query, res }) => service.dropRules(callerOf(res), query.tenantId),
  );
  defineRoute(router, registry, { method: 'get', path: '/risk-register/:enterpriseId', summary: "An enterprise's risk colour, reasons, open cases and every change of colour", tag: TAG, params: enterpriseIdParamsSchema, response: riskDetailSchema }, async ({ params, res }) =>
    service.show(callerOf(res), params.enterpriseId),
  );
  return router;
}
