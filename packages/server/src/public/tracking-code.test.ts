import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTrackingCode, generateTrackingCode, hashTrackingCode, normaliseTrackingCode, workerActor } from './tracking-code.js';

describe('tracking codes', () => {
  it('are 12 Crockford base32 characters in three groups of four', () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateTrackingCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it('normalise case, dashes, spaces and confusable letters', () => {
    expect(normaliseTrackingCode('7kq2-9xmd-4trv')).toBe('7KQ29XMD4TRV');
    expect(normaliseTrackingCode(' 7KQ2 9XMD 4TRV ')).toBe('7KQ29XMD4TRV');
    expect(normaliseTrackingCode('iLo0-1111-0000')).toBe('110011110000');
    expect(normaliseTrackingCode('7KQ2－9XMD－4TRV')).toBe('7KQ29XMD4TRV');
    expect(normaliseTrackingCode('７ｋｑ２－９ＸＭＤ－４ＴＲＶ')).toBe('7KQ29XMD4TRV');
  });

  it('refuse what cannot be a code', () => {
    for (const bad of ['', '7KQ2-9XMD-4TR', '7KQ2-9XMD-4TRVV', '7KQ2-9XMD-4TRU', '7KQ2/9XMD/4TRV', '7KQ2-9XMD-4TR✓', 'x'.repeat(10_000)]) {
      expect(normaliseTrackingCode(bad), bad.slice(0, 20)).toBeUndefined();
    }
  });

  it('round-trip every generated code through normalising and formatting', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), () => {
        const code = generateTrackingCode();
        const normalised = normaliseTrackingCode(code.toLowerCase());
        expect(normalised).toBeDefined();
        expect(formatTrackingCode(normalised ?? '')).toBe(code);
      }),
    );
  });

  it('hash to 64 hex characters that do not contain the code', () => {
    const hash = hashTrackingCode('7KQ29XMD4TRV');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('7KQ29XMD4TRV');
    expect(hashTrackingCode('7KQ29XMD4TRW')).not.toBe(hash);
  });

  it('make a worker actor with no identity but a slice of the hash', () => {
    expect(workerActor('0123456789abcdef')).toEqual({ id: 'worker:0123456789ab', roles: ['worker'] });
  });
});
