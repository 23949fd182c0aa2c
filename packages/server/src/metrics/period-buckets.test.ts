import { describe, expect, it } from 'vitest';
import { periodBuckets } from './period-buckets.js';

describe('periodBuckets', () => {
  it('takes whole months as months and the rest as days', () => {
    expect(periodBuckets('2026-10-30', '2026-12-31')).toEqual(['2026-10-30', '2026-10-31', '2026-11', '2026-12']);
    expect(periodBuckets('2026-11-01', '2026-11-30')).toEqual(['2026-11']);
    expect(periodBuckets('2026-11-03', '2026-11-05')).toEqual(['2026-11-03', '2026-11-04', '2026-11-05']);
  });

  it('handles leap February and a single day', () => {
    expect(periodBuckets('2028-02-01', '2028-02-29')).toEqual(['2028-02']);
    expect(periodBuckets('2028-02-01', '2028-02-28')).toHaveLength(28);
    expect(periodBuckets('2026-11-29', '2026-11-29')).toEqual(['2026-11-29']);
  });

  it('covers every day of a long period exactly once', () => {
    const buckets = periodBuckets('2024-03-15', '2026-11-29');
    const days = buckets.reduce((n, b) => n + (b.length === 7 ? new Date(Date.UTC(Number(b.slice(0, 4)), Number(b.slice(5, 7)), 0)).getUTCDate() : 1), 0);
    expect(days).toBe((Date.parse('2026-11-29') - Date.parse('2024-03-15')) / 86_400_000 + 1);
    expect(new Set(buckets).size).toBe(buckets.length);
  });
});
