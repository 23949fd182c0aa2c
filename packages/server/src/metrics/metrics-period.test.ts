import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/http-error.js';
import { monthlyPeriods, resolvePeriod, shanghaiDate } from './metrics-period.js';

const NOW = new Date('2026-02-14T03:00:00Z');

describe('resolvePeriod', () => {
  it('defaults to the current month in Asia/Shanghai, read up to now', () => {
    expect(resolvePeriod({}, NOW)).toEqual({ from: '2026-02-01', to: '2026-02-28', start: new Date('2026-01-31T16:00:00Z'), end: new Date('2026-02-28T16:00:00Z'), asOf: NOW });
    // 23:30 UTC on 31 January is already 1 February in Ningbo.
    expect(resolvePeriod({}, new Date('2026-01-31T23:30:00Z')).from).toBe('2026-02-01');
    expect(shanghaiDate(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31');
  });

  it('completes a period from one date with the rest of its month, and reads a past period to its end', () => {
    expect(resolvePeriod({ from: '2025-12-10' }, NOW)).toMatchObject({ from: '2025-12-10', to: '2025-12-31', asOf: new Date('2025-12-31T16:00:00Z') });
    expect(resolvePeriod({ to: '2024-02-10' }, NOW)).toMatchObject({ from: '2024-02-01', to: '2024-02-10' });
  });

  it.each([['from', '2026-02-30'], ['from', '2026-2-1'], ['to', '2026-13-01'], ['to', 'today'], ['from', '1969-12-31']])('refuses %s=%s', (name, value) => {
    expect(() => resolvePeriod({ [name]: value }, NOW)).toThrow(HttpError);
    expect(() => resolvePeriod({ [name]: value }, NOW)).toThrow(/YYYY-MM-DD/);
  });

  it('refuses a period that starts after it ends', () => {
    expect(() => resolvePeriod({ from: '2026-02-10', to: '2026-02-09' }, NOW)).toThrow(/from 2026-02-10 is after to 2026-02-09/);
  });
});

describe('monthlyPeriods', () => {
  it('lists the months up to the current one, oldest first, across a year end', () => {
    expect(monthlyPeriods(3, NOW).map((p) => [p.from, p.to])).toEqual([['2025-12-01', '2025-12-31'], ['2026-01-01', '2026-01-31'], ['2026-02-01', '2026-02-28']]);
  });
});
