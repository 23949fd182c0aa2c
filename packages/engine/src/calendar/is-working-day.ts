import type { BusinessCalendar } from './business-calendar.js';
import { CalendarError } from './calendar-error.js';
import { formatDateKey, parseDateKey, weekdayOf } from './local-day.js';

/**
 * Whether a local date is a working day: a make-up working day, or a weekday that is not a
 * holiday. Outside the calendar's `coverage` only the weekend rule applies.
 * @example
 * isWorkingDay(cnMainland, '2025-10-11'); // true: a Saturday make-up working day
 */
export function isWorkingDay(calendar: BusinessCalendar, date: string): boolean {
  const dayIndex = typeof date === 'string' ? parseDateKey(date) : undefined;
  if (dayIndex === undefined) {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `Date ${JSON.stringify(date)} is not a real 'YYYY-MM-DD' date; write it like "2025-10-01".`,
    );
  }
  return isWorkingDayIndex(calendar, dayIndex);
}

/**
 * `isWorkingDay` for a day index (days since 1970-01-01 local), for the stepping loops.
 * @example
 * isWorkingDayIndex(cnMainland, 0); // true: 1970-01-01 was a Thursday
 */
export function isWorkingDayIndex(calendar: BusinessCalendar, dayIndex: number): boolean {
  let days = memo.get(calendar);
  if (!days) {
    days = new Map();
    memo.set(calendar, days);
  }
  const known = days.get(dayIndex);
  if (known !== undefined) return known;
  // Bounded so a long-running host that walks centuries cannot grow it without end.
  if (days.size > 50_000) days.clear();
  const working = computeWorkingDay(calendar, dayIndex);
  days.set(dayIndex, working);
  return working;
}

// Calendars are data that is never changed once defined, so a day's answer can be remembered:
// formatting the date key dominated the cost of every SLA computation.
const memo = new WeakMap<BusinessCalendar, Map<number, boolean>>();

function computeWorkingDay(calendar: BusinessCalendar, dayIndex: number): boolean {
  const key = formatDateKey(dayIndex);
  const { coverage } = calendar;
  // Fixed-width keys compare correctly as strings.
  const covered = coverage === undefined || (key >= coverage.from && key <= coverage.to);
  if (covered) {
    // A make-up working day wins over everything, as in the State Council notices.
    if (Object.hasOwn(calendar.workdays, key)) return true;
    if (Object.hasOwn(calendar.holidays, key)) return false;
  }
  return !calendar.weekend.includes(weekdayOf(dayIndex));
}
