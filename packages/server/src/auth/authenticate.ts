import type { RequestHandler } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import type { Caller } from './caller.js';
import type { CallerCache } from './caller-cache.js';
import type { TokenSigner } from './tokens.js';

const BEARER = /^Bearer (.+)$/i;

/**
 * Resolves the Authorization bearer token to a caller (active user, live session) and keeps it
 * in `res.locals.caller`; anything else is a 401 that says how to sign in. A caller found is
 * remembered in `cache` for a few seconds (see createCallerCache).
 * @example
 * router.use(authenticate(db, tokens, () => new Date(), createCallerCache({ ttlMs: 5000 })));
 */
export function authenticate(db: Kysely<Database>, tokens: TokenSigner, now: () => Date, cache?: CallerCache): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = BEARER.exec(header);
    const token = match?.[1];
    const cached = token ? cache?.get(token, now()) : undefined;
    if (cached) {
      res.locals['caller'] = cached;
      next();
      return;
    }
    const claims = token ? await tokens.verify(token) : undefined;
    if (!claims) {
      next(new HttpError(401, 'UNAUTHENTICATED', 'Sign in first: send "Authorization: Bearer <token>" with the token from POST /api/auth/login (it may have expired).'));
      return;
    }
    const row = await db
      .selectFrom('sessions')
      .innerJoin('users', (join) => join.onRef('users.tenant_id', '=', 'sessions.tenant_id').onRef('users.user_id', '=', 'sessions.user_id'))
      .innerJoin('tenants', 'tenants.tenant_id', 'users.tenant_id')
      .select(['users.user_id', 'users.username', 'users.display_name', 'users.roles', 'users.active', 'users.tenant_id', 'tenants.path', 'sessions.expires_at', 'sessions.revoked_at', 'sessions.session_id'])
      .where('sessions.tenant_id', '=', claims.tenantId)
      .where('sessions.session_id', '=', claims.sessionId)
      .executeTakeFirst();
    if (!row || row.revoked_at !== null || row.expires_at.getTime() <= now().getTime() || !row.active) {
      next(new HttpError(401, 'UNAUTHENTICATED', 'Your session has ended (signed out, expired or the account was disabled); sign in again.'));
      return;
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
    res.locals['caller'] = caller;
    next();
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
