import type { BusinessCalendar } from './business-calendar.js';

/**
 * The built-in calendar `natural`: every day is a working day and every hour a working hour,
 * so all three time kinds count real time; for hosts that want no holidays.
 * @example
 * advance(natural, 'working_day', Date.parse('2025-10-01T00:00+08:00'), 86_400_000); // 2025-10-02T00:00+08:00
 */
export const natural: BusinessCalendar = {
  name: 'natural',
  title: { zh: '自然日历', en: 'Natural calendar' },
  // UTC+8 because the users are in China; with no weekend or holidays it only affects
  // localDate, never how much time elapses.
  utcOffsetMinutes: 480,
  weekend: [],
  workingHours: [{ start: '00:00', end: '24:00' }],
  holidays: {},
  workdays: {},
};
