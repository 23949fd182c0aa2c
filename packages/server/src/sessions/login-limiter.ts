/**
 * Counts failed logins per username and per client address in a sliding window, in memory.
 * @example
 * const limiter = createLoginLimiter({ now: () => clock.now() });
 * const wait = limiter.blockedFor({ username, ip }); // seconds to wait, or 0
 */
export interface LoginLimiter {
  /** Seconds until another attempt is allowed (0 = allowed now). */
  blockedFor(who: { username: string; ip: string }): number;
  /** Records a failed attempt for both the username and the address. */
  fail(who: { username: string; ip: string }): void;
  /** Forgets the username's failures after a successful login (not the address's). */
  succeed(who: { username: string }): void;
}

/**
 * Limits of the login limiter.
 * @example
 * const options: LoginLimiterOptions = { now: () => new Date(), maxPerUsername: 5, maxPerIp: 20, windowMs: 900_000 };
 */
export interface LoginLimiterOptions {
  now: () => Date;
  /** Failures allowed per username in the window (default 5). */
  maxPerUsername?: number;
  /** Failures allowed per address in the window (default 20: an office shares one address). */
  maxPerIp?: number;
  /** Window in milliseconds (default 15 minutes). */
  windowMs?: number;
  /** Keys remembered at most, so a flood of names cannot exhaust memory (default 10,000). */
  maxKeys?: number;
}

/**
 * Creates an in-memory login limiter: after too many failures in the window, every attempt
 * for that username or from that address is refused until the oldest failure ages out.
 * @example
 * const limiter = createLoginLimiter({ now: () => clock.now() });
 */
export function createLoginLimiter(options: LoginLimiterOptions): LoginLimiter {
  const windowMs = options.windowMs ?? 15 * 60_000;
  const limits = { u: options.maxPerUsername ?? 5, ip: options.maxPerIp ?? 20 };
  const maxKeys = options.maxKeys ?? 10_000;
  // Each key keeps at most `limit` recent failure times, oldest first.
  const failures = new Map<string, number[]>();

  function recent(key: string, at: number): number[] {
    const times = (failures.get(key) ?? []).filter((t) => t > at - windowMs);
    if (times.length === 0) failures.delete(key);
    else failures.set(key, times);
    return times;
  }

  function keysOf(who: { username: string; ip: string }): Array<[string, number]> {
    return [[`u:${who.username}`, limits.u], [`ip:${who.ip}`, limits.ip]];
  }

  function evict(at: number): void {
    for (const key of [...failures.keys()]) recent(key, at);
    // Still too many live keys: drop the oldest inserted ones.
    for (const key of failures.keys()) {
      if (failures.size <= maxKeys) break;
      failures.delete(key);
    }
  }

  return {
    blockedFor(who) {
      const at = options.now().getTime();
      let wait = 0;
      for (const [key, limit] of keysOf(who)) {
        const times = recent(key, at);
        const first = times[times.length - limit];
        if (times.length >= limit && first !== undefined) wait = Math.max(wait, Math.ceil((first + windowMs - at) / 1000));
      }
      return wait;
    },
    fail(who) {
      const at = options.now().getTime();
      for (const [key, limit] of keysOf(who)) failures.set(key, [...recent(key, at), at].slice(-limit));
      if (failures.size > maxKeys) evict(at);
    },
    succeed(who) {
      failures.delete(`u:${who.username}`);
    },
  };
}
