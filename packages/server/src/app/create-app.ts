import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { Router, type Express, type RequestHandler } from 'express';
import { sql } from 'kysely';
import { authenticate, createCallerResolver, signIn } from '../auth/authenticate.js';
import { createCallerCache } from '../auth/caller-cache.js';
import { createAgenciesRouter } from '../agencies/index.js';
import { createAttachmentUploadParser, createCaseRowCache, createCasesRouter } from '../cases/index.js';
import { DEFAULT_CASE_CACHE_SIZE } from '../config/server-config.js';
import { createEnterprisesRouter } from '../enterprises/index.js';
import { createMetricsRouter } from '../metrics/index.js';
import { createRiskRouter } from '../risk/index.js';
import { errorMiddleware } from '../http/error-middleware.js';
import { HttpError } from '../http/http-error.js';
import { createRouteLane } from '../http/route-lane.js';
import { createRouteRegistry, type RouteRegistry } from '../http/route-registry.js';
import { createNotificationsRouter } from '../notifications/index.js';
import { createOutboxRouter } from '../outbox/index.js';
import { createPublicRouter } from '../public/index.js';
import { createPublicReferralsRouter, createReferralsRouter } from '../referrals/index.js';
import { createSessionsRouter } from '../sessions/index.js';
import { createTenantsRouter } from '../tenants/index.js';
import { createTestClockRoutes } from '../test-clock/index.js';
import { createUsersRouter } from '../users/index.js';
import { createRolesRouter } from '../roles/index.js';
import { createWorkflowsRouter } from '../workflows/index.js';
import type { AppDeps } from './app-deps.js';

/** How long a token's caller is remembered; sign-outs and user changes made through another process take this long to reach this one. */
const CALLER_CACHE_MS = 5000;

// Express matches paths case-insensitively, and so do these.
const PUBLIC_PATHS = /^\/public(\/|$)/i;
const AUTH_PATHS = /^\/auth(\/|$)/i;
/** The largest JSON body the API reads (attachments aside). */
const JSON_LIMIT_BYTES = 1024 * 1024;

// Every authenticated request would otherwise walk through each layer of the public routers in
// front of authentication (their rate limits, body parsers and a path match per route).
function onlyUnder(paths: RegExp, router: RequestHandler): RequestHandler {
  const guarded: RequestHandler = (req, res, next) => {
    if (paths.test(req.path)) void router(req, res, next);
    else next();
  };
  // The router's routes stay visible to whatever walks the app's stack (the API document's test does).
  return Object.assign(guarded, { stack: (router as RequestHandler & { stack?: unknown }).stack });
}

/**
 * The Express app with its route registry (for the OpenAPI document).
 * @example
 * const { app, registry } = createApp(deps);
 */
export interface ShuoshiApp {
  app: Express;
  registry: RouteRegistry;
}

/**
 * Builds the HTTP app without listening: health checks, the public routes, then every resource
 * behind authentication, the admin panel when built, and one error middleware.
 * @example
 * const { app } = createApp(deps);
 * app.listen(3000);
 */
export function createApp(given: AppDeps): ShuoshiApp {
  // One cache of each per app: callers shared by authentication and the services that sign out or
  // change users; case rows shared by the services that read and step cases.
  const deps: AppDeps = {
    ...given,
    callerCache: given.callerCache ?? createCallerCache({ ttlMs: CALLER_CACHE_MS }),
    caseCache: given.caseCache ?? createCaseRowCache({ maxEntries: given.config?.SHUOSHI_CASE_CACHE_SIZE ?? DEFAULT_CASE_CACHE_SIZE }),
  };
  const app = express();
  const registry = createRouteRegistry();
  app.disable('x-powered-by');
  // API answers change with every step; hashing each body for an ETag only costs time.
  app.set('etag', false);
  app.set('trust proxy', 'loopback');

  const jsonBody = express.json({ limit: JSON_LIMIT_BYTES });
  // Sessions end on real time (see the sessions service), whatever a test clock says.
  const resolveCaller = createCallerResolver(deps.db, deps.tokens, () => new Date(), deps.callerCache);
  const authenticateCaller = authenticate(resolveCaller);
  const cases = createCasesRouter(deps, registry);
  // The busiest request of all, an event on a case, is answered on its own lane, past the routers
  // and the body parser: the same body rules, authentication, route and error middleware as
  // through the API router below, which answers whatever the lane does not take.
  app.use(createRouteLane({ prefix: '/api', route: cases.sendEvent, before: (req, res) => signIn(resolveCaller, req, res), limitBytes: JSON_LIMIT_BYTES }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await sql`select 1`.execute(deps.db);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  const api = Router();
  // Attachments carry base64 files larger than any other body, so their route parses first.
  api.use(createAttachmentUploadParser(deps));
  // An agency answers its referral through a signed link, no account; replies carry files, so it parses its own bodies.
  api.use(onlyUnder(PUBLIC_PATHS, createPublicReferralsRouter(deps, registry)));
  api.use(jsonBody);
  // Public routes first: signing in needs no token.
  api.use(onlyUnder(AUTH_PATHS, createSessionsRouter(deps, registry)));
  api.use(onlyUnder(PUBLIC_PATHS, createPublicRouter(deps, registry)));
  api.get('/openapi.json', (_req, res, next) => {
    import('../openapi/index.js')
      .then(({ buildOpenApiDocument }) => res.json(buildOpenApiDocument(registry)))
      .catch(next);
  });
  // Moving the clock exists only on a server started in test mode.
  if (deps.options.testMode) api.use(createTestClockRoutes(deps, registry));
  api.use(authenticateCaller);
  // Cases first: each router passed costs a match.
  api.use(cases.all);
  api.use(createTenantsRouter(deps, registry));
  api.use(createUsersRouter(deps, registry));
  api.use(createRolesRouter(deps, registry));
  api.use(createAgenciesRouter(deps, registry));
  api.use(createEnterprisesRouter(deps, registry));
  api.use(createWorkflowsRouter(deps, registry));
  api.use(createReferralsRouter(deps, registry));
  api.use(createMetricsRouter(deps, registry));
  api.use(createRiskRouter(deps, registry));
  api.use(createNotificationsRouter(deps, registry));
  api.use(createOutboxRouter(deps, registry));
  api.use((req, _res, next) => {
    next(new HttpError(404, 'NOT_FOUND', `There is no API route ${req.method} /api${req.path}; see /api/openapi.json for the routes.`));
  });
  app.use('/api', api);

  const adminDist = deps.options.adminDist ? resolve(deps.options.adminDist) : undefined;
  if (adminDist && existsSync(adminDist)) {
    app.use(express.static(adminDist));
    app.get('/{*splat}', (_req, res) => res.sendFile(resolve(adminDist, 'index.html')));
  }
  app.use(errorMiddleware(deps.logger));
  return { app, registry };
}
