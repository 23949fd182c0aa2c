import { describe, expect, it } from 'vitest';
import type { Caller } from './caller.js';
import { createCallerCache } from './caller-cache.js';

const caller = (userId: string, sessionId: string, tenantId = 'chalu'): Caller => ({
  userId,
  username: userId,
  displayName: userId,
  tenantId,
  tenantPath: `/ninghai/${tenantId}/`,
  roles: ['mediator'],
  sessionId,
});

describe('createCallerCache', () => {
  const now = new Date('2025-10-09T09:00:00+08:00');
  const later = new Date(now.getTime() + 3600_000);

  it('returns a cached caller until its time in the cache runs out', () => {
    let t = 0;
    const cache = createCallerCache({ ttlMs: 5000, monotonicNow: () => t });
    cache.set('tok', caller('u1', 's1'), later);
    expect(cache.get('tok', now)?.userId).toBe('u1');
    t = 4999;
    expect(cache.get('tok', now)?.userId).toBe('u1');
    t = 5000;
    expect(cache.get('tok', now)).toBeUndefined();
  });

  it('does not return a caller whose session has ended by the given clock', () => {
    const cache = createCallerCache({ ttlMs: 60_000 });
    cache.set('tok', caller('u1', 's1'), later);
    expect(cache.get('tok', new Date(later.getTime()))).toBeUndefined();
  });

  it('forgets one session or every session of a user', () => {
    const cache = createCallerCache({ ttlMs: 60_000 });
    cache.set('a', caller('u1', 's1'), later);
    cache.set('b', caller('u1', 's2'), later);
    cache.set('c', caller('u2', 's3'), later);
    cache.set('d', caller('u1', 's4', 'huchen'), later);
    cache.forgetSession('chalu', 's1');
    expect(cache.get('a', now)).toBeUndefined();
    expect(cache.get('b', now)?.sessionId).toBe('s2');
    cache.forgetUser('chalu', 'u1');
    expect(cache.get('b', now)).toBeUndefined();
    expect(cache.get('c', now)?.userId).toBe('u2');
    expect(cache.get('d', now)?.tenantId).toBe('huchen');
  });

  it('keeps at most maxEntries, dropping the oldest', () => {
    const cache = createCallerCache({ ttlMs: 60_000, maxEntries: 2 });
    cache.set('a', caller('u1', 's1'), later);
    cache.set('b', caller('u2', 's2'), later);
    cache.set('c', caller('u3', 's3'), later);
    expect(cache.size).toBe(2);
    expect(cache.get('a', now)).toBeUndefined();
    expect(cache.get('c', now)?.userId).toBe('u3');
  });

  it('caches nothing when turned off', () => {
    const cache = createCallerCache({ ttlMs: 0 });
    cache.set('a', caller('u1', 's1'), later);
    expect(cache.get('a', now)).toBeUndefined();
  });
});
