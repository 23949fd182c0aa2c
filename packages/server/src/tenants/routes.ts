import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf } from '../auth/authenticate.js';
import { listQuerySchema, parseListQuery, setContentRange } from '../http/list-query.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { TENANT_SORTABLE } from './repository.js';
import { createTenantSchema, idParamsSchema, tenantFilterSchema, tenantSchema, updateTenantSchema } from './schemas.js';
import { createTenantsService } from './service.js';

/**
 * Builds the tenants routes: list, show, create and rename unions of the caller's subtree.
 * @example
 * api.use(createTenantsRoutes(deps, registry));
 */
export function createTenantsRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  const service = createTenantsService(deps);
  const tag = 'tenants';

  defineRoute(router, registry, { method: 'get', path: '/tenants', summary: 'List the unions of your subtree (filter: id, q, level, parentId)', tag, query: listQuerySchema, response: z.array(tenantSchema) }, async ({ query, res }) => {
    const list = parseListQuery(query, { sortable: TENANT_SORTABLE, defaultSort: ['path', 'ASC'], filters: tenantFilterSchema });
    const { rows, total } = await service.list(callerOf(res), list);
    setContentRange(res, 'tenants', list.range.start, list.range.start + rows.length - 1, total);
    return rows;
  });
  defineRoute(router, registry, { method: 'get', path: '/tenants/:id', summary: 'Show a union', tag, params: idParamsSchema, response: tenantSchema }, async ({ params, res }) => service.show(callerOf(res), params.id));
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/tenants', summary: 'Create a union below one you administer (county or township admin)', tag, body: createTenantSchema, response: tenantSchema, status: 201, errors: [403, 409] },
    async ({ body, res }) => service.create(callerOf(res), body),
  );
  defineRoute(
    router,
    registry,
    { method: 'patch', path: '/tenants/:id', summary: 'Rename a union (county or township admin)', tag, params: idParamsSchema, body: updateTenantSchema, response: tenantSchema, errors: [403] },
    async ({ params, body, res }) => service.update(callerOf(res), params.id, body),
  );
  return router;
}
