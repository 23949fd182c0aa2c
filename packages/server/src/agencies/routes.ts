import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf } from '../auth/authenticate.js';
import { listQuerySchema, parseListQuery, setContentRange } from '../http/list-query.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { AGENCY_SORTABLE } from './repository.js';
import { agencyFilterSchema, agencySchema, createAgencySchema, idParamsSchema, updateAgencySchema } from './schemas.js';
import { createAgenciesService } from './service.js';

/**
 * Builds the agencies routes: list, show, create, change and delete outside agencies.
 * @example
 * api.use(createAgenciesRoutes(deps, registry));
 */
export function createAgenciesRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  const service = createAgenciesService(deps);
  const tag = 'agencies';

  defineRoute(router, registry, { method: 'get', path: '/agencies', summary: 'List the agencies of your subtree (filter: id, q, tenantId, code)', tag, query: listQuerySchema, response: z.array(agencySchema) }, async ({ query, res }) => {
    const list = parseListQuery(query, { sortable: AGENCY_SORTABLE, defaultSort: ['code', 'ASC'], filters: agencyFilterSchema });
    const { rows, total } = await service.list(callerOf(res), list);
    setContentRange(res, 'agencies', list.range.start, list.range.start + rows.length - 1, total);
    return rows;
  });
  defineRoute(router, registry, { method: 'get', path: '/agencies/:id', summary: 'Show an agency', tag, params: idParamsSchema, response: agencySchema }, async ({ params, res }) => service.show(callerOf(res), params.id));
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/agencies', summary: 'Create an agency (county or township admin)', tag, body: createAgencySchema, response: agencySchema, status: 201, errors: [403, 409] },
    async ({ body, res }) => service.create(callerOf(res), body),
  );
  defineRoute(
    router,
    registry,
    { method: 'patch', path: '/agencies/:id', summary: 'Change an agency (county or township admin)', tag, params: idParamsSchema, body: updateAgencySchema, response: agencySchema, errors: [403, 409] },
    async ({ params, body, res }) => service.update(callerOf(res), params.id, body),
  );
  defineRoute(router, registry, { method: 'delete', path: '/agencies/:id', summary: 'Delete an agency (county or township admin); answers the deleted record', tag, params: idParamsSchema, response: agencySchema, errors: [403] }, async ({ params, res }) =>
    service.remove(callerOf(res), params.id),
  );
  return router;
}
