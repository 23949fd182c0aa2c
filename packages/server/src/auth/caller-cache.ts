import type { Caller } from './caller.js';

/**
 * Remembers, for a few seconds, which caller a bearer token stands for, so that a busy client
 * does not cost a signature check and a session query on every request.
 * @example
 * const cache = createCallerCache({ ttlMs: 5000 });
 * cache.set(token, caller, expiresAt);
 */
export interface CallerCache {
  /** The cached caller of a token, or undefined when unknown, stale or past its session's end. */
  get(token: string, now: Date): Caller | undefined;
  set(token: string, caller: Caller, sessionExpiresAt: Date): void;
  /** Forgets a session at once (sign-out). */
  forgetSession(tenantId: string, sessionId: string): void;
  /** Forgets every session of a user at once (roles changed, disabled, new password). */
  forgetUser(tenantId: string, userId: string): void;
  readonly size: number;
}

interface Entry {
  caller: Caller;
  sessionExpiresAt: number;
  cachedUntil: number;
}

/**
 * Creates a caller cache. Changes made through this process (sign-out, a user disabled or given
 * other roles) take effect at once; made through another server process on the same database,
 * within `ttlMs`. `ttlMs: 0` turns the cache off.
 * @example
 * const cache = createCallerCache({ ttlMs: 5000, maxEntries: 10_000 });
 */
export function createCallerCache(options: { ttlMs: number; maxEntries?: number; monotonicNow?: () => number }): CallerCache {
  const { ttlMs } = options;
  const maxEntries = options.maxEntries ?? 10_000;
  // The cache's own lifetime runs on real time: a test clock moved forward must not keep entries alive.
  const monotonic = options.monotonicNow ?? (() => performance.now());
  const entries = new Map<string, Entry>();

  function forget(matches: (caller: Caller) => boolean): void {
    for (const [token, entry] of entries) if (matches(entry.caller)) entries.delete(token);
  }

  return {
    get(token, now) {
      const entry = entries.get(token);
      if (!entry) return undefined;
      if (entry.cachedUntil <= monotonic() || entry.sessionExpiresAt <= now.getTime()) {
        entries.delete(token);
        return undefined;
      }
      return entry.caller;
    },
    set(token, caller, sessionExpiresAt) {
      if (ttlMs <= 0) return;
      if (entries.size >= maxEntries) {
        // Maps iterate in insertion order: the first key is the oldest entry.
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(token, { caller, sessionExpiresAt: sessionExpiresAt.getTime(), cachedUntil: monotonic() + ttlMs });
    },
    forgetSession(tenantId, sessionId) {
      forget((caller) => caller.tenantId === tenantId && caller.sessionId === sessionId);
    },
    forgetUser(tenantId, userId) {
      forget((caller) => caller.tenantId === tenantId && caller.userId === userId);
    },
    get size() {
      return entries.size;
    },
  };
}
