import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { HttpError } from '../http/http-error.js';
import { createLoginLimiter, type LoginLimiter } from './login-limiter.js';
import { findCallerUser, findLoginAccount, insertSession, revokeSession } from './repository.js';
import type { LoginResponse, SessionUser } from './schemas.js';

/**
 * Signing in and out.
 * @example
 * const { token } = await sessions.login({ username, password, ip: req.ip ?? '' });
 */
export interface SessionsService {
  login(input: { username: string; password: string; ip: string }): Promise<LoginResponse>;
  logout(caller: Caller): Promise<void>;
  me(caller: Caller): Promise<SessionUser>;
}

const INVALID_CREDENTIALS = 'The username or password is wrong; check both (usernames look like "chalu.mediator") and try again.';

/**
 * Creates the sessions service: scrypt-checked passwords, a session row per login (so logout
 * can revoke the token) and an in-memory limit on failed attempts.
 * @example
 * const sessions = createSessionsService(deps);
 */
export function createSessionsService(deps: AppDeps, limiter: LoginLimiter = createLoginLimiter({ now: () => deps.clock.now() })): SessionsService {
  // Checking a password against a throw-away hash when the username is unknown keeps the
  // answer time the same, so timing does not reveal which usernames exist.
  let dummyHash: Promise<string> | undefined;

  return {
    async login({ username, password, ip }) {
      const name = username.trim().toLowerCase();
      const who = { username: name, ip };
      const wait = limiter.blockedFor(who);
      if (wait > 0) {
        throw new HttpError(429, 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins for ${JSON.stringify(name)} or from this address; wait ${wait} seconds and try again, or ask an administrator to reset the password.`, { retryAfterSeconds: wait });
      }
      const account = await findLoginAccount(deps.db, name);
      dummyHash ??= hashPassword(randomUUID());
      const matches = await verifyPassword(password, account?.passwordHash ?? (await dummyHash));
      if (!account || !matches) {
        limiter.fail(who);
        throw new HttpError(401, 'INVALID_CREDENTIALS', INVALID_CREDENTIALS);
      }
      if (!account.active) throw new HttpError(401, 'ACCOUNT_DISABLED', `The account ${JSON.stringify(name)} is disabled; ask an administrator of your union to enable it.`);
      limiter.succeed(who);
      const sessionId = randomUUID();
      // Sessions last on real time, not the server's business clock: moving a test clock days
      // ahead to watch SLAs must not sign everyone out.
      const expiresAt = new Date(Date.now() + deps.tokens.ttlSeconds * 1000);
      await insertSession(deps.db, { tenantId: account.user.tenant.id, sessionId, userId: account.user.id, expiresAt });
      const token = await deps.tokens.sign({ userId: account.user.id, tenantId: account.user.tenant.id, sessionId });
      return { token, expiresAt: expiresAt.toISOString(), user: account.user };
    },
    async logout(caller) {
      await revokeSession(deps.db, caller, deps.clock.now());
      deps.callerCache?.forgetSession(caller.tenantId, caller.sessionId);
    },
    async me(caller) {
      const user = await findCallerUser(deps.db, caller);
      if (!user) throw new HttpError(401, 'UNAUTHENTICATED', 'Your account no longer exists; sign in again.');
      return user;
    },
  };
}
