import type { SessionUser } from './types.js';

const KEY = 'shuoshi.session';

/**
 * A signed-in session as the browser keeps it.
 * @example
 * const session: Session = { token: 'eyJ...', expiresAt: '2025-10-01T18:00:00Z', user };
 */
export interface Session {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

/**
 * Reads the session kept in localStorage, or null when there is none or it has expired.
 * @example
 * const token = readSession()?.token;
 */
export function readSession(now: Date = new Date()): Session | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null');
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object') return null;
  const session = parsed as Partial<Session>;
  if (typeof session.token !== 'string' || typeof session.expiresAt !== 'string' || !session.user) return null;
  if (Date.parse(session.expiresAt) <= now.getTime()) return null;
  return session as Session;
}

/**
 * Keeps the session (after a login) or forgets it (null, after a logout or a 401).
 * @example
 * writeSession({ token, expiresAt, user });
 */
export function writeSession(session: Session | null): void {
  if (session === null) globalThis.localStorage?.removeItem(KEY);
  else globalThis.localStorage?.setItem(KEY, JSON.stringify(session));
}
