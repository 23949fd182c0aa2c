import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf } from '../auth/authenticate.js';
import { listQuerySchema, parseListQuery, setContentRange } from '../http/list-query.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { USER_SORTABLE } from './repository.js';
import { createUserSchema, idParamsSchema, updateUserSchema, userFilterSchema, userSchema } from './schemas.js';
import { createUsersService } from './service.js';

/**
 * Builds the users routes: list, show, create and change staff accounts.
 * @example
 * api.use(createUsersRoutes(deps, registry));
 */
export function createUsersRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  const service = createUsersService(deps);
  const tag = 'users';

  defineRoute(router, registry, { method: 'get', path: '/users', summary: 'List the users of your subtree (filter: id, q, tenantId, role, active)', tag, query: listQuerySchema, response: z.array(userSchema) }, async ({ query, res }) => {
    const list = parseListQuery(query, { sortable: USER_SORTABLE, defaultSort: ['username', 'ASC'], filters: userFilterSchema });
    const { rows, total } = await service.list(callerOf(res), list);
    setContentRange(res, 'users', list.range.start, list.range.start + rows.length - 1, total);
    return rows;
  });
  defineRoute(router, registry, { method: 'get', path: '/users/:id', summary: 'Show a user', tag, params: idParamsSchema, response: userSchema }, async ({ params, res }) => service.show(callerOf(res), params.id));
  defineRoute(
    router,
    registry,
    { method: 'post', path: '/users', summary: 'Create a user (county or township admin); roles are built-in ones or custom roles the union may use (GET /roles), any other is a 400 UNKNOWN_ROLE', tag, body: createUserSchema, response: userSchema, status: 201, errors: [403, 409] },
    async ({ body, res }) => service.create(callerOf(res), body),
  );
  defineRoute(
    router,
    registry,
    { method: 'patch', path: '/users/:id', summary: 'Change a user: displayName, roles (as on create; roles the user holds already may stay), password, or active:false to disable (county or township admin)', tag, params: idParamsSchema, body: updateUserSchema, response: userSchema, errors: [403] },
    async ({ params, body, res }) => service.update(callerOf(res), params.id, body),
  );
  return router;
}
