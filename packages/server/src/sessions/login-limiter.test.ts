import { describe, expect, it } from 'vitest';
import { createLoginLimiter } from './login-limiter.js';

function limiterAt(start = 0) {
  let now = start;
  const limiter = createLoginLimiter({ now: () => new Date(now), maxPerUsername: 3, maxPerIp: 5, windowMs: 60_000 });
  return { limiter, advance: (ms: number) => (now += ms) };
}

describe('createLoginLimiter', () => {
  it('blocks a username after its limit until the oldest failure ages out', () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 3; i += 1) {
      expect(limiter.blockedFor({ username: 'a', ip: `10.0.0.${i}` })).toBe(0);
      limiter.fail({ username: 'a', ip: `10.0.0.${i}` });
      advance(10_000);
    }
    expect(limiter.blockedFor({ username: 'a', ip: '10.0.0.9' })).toBe(30);
    advance(30_000);
    expect(limiter.blockedFor({ username: 'a', ip: '10.0.0.9' })).toBe(0);
  });

  it('blocks an address after its limit whatever the username', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 5; i += 1) limiter.fail({ username: `u${i}`, ip: '10.0.0.1' });
    expect(limiter.blockedFor({ username: 'fresh', ip: '10.0.0.1' })).toBe(60);
    expect(limiter.blockedFor({ username: 'fresh', ip: '10.0.0.2' })).toBe(0);
  });

  it('forgets a username after a success but not the address', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 2; i += 1) limiter.fail({ username: 'a', ip: '10.0.0.1' });
    limiter.succeed({ username: 'a' });
    limiter.fail({ username: 'a', ip: '10.0.0.1' });
    limiter.fail({ username: 'a', ip: '10.0.0.1' });
    expect(limiter.blockedFor({ username: 'a', ip: '10.0.0.3' })).toBe(0);
    limiter.fail({ username: 'b', ip: '10.0.0.1' });
    expect(limiter.blockedFor({ username: 'c', ip: '10.0.0.1' })).toBeGreaterThan(0);
  });

  it('keeps at most maxKeys keys', () => {
    let now = 0;
    const limiter = createLoginLimiter({ now: () => new Date(now), maxKeys: 10 });
    for (let i = 0; i < 100; i += 1) {
      limiter.fail({ username: `u${i}`, ip: `10.0.${i}.1` });
      now += 1;
    }
    // The newest keys are still counted.
    for (let i = 0; i < 4; i += 1) limiter.fail({ username: 'u99', ip: '10.9.9.9' });
    expect(limiter.blockedFor({ username: 'u99', ip: '10.9.9.8' })).toBeGreaterThan(0);
  });
});
