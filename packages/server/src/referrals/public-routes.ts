import express, { Router, type RequestHandler } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import { attachmentTooLarge } from '../cases/attachments-service.js';
import { rateLimit } from '../http/rate-limit.js';
import { defineRoute, type RouteRegistry } from '../http/route-registry.js';
import { createPublicReferralsService, replyMaxBytes } from './public-service.js';
import { referralSettingsOf, type ReferralSettings } from './referral-settings.js';
import { publicAnswerSchema, publicReferralSchema, replyBodySchema, returnBodySchema, tokenParamsSchema } from './schemas.js';

const TAG = 'public referrals';
const VIEW_PATH = /^\/public\/referrals\/[^/]+\/?$/;
const REPLY_PATH = /^\/public\/referrals\/[^/]+\/reply\/?$/;
const RETURN_PATH = /^\/public\/referrals\/[^/]+\/return\/?$/;

function limits(settings: ReferralSettings): RequestHandler {
  const { windowMs, reads, writes } = settings.rateLimit;
  const view = rateLimit({ name: 'public-referral-view', limit: reads, windowMs });
  const reply = rateLimit({ name: 'public-referral-reply', limit: writes, windowMs });
  const back = rateLimit({ name: 'public-referral-return', limit: writes, windowMs });
  return (req, res, next) => {
    // Counted before anything is parsed or verified: guessing tokens costs the same as using one.
    if (req.method === 'GET' && VIEW_PATH.test(req.path)) view(req, res, next);
    else if (req.method === 'POST' && REPLY_PATH.test(req.path)) reply(req, res, next);
    else if (req.method === 'POST' && RETURN_PATH.test(req.path)) back(req, res, next);
    else next();
  };
}

function bodyParser(deps: Pick<AppDeps, 'options'>): RequestHandler {
  const maxBytes = replyMaxBytes(deps);
  // A reply carries base64 files (4/3 of their bytes): larger than the API's general 1 MB bodies.
  const parse = express.json({ limit: Math.ceil(maxBytes / 3) * 4 + 64 * 1024 });
  return (req, res, next) => {
    if (req.method !== 'POST' || !(REPLY_PATH.test(req.path) || RETURN_PATH.test(req.path))) {
      next();
      return;
    }
    parse(req, res, (error?: unknown) => {
      const status = (error as { status?: unknown } | undefined)?.status;
      next(status === 413 ? attachmentTooLarge(undefined, maxBytes) : error);
    });
  };
}

/**
 * Mounts the public referral routes an agency uses through its signed link, without an account
 * (mount it before authentication and before the API's 1 MB JSON parser): read the referral,
 * reply with text and files, send it back (退单). Every route is rate-limited per client.
 * @example
 * api.use(createPublicReferralsRouter(deps, registry));
 */
export function createPublicReferralsRouter(deps: AppDeps, registry: RouteRegistry, settings: ReferralSettings = referralSettingsOf(deps)): Router {
  const router = Router();
  const service = createPublicReferralsService(deps);
  router.use(limits(settings));
  router.use(bodyParser(deps));

  defineRoute(router, registry, { method: 'get', path: '/public/referrals/:token', summary: 'What an agency sees through its signed link (no personal fields); 401 when the link is altered or expired', tag: TAG, auth: false, params: tokenParamsSchema, response: publicReferralSchema, errors: [429] }, async ({ params }) =>
    service.view(params.token),
  );

  defineRoute(
    router,
    registry,
    { method: 'post', path: '/public/referrals/:token/reply', summary: "The agency's reply with files (base64): moves the case on; 409 when the referral no longer awaits a reply", tag: TAG, auth: false, params: tokenParamsSchema, body: replyBodySchema, response: publicAnswerSchema, errors: [409, 413, 422, 429] },
    async ({ params, body }) => service.reply(params.token, body),
  );

  defineRoute(
    router,
    registry,
    { method: 'post', path: '/public/referrals/:token/return', summary: 'The agency sends the referral back (退单) with its reason; 409 when it no longer awaits a reply', tag: TAG, auth: false, params: tokenParamsSchema, body: returnBodySchema, response: publicAnswerSchema, errors: [409, 422, 429] },
    async ({ params, body }) => service.returnReferral(params.token, body.reason),
  );

  return router;
}
