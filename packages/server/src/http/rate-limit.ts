import type { Request, RequestHandler } from 'express';
import { HttpError } from './http-error.js';

/**
 * How many requests a client may make in a window, and what makes requests the same client's.
 * @example
 * const options: RateLimitOptions = { name: 'public-intake', limit: 10, windowMs: 60_000 };
 */
export interface RateLimitOptions {
  /** Names the limit in the 429's details (one limiter per group of routes). */
  name: string;
  limit: number;
  windowMs: number;
  /** The client key; the remote address by default. */
  key?: (req: Request) => string;
  /** Milliseconds now (real time by default; the server's test clock must not lift limits). */
  now?: () => number;
}

/**
 * Limits requests per client in fixed windows; over the limit is a 429 RATE_LIMITED with a
 * Retry-After header. Counts live in this process and are dropped when their window ends.
 * @example
 * router.use('/public', rateLimit({ name: 'public', limit: 30, windowMs: 60_000 }));
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const { name, limit, windowMs } = options;
  const keyOf = options.key ?? ((req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown');
  const now = options.now ?? (() => Date.now());
  let windowStart = now();
  let counts = new Map<string, number>();
  return (req, res, next) => {
    const at = now();
    if (at - windowStart >= windowMs) {
      windowStart = at - ((at - windowStart) % windowMs);
      counts = new Map();
    }
    const key = keyOf(req);
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count <= limit) {
      next();
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - at) / 1000));
    res.setHeader('Retry-After', String(retryAfter));
    next(new HttpError(429, 'RATE_LIMITED', `Too many requests (${limit} per ${Math.round(windowMs / 1000)} s for "${name}"); wait ${retryAfter} seconds and try again.`, { limit: name, retryAfterSeconds: retryAfter }));
  };
}
