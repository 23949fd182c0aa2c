import { describe, expect, it } from 'vitest';
import { cnMainland } from './cn-mainland.js';
import { defineCalendar } from './define-calendar.js';
import { isWorkingDay } from './is-working-day.js';

// Counts days off per holiday name prefix in one year, e.g. { 春节: 8 }.
function daysOff(year: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [date, name] of Object.entries(cnMainland.holidays)) {
    if (!date.startsWith(year)) continue;
    const key = name.split(' ')[0] ?? name;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('cnMainland', () => {
  it('passes its own validation', () => {
    expect(defineCalendar(cnMainland)).toEqual(cnMainland);
  });

  it('has the 2025 days off of the State Council notice', () => {
    // 元旦 1, 春节 8, 清明 3, 劳动节 5, 端午 3, 国庆+中秋 8.
    expect(daysOff('2025')).toEqual({ 元旦: 1, 春节: 8, 清明节: 3, 劳动节: 5, 端午节: 3, '国庆节、中秋节': 8 });
  });

  it('has the 2026 days off of the State Council notice', () => {
    // 元旦 3, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆 7.
    expect(daysOff('2026')).toEqual({ 元旦: 3, 春节: 9, 清明节: 3, 劳动节: 5, 端午节: 3, 中秋节: 3, 国庆节: 7 });
  });

  it('has the make-up working days of both notices', () => {
    expect(Object.keys(cnMainland.workdays).sort()).toEqual([
      '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
    ]);
  });

  it('makes the first and last day of each holiday a day off', () => {
    const edges = [
      '2025-01-01', '2025-01-28', '2025-02-04', '2025-04-04', '2025-04-06', '2025-05-01', '2025-05-05',
      '2025-05-31', '2025-06-02', '2025-10-01', '2025-10-08', '2026-01-01', '2026-01-03', '2026-02-15',
      '2026-02-23', '2026-04-04', '2026-04-06', '2026-05-01', '2026-05-05', '2026-06-19', '2026-06-21',
      '2026-09-25', '2026-09-27', '2026-10-01', '2026-10-07',
    ];
    for (const date of edges) expect(isWorkingDay(cnMainland, date), date).toBe(false);
  });

  it('uses Beijing time, a Saturday-Sunday weekend and office hours with a lunch break', () => {
    expect(cnMainland.utcOffsetMinutes).toBe(480);
    expect(cnMainland.weekend).toEqual([0, 6]);
    expect(cnMainland.workingHours).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(cnMainland.coverage).toEqual({ from: '2025-01-01', to: '2026-12-31' });
  });
});
