import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf } from '../auth/authenticate.js';
import { listQuerySchema, parseListQuery, setContentRange } from '../http/list-query.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { ENTERPRISE_SORTABLE } from './repository.js';
import { createEnterpriseSchema, enterpriseFilterSchema, enterpriseSchema, idParamsSchema, updateEnterpriseSchema } from './schemas.js';
import { createEnterprisesService } from './service.js';

/**
 * Builds the enterprises routes: list, show, create, change and delete employers.
 * @example
 * api.use(createEnterprisesRoutes(deps, registry));
 */
export function createEnterprisesRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  const service = createEnterprisesService(deps);
  const tag = 'enterprises';

  defineRoute(router, registry, { method: 'get', path: '/enterprises', summary: 'List the enterprises of your subtree (filter: id, q, tenantId, industry, creditCode)', tag, query: listQuerySchema, response: z.array(enterpriseSchema) }, async ({ query, res }) => {
    const list = parseListQuery(query, { sortable: ENTERPRISE_SORTABLE, defaultSort: ['name', 'ASC'], filters: enterpriseFilterSchema });
    const { rows, total } = await service.list(callerOf(res), list);
    setContentRange(res, 'enterprises', list.range.start, list.range.start + rows.length - 1, total);
    return rows;
  });
  defineRoute(router, registry, { method: 'get', path: '/enterprises/:id', summary: 'Show an enterprise', tag, params: idParamsSchema, response: enterpriseSchema }, async ({ params, res }) => service.show(callerOf(res), params.id));
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/enterprises', summary: 'Create an enterprise (county or township admin, intake operator)', tag, body: createEnterpriseSchema, response: enterpriseSchema, status: 201, errors: [403, 409] },
    async ({ body, res }) => service.create(callerOf(res), body),
  );
  defineRoute(
    router,
    registry,
    { method: 'patch', path: '/enterprises/:id', summary: 'Change an enterprise (county or township admin, intake operator)', tag, params: idParamsSchema, body: updateEnterpriseSchema, response: enterpriseSchema, errors: [403, 409] },
    async ({ params, body, res }) => service.update(callerOf(res), params.id, body),
  );
  defineRoute(
    router,
    registry,
    { method: 'delete', path: '/enterprises/:id', summary: 'Delete an enterprise that no case names (county or township admin); answers the deleted record', tag, params: idParamsSchema, response: enterpriseSchema, errors: [403, 409] },
    async ({ params, res }) => service.remove(callerOf(res), params.id),
  );
  return router;
}
