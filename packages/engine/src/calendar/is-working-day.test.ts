import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-error.js';
import { cnMainland } from './cn-mainland.js';
import { isWorkingDay } from './is-working-day.js';
import { natural } from './natural.js';

describe('isWorkingDay on cn-mainland', () => {
  it('works the Sunday before National Day', () => {
    // 2025-09-28 is a Sunday listed as 国庆节、中秋节调休上班.
    expect(isWorkingDay(cnMainland, '2025-09-28')).toBe(true);
  });

  it('skips the National Day and Mid-Autumn holiday', () => {
    // The 2025 notice: 10月1日至8日放假调休, 共8天; Oct 1-3 and 6-8 are weekdays.
    for (let day = 1; day <= 8; day++) {
      expect(isWorkingDay(cnMainland, `2025-10-0${day}`), `2025-10-0${day}`).toBe(false);
    }
  });

  it('works the Saturday after National Day and rests the Sunday', () => {
    // 2025-10-11 (Sat) is 调休上班; 2025-10-12 (Sun) is an ordinary weekend day.
    expect(isWorkingDay(cnMainland, '2025-10-11')).toBe(true);
    expect(isWorkingDay(cnMainland, '2025-10-12')).toBe(false);
  });

  it('works both Spring Festival make-up Saturdays of 2026', () => {
    // The 2026 notice: 2月14日（周六）、2月28日（周六）上班.
    expect(isWorkingDay(cnMainland, '2026-02-14')).toBe(true);
    expect(isWorkingDay(cnMainland, '2026-02-28')).toBe(true);
  });

  it('skips the nine-day Spring Festival of 2026', () => {
    // 2月15日至23日放假调休, 共9天: Feb 16-20 and 23 are weekdays made days off.
    for (let day = 15; day <= 23; day++) {
      expect(isWorkingDay(cnMainland, `2026-02-${day}`), `2026-02-${day}`).toBe(false);
    }
    // Feb 24 (Tue) is the first working day after it.
    expect(isWorkingDay(cnMainland, '2026-02-24')).toBe(true);
  });

  it('rests an ordinary weekend and works an ordinary weekday', () => {
    // 2025-03-15/16 are Saturday/Sunday with no holiday nearby; 2025-03-17 is a Monday.
    expect(isWorkingDay(cnMainland, '2025-03-15')).toBe(false);
    expect(isWorkingDay(cnMainland, '2025-03-16')).toBe(false);
    expect(isWorkingDay(cnMainland, '2025-03-17')).toBe(true);
  });

  it('follows only the weekend rule outside the data coverage', () => {
    // 2027-01-01 is New Year's Day but a Friday with no 2027 data yet: working.
    expect(isWorkingDay(cnMainland, '2027-01-01')).toBe(true);
    // 2027-01-02 is a Saturday: off by the weekend rule.
    expect(isWorkingDay(cnMainland, '2027-01-02')).toBe(false);
    // 2024-10-01 (Tue) was a holiday, but 2024 is before the coverage.
    expect(isWorkingDay(cnMainland, '2024-10-01')).toBe(true);
  });

  it('ignores entries outside coverage on an unvalidated calendar', () => {
    // Only defineCalendar rejects such entries; the rule still has to hold without it.
    const calendar = { ...cnMainland, holidays: { ...cnMainland.holidays, '2027-01-01': '元旦 New Year' } };
    expect(isWorkingDay(calendar, '2027-01-01')).toBe(true);
  });

  it('applies holidays everywhere when a calendar has no coverage', () => {
    const calendar = { ...cnMainland, coverage: undefined, holidays: { '2027-01-01': '元旦 New Year' } };
    expect(isWorkingDay(calendar, '2027-01-01')).toBe(false);
  });

  it('counts every day on the natural calendar', () => {
    expect(isWorkingDay(natural, '2025-10-01')).toBe(true);
    expect(isWorkingDay(natural, '2025-10-04')).toBe(true);
  });

  it('rejects a malformed date with the value and an example', () => {
    for (const bad of ['2025-10-1', '2025-02-29', '2025/10/01', '']) {
      expect(() => isWorkingDay(cnMainland, bad)).toThrow(CalendarError);
      expect(() => isWorkingDay(cnMainland, bad)).toThrow(`Date ${JSON.stringify(bad)} is not a real 'YYYY-MM-DD' date`);
    }
  });
});
