import type { RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import type { Caller } from './caller.js';
import type { CallerCache } from './caller-cache.js';
import type { TokenSigner } from './tokens.js';

const BEARER = /^Bearer (.+)$/i;

/**
 * Turns an Authorization header into the caller it signs in, or throws a 401 HttpError. A caller
 * the cache remembers comes back at once (no promise), the rest after a look-up.
 * @example
 * const caller = await resolveCaller(req.headers.authorization);
 */
export type CallerResolver = (authorization: string | undefined) => Caller | Promise<Caller>;

function signInFirst(): HttpError {
  return new HttpError(401, 'UNAUTHENTICATED', 'Sign in first: send "Authorization: Bearer <token>" with the token from POST /api/auth/login (it may have expired).');
}

/**
 * Resolves bearer tokens to callers (active user, live session); a caller found is remembered in
 * `cache` for a few seconds (see createCallerCache).
 * @example
 * const resolveCaller = createCallerResolver(db, tokens, () => new Date(), createCallerCache({ ttlMs: 5000 }));
 */
export function createCallerResolver(db: Kysely<Database>, tokens: TokenSigner, now: () => Date, cache?: CallerCache): CallerResolver {
  async function lookUp(token: string | undefined): Promise<Caller> {
    const claims = token ? await tokens.verify(token) : undefined;
    if (!claims) throw signInFirst();
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', (join) => join.onRef('users.tenant_id', '=', 'sessions.tenant_id').onRef('users.user_id', '=', 'sessions.user_id'))
      .innerJoin('tenants', 'tenants.tenant_id', 'users.tenant_id')
      .select(['users.user_id', 'users.username', 'users.display_name', 'users.roles', 'users.active', 'users.tenant_id', 'tenants.path', 'sessions.expires_at', 'sessions.revoked_at', 'sessions.session_id'])
      .where('sessions.tenant_id', '=', claims.tenantId)
      .where('sessions.session_id', '=', claims.sessionId)
      .executeTakeFirst();
    if (!row || row.revoked_at !== null || row.expires_at.getTime() <= now().getTime() || !row.active) {
      throw new HttpError(401, 'UNAUTHENTICATED', 'Your session has ended (signed out, expired or the account was disabled); sign in again.');
    }
    const caller: Caller = {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      tenantId: row.tenant_id,
      tenantPath: row.path,
      roles: row.roles,
      sessionId: row.session_id,
    };
    if (token) cache?.set(token, caller, row.expires_at);
    return caller;
  }

  return (authorization) => {
    const token = BEARER.exec(authorization ?? '')?.[1];
    const cached = token ? cache?.get(token, now()) : undefined;
    return cached ?? lookUp(token);
  };
}

/**
 * Signs a request in: the caller of its Authorization header goes to `res.locals.caller`; without
 * one, the request ends in a 401 that says how to sign in. Resolves when the caller is set.
 * @example
 * await signIn(resolveCaller, req, res);
 */
export function signIn(resolve: CallerResolver, req: { headers: { authorization?: string | undefined } }, res: { locals: Record<string, unknown> }): void | Promise<void> {
  const caller = resolve(req.headers.authorization);
  if (!(caller instanceof Promise)) {
    res.locals['caller'] = caller;
    return undefined;
  }
  return caller.then((found) => {
    res.locals['caller'] = found;
  });
}

/**
 * The middleware that signs every request in (see signIn); anything else is a 401.
 * @example
 * router.use(authenticate(createCallerResolver(db, tokens, () => new Date(), cache)));
 */
export function authenticate(resolve: CallerResolver): RequestHandler {
  return (req, res, next) => {
    try {
      const pending = signIn(resolve, req, res);
      if (pending) pending.then(() => next(), next);
      else next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * Reads the caller that `authenticate` resolved; a route without one is a programming error.
 * @example
 * const caller = callerOf(res);
 */
export function callerOf(res: { locals: Record<string, unknown> }): Caller {
  const caller = res.locals['caller'] as Caller | undefined;
  if (!caller) throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in first.');
  return caller;
}
