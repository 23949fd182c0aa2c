import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf } from '../auth/authenticate.js';
import { listQuerySchema, parseListQuery, setContentRange } from '../http/list-query.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { NOTIFICATION_SORTABLE } from './repository.js';
import { notificationFilterSchema, notificationIdParams, notificationSchema, readAllResponseSchema } from './schemas.js';
import { createNotificationsService } from './service.js';

/**
 * Builds the notifications routes: the caller's own in-app notifications, mark one or all read.
 * @example
 * api.use(createNotificationsRoutes(deps, registry));
 */
export function createNotificationsRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  const service = createNotificationsService(deps);
  const tag = 'notifications';

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/notifications', summary: 'List your own in-app notifications, newest first (filter: read, caseId, reason, id)', tag, query: listQuerySchema, response: z.array(notificationSchema) },
    async ({ query, res }) => {
      const list = parseListQuery(query, { sortable: NOTIFICATION_SORTABLE, defaultSort: ['createdAt', 'DESC'], filters: notificationFilterSchema });
      const { rows, total } = await service.list(callerOf(res), list);
      setContentRange(res, 'notifications', list.range.start, list.range.start + rows.length - 1, total);
      return rows;
    },
  );
  // Declared before /:id/read so that "read-all" is never taken for an id.
  defineRoute(router, registry, { method: 'post', path: '/notifications/read-all', summary: 'Mark all your notifications read', tag, response: readAllResponseSchema }, async ({ res }) => service.markAllRead(callerOf(res)));
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/notifications/:id/read', summary: 'Mark one of your notifications read (it keeps the first time it was read)', tag, params: notificationIdParams, response: notificationSchema },
    async ({ params, res }) => service.markRead(callerOf(res), params.id),
  );
  return router;
}
