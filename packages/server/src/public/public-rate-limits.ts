import type { RequestHandler } from 'express';
import type { AppDeps } from '../app/app-deps.js';
import { rateLimit } from '../http/rate-limit.js';

/**
 * The per-IP limits of the public routes when AppDeps options set none: reads of the union tree
 * and the result list (`read`), look-ups by tracking code (`lookup`, tighter: each is a guess at
 * a code), and filings and ratings (`write`, tightest). A factory behind one address shares them.
 * @example
 * DEFAULT_PUBLIC_RATE_LIMITS.write; // { limit: 10, windowMs: 60_000 }
 */
export const DEFAULT_PUBLIC_RATE_LIMITS = {
  read: { limit: 120, windowMs: 60_000 },
  lookup: { limit: 30, windowMs: 60_000 },
  write: { limit: 10, windowMs: 60_000 },
} as const;

const OWN_PATHS = /^\/public\/(unions|matters|disclosures)(\/|$)/;

/**
 * One middleware that applies the right limit to each public route of this folder (POST: write;
 * GET /public/matters/...: lookup; other reads: read) and lets every other path through. A
 * middleware rather than per-route handlers, so each route stays one documented layer.
 * @example
 * router.use(publicRateLimits(deps.options.publicRateLimits));
 */
export function publicRateLimits(options: AppDeps['options']['publicRateLimits'] = {}): RequestHandler {
  const write = rateLimit({ name: 'public-write', ...DEFAULT_PUBLIC_RATE_LIMITS.write, ...options.write });
  const lookup = rateLimit({ name: 'public-lookup', ...DEFAULT_PUBLIC_RATE_LIMITS.lookup, ...options.lookup });
  const read = rateLimit({ name: 'public-read', ...DEFAULT_PUBLIC_RATE_LIMITS.read, ...options.read });
  return (req, res, next) => {
    if (!OWN_PATHS.test(req.path)) {
      next();
      return;
    }
    if (req.method === 'POST') write(req, res, next);
    else if (req.path.startsWith('/public/matters')) lookup(req, res, next);
    else read(req, res, next);
  };
}
