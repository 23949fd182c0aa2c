import { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf } from '../auth/authenticate.js';
import { notFound } from '../http/http-error.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { findUnionRoles } from './repository.js';
import { rolesQuerySchema, unionRolesSchema } from './schemas.js';

/**
 * Builds the roles route: GET /roles, the roles a union's staff may hold (built in, and custom
 * roles declared by its workflows and those of the unions above it), for any signed-in user.
 * @example
 * api.use(createRolesRoutes(deps, registry));
 */
export function createRolesRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/roles',
      summary:
        'The roles staff of a union may hold: the built-in ones, and the custom roles declared (workflow designer: 自定义角色) by any version of a workflow of that union or a union above it, each with its title and the workflow versions declaring it; below=true adds those of the unions below',
      tag: 'roles',
      query: rolesQuerySchema,
      response: unionRolesSchema,
    },
    async ({ query, res }) => {
      const caller = callerOf(res);
      const tenantId = query.tenantId ?? caller.tenantId;
      const answer = await findUnionRoles(deps.db, caller, tenantId, { below: query.below === 'true' });
      if (!answer) throw notFound('union', tenantId);
      return answer;
    },
  );
  return router;
}
