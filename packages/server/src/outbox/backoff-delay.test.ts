import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff-delay.js';
import { DEFAULT_OUTBOX_SETTINGS } from './outbox-settings.js';

const at = (random: number) => ({ ...DEFAULT_OUTBOX_SETTINGS, random: () => random });

describe('backoffDelay', () => {
  it('waits 30 s, 2 min, 8 min, 32 min, then an hour at most', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((attempt) => backoffDelay(attempt, at(0.5)))).toEqual([30_000, 120_000, 480_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000]);
  });

  it('spreads each wait by ±20 %', () => {
    expect(backoffDelay(1, at(0))).toBe(24_000);
    expect(backoffDelay(1, at(0.999_999))).toBe(36_000);
    expect(backoffDelay(6, at(0))).toBe(2_880_000);
  });

  it('makes every wait longer than the one before until the cap, whatever the jitter', () => {
    for (let attempt = 1; attempt < 5; attempt += 1) {
      expect(backoffDelay(attempt + 1, at(0))).toBeGreaterThan(backoffDelay(attempt, at(0.999_999)));
    }
  });

  it('treats an attempt below 1 as the first and survives huge ones', () => {
    expect(backoffDelay(0, at(0.5))).toBe(30_000);
    expect(backoffDelay(10_000, at(0.5))).toBe(3_600_000);
  });
});
