import type { BusinessCalendar, TimeKind } from './business-calendar.js';
import { CalendarError } from './calendar-error.js';
import { assertInstant, dayIndexOf } from './local-day.js';
import { assertTimeKind, workingIntervals } from './working-intervals.js';

// Far beyond any SLA (durations top out at 9999.99 working days, about 40 years), but it stops
// a calendar with no working time at all from looping forever.
const MAX_SCAN_DAYS = 36_525;

/**
 * The earliest instant `t >= fromMs` at which `amount` milliseconds of `kind` time have
 * elapsed since `fromMs`; the inverse of `elapsed`. A deadline that is reached at the end of
 * a working period is that end, not the start of the next working period.
 * @example
 * // 3 working days from Tue 2025-09-30 10:00 skip the National Day holiday.
 * advance(cnMainland, 'working_day', Date.parse('2025-09-30T10:00+08:00'), 3 * 86_400_000); // 2025-10-11T10:00+08:00
 */
export function advance(calendar: BusinessCalendar, kind: TimeKind, fromMs: number, amount: number): number {
  assertTimeKind(kind);
  assertInstant(calendar, fromMs, 'fromMs');
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `Amount ${String(amount)} cannot be added; pass a finite number of milliseconds >= 0, e.g. 5 * 86_400_000 for 5 working days.`,
    );
  }
  if (amount === 0) return fromMs;
  if (kind === 'natural') return fromMs + amount;

  let remaining = amount;
  const firstDay = dayIndexOf(calendar, fromMs);
  for (let day = firstDay; day < firstDay + MAX_SCAN_DAYS; day++) {
    for (const [start, end] of workingIntervals(calendar, kind, day)) {
      const from = Math.max(start, fromMs);
      if (end <= from) continue;
      // `<=` so that a deadline landing exactly on the end of a period stays there (earliest t).
      if (remaining <= end - from) return from + remaining;
      remaining -= end - from;
    }
  }
  throw new CalendarError(
    'OUT_OF_RANGE',
    `Cannot add ${amount} ms of ${kind} time on calendar "${calendar.name}": it is not reached within ${MAX_SCAN_DAYS} days; check that the calendar has working days and working hours, or use a smaller amount.`,
  );
}
