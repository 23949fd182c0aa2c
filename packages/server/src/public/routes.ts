import { Router, type ErrorRequestHandler, type Request } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../app/app-deps.js';
import { HttpError } from '../http/http-error.js';
import { parseListQuery, setContentRange } from '../http/list-query.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { DISCLOSURE_SORTABLE } from './disclosure-repository.js';
import { publicDisclosures } from './disclosure-service.js';
import { createPublicFollowUpService } from './follow-up-service.js';
import { createPublicIntakeService } from './intake-service.js';
import { publicRateLimits } from './public-rate-limits.js';
import {
  disclosureFilterSchema,
  disclosureQuerySchema,
  disclosureSchema,
  filedMatterSchema,
  fileMatterBodySchema,
  publicMatterSchema,
  ratingBodySchema,
  trackingCodeParams,
  unionsResponseSchema,
} from './schemas.js';
import { unionDirectory } from './union-directory.js';

const TAG = 'public';

// A public key is as good as a tracking code while it can replay a filing: it must not be guessable.
function idempotencyKey(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{16,200}$/.test(key)) {
    throw new HttpError(400, 'INVALID_IDEMPOTENCY_KEY', `The Idempotency-Key header ${JSON.stringify(key.slice(0, 220))} is not valid; send 16 to 200 visible ASCII characters, e.g. a new random UUID per matter.`);
  }
  return key;
}

/**
 * Mounts the workers' public routes, which need no account and are rate-limited per IP: the union
 * tree with each union's public forms, filing a matter (named or anonymous, answered with a
 * tracking code once), the status and the rating by tracking code, and the result list.
 * @example
 * api.use(createPublicRoutes(deps, registry)); // before authentication
 */
export function createPublicRoutes(deps: AppDeps, registry: RouteRegistry): Router {
  const router = Router();
  const intake = createPublicIntakeService(deps);
  const followUp = createPublicFollowUpService(deps);
  router.use(publicRateLimits(deps.options.publicRateLimits));

  defineRoute(router, registry, { method: 'get', path: '/public/unions', summary: 'The union tree and the public forms each union takes (no account)', tag: TAG, auth: false, response: unionsResponseSchema, errors: [429] }, async () =>
    unionDirectory(deps.db),
  );

  defineRoute(
    router,
    registry,
    { method: 'post', path: '/public/matters', summary: 'File a matter, named or anonymous; answers the tracking code once (Idempotency-Key: a retry gets a new code for the same matter)', tag: TAG, auth: false, body: fileMatterBodySchema, response: filedMatterSchema, status: 201, errors: [422, 429] },
    async ({ body, req, res }) => {
      const filed = await intake.file(body, idempotencyKey(req));
      if (filed.replayed) res.setHeader('Idempotent-Replayed', 'true');
      // The answer holds the only copy of the code: no cache may keep it.
      res.setHeader('Cache-Control', 'no-store');
      return filed.body;
    },
  );

  defineRoute(router, registry, { method: 'get', path: '/public/matters/:code', summary: 'A matter by tracking code: state, public timeline, answer, rating (no personal fields)', tag: TAG, auth: false, params: trackingCodeParams, response: publicMatterSchema, errors: [429] }, async ({ params, res }) => {
    res.setHeader('Cache-Control', 'no-store');
    return followUp.show(params.code);
  });

  defineRoute(
    router,
    registry,
    { method: 'post', path: '/public/matters/:code/rating', summary: "The worker's follow-up rating: 3-5 archives, 1-2 with a comment reopens; 409 when no rating is awaited", tag: TAG, auth: false, params: trackingCodeParams, body: ratingBodySchema, response: publicMatterSchema, errors: [409, 422, 429] },
    async ({ params, body, res }) => {
      res.setHeader('Cache-Control', 'no-store');
      return followUp.rate(params.code, body);
    },
  );

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/public/disclosures', summary: 'The public result list (结果公示): anonymised closed matters of workflows that opt in (react-admin: sort, range, filter; Content-Range)', tag: TAG, auth: false, query: disclosureQuerySchema, response: z.array(disclosureSchema), errors: [429] },
    async ({ query, res }) => {
      const list = parseListQuery(query, { sortable: DISCLOSURE_SORTABLE, defaultSort: ['closedOn', 'DESC'], filters: disclosureFilterSchema });
      const { rows, total } = await publicDisclosures(deps.db, deps.engine, query.unionId, list);
      setContentRange(res, 'disclosures', list.range.start, list.range.start + rows.length - 1, total);
      return rows;
    },
  );

  // A code that is not valid percent-encoding fails in the router before any handler: answer it
  // as bad input of this router rather than let it reach the error middleware as an unknown error.
  router.use(((error, _req, _res, next) => {
    next(error instanceof URIError ? new HttpError(400, 'MALFORMED_URL', `The URL is not valid: ${error.message}; percent-encode the tracking code (encodeURIComponent).`) : error);
  }) as ErrorRequestHandler);

  return router;
}
