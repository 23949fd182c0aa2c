import { Router } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import { callerOf, createCallerResolver, signIn } from '../auth/authenticate.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { createSessionsService } from './service.js';
import { loginBodySchema, loginResponseSchema, sessionUserSchema } from './schemas.js';

/**
 * Builds the sessions router: login is public; logout and me authenticate themselves, since
 * this router is mounted before the API's authentication.
 * @example
 * api.use(createSessionsRoutes(deps, registry));
 */
export function createSessionsRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  const service = createSessionsService(deps);
  const resolveCaller = createCallerResolver(deps.db, deps.tokens, () => new Date(), deps.callerCache);
  // Runs the API's authentication inside a route, so the route stays one documented layer.
  const signedIn = async (req: { headers: { authorization?: string | undefined } }, res: { locals: Record<string, unknown> }) => signIn(resolveCaller, req, res);

  defineRoute(
    router,
    registry,
    { method: 'post', path: '/auth/login', summary: 'Sign in with username and password', tag: 'auth', auth: false, body: loginBodySchema, response: loginResponseSchema, errors: [401, 429] },
    async ({ body, req, res }) => {
      try {
        return await service.login({ username: body.username, password: body.password, ip: req.ip ?? req.socket.remoteAddress ?? 'unknown' });
      } catch (error) {
        const wait = (error as { details?: { retryAfterSeconds?: unknown } }).details?.retryAfterSeconds;
        if (typeof wait === 'number') res.setHeader('Retry-After', String(wait));
        throw error;
      }
    },
  );

  defineRoute(router, registry, { method: 'post', path: '/auth/logout', summary: 'Sign out: revoke the current session', tag: 'auth', status: 204 }, async ({ req, res }) => {
    await signedIn(req, res);
    await service.logout(callerOf(res));
    return undefined;
  });

  defineRoute(router, registry, { method: 'get', path: '/auth/me', summary: 'The signed-in user and their union', tag: 'auth', response: sessionUserSchema }, async ({ req, res }) => {
    await signedIn(req, res);
    return service.me(callerOf(res));
  });

  return router;
}
