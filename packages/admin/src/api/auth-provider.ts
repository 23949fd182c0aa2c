import { HttpError, type AuthProvider } from 'react-admin';
import { apiFetch } from './api-fetch.js';
import { canAccessWith } from './permissions.js';
import { readSession, writeSession, type Session } from './session-store.js';
import type { SessionUser } from './types.js';

/**
 * The auth provider: POST /api/auth/login keeps the token and the user (roles, union) and sends
 * supervisors to the dashboard,
 * POST /api/auth/logout revokes the session, a 401 from any call signs the user out,
 * `getPermissions` answers the roles and `canAccess` mirrors the server's role rules.
 * @example
 * <Admin authProvider={createAuthProvider()} />
 */
export function createAuthProvider(): AuthProvider {
  return {
    async login(params: { username?: string; password?: string }) {
      try {
        const { body } = await apiFetch('/auth/login', { method: 'POST', json: { username: params.username ?? '', password: params.password ?? '' } });
        const session = body as Session;
        writeSession(session);
        // A supervisor's work starts on the dashboard; everyone else's on the cases.
        return session.user.roles.includes('supervisor') ? { redirectTo: '/dashboard' } : undefined;
      } catch (error) {
        // The server's 401 and 429 say what failed (wrong password, too many attempts) in its own words.
        if (error instanceof HttpError && error.status === 401) throw new Error('shuoshi.auth.wrong_credentials');
        if (error instanceof HttpError && error.status === 429) throw new Error('shuoshi.auth.too_many_attempts');
        throw error;
      }
    },
    async logout() {
      if (readSession()) await apiFetch('/auth/logout', { method: 'POST' }).catch(() => undefined);
      writeSession(null);
    },
    async checkAuth() {
      if (!readSession()) throw new Error('ra.auth.auth_check_error');
    },
    async checkError(error: unknown) {
      const status = (error as { status?: number } | null)?.status;
      if (status === 401) {
        writeSession(null);
        throw new Error('shuoshi.auth.session_ended');
      }
      // 403 and the rest are shown where they happen; they do not end the session.
    },
    async getIdentity() {
      const session = readSession();
      if (!session) throw new Error('ra.auth.auth_check_error');
      const user: SessionUser = session.user;
      return { id: user.id, fullName: user.displayName, username: user.username, roles: user.roles, tenant: user.tenant };
    },
    async getPermissions() {
      return readSession()?.user.roles ?? [];
    },
    async canAccess({ resource, action }: { resource: string; action: string }) {
      return canAccessWith(readSession()?.user.roles ?? [], resource, action);
    },
  };
}
