import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf } from '../auth/authenticate.js';
import { listQuerySchema, parseListQuery, setContentRange } from '../http/list-query.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { requireRole } from '../users/staff-roles.js';
import { OUTBOX_SORTABLE } from './repository.js';
import { outboxEntrySchema, outboxFilterSchema, outboxIdParams } from './schemas.js';
import { createOutboxService, OUTBOX_ROLES } from './service.js';

/**
 * Builds the outbox routes (county admin, township admin, supervisor): list and show deliveries
 * of the subtree, retry a failed or dead one.
 * @example
 * api.use(createOutboxRoutes(deps, registry));
 */
export function createOutboxRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  const service = createOutboxService(deps);
  const tag = 'outbox';

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/outbox',
      summary: 'List the deliveries of your subtree, newest first (filter: status incl. dead, type, caseId, tenantId, id; admins and supervisors)',
      tag,
      query: listQuerySchema,
      response: z.array(outboxEntrySchema),
      errors: [403],
    },
    async ({ query, res }) => {
      const caller = callerOf(res);
      // The role is checked before the query, so a role without access hears 403, not a 400 about its filter.
      requireRole(caller, OUTBOX_ROLES, 'read the outbox');
      const list = parseListQuery(query, { sortable: OUTBOX_SORTABLE, defaultSort: ['createdAt', 'DESC'], filters: outboxFilterSchema });
      const { rows, total } = await service.list(caller, list);
      setContentRange(res, 'outbox', list.range.start, list.range.start + rows.length - 1, total);
      return rows;
    },
  );
  defineRoute(router, registry, { method: 'get', path: '/outbox/:id', summary: 'Show a delivery (admins and supervisors)', tag, params: outboxIdParams, response: outboxEntrySchema, errors: [403] }, async ({ params, res }) =>
    service.show(callerOf(res), params.id),
  );
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/outbox/:id/retry', summary: 'Send a failed or dead delivery again now (admins and supervisors)', tag, params: outboxIdParams, response: outboxEntrySchema, errors: [403, 409] },
    async ({ params, res }) => service.retry(callerOf(res), params.id),
  );
  return router;
}
