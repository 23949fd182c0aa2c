// Internal: the working intervals of one local day, shared by `elapsed` and `advance` so that
// the two stay exact inverses of each other.
import type { BusinessCalendar, TimeKind } from './business-calendar.js';
import { CalendarError } from './calendar-error.js';
import { isWorkingDayIndex } from './is-working-day.js';
import { DAY_MS, dayStartOf } from './local-day.js';

const HH_MM = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/**
 * Minutes since local midnight of an 'HH:MM' time ('24:00' is 1440), or `undefined`.
 * @example
 * parseClockTime('13:30'); // 810
 */
export function parseClockTime(text: string): number | undefined {
  const match = typeof text === 'string' ? HH_MM.exec(text) : null;
  if (!match) return undefined;
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * 60 + minutes;
}

/**
 * The absolute `[start, end)` instants during which `kind` time runs on one local day, in
 * order; empty on a non-working day.
 * @example
 * workingIntervals(cnMainland, 'working_hour', 20_000); // morning and afternoon office hours
 */
export function workingIntervals(
  calendar: BusinessCalendar,
  kind: Exclude<TimeKind, 'natural'>,
  dayIndex: number,
): Array<readonly [number, number]> {
  if (!isWorkingDayIndex(calendar, dayIndex)) return [];
  const dayStart = dayStartOf(calendar, dayIndex);
  if (kind === 'working_day') return [[dayStart, dayStart + DAY_MS]];
  return calendar.workingHours.map((range, index) => {
    const start = parseClockTime(range.start);
    const end = parseClockTime(range.end);
    if (start === undefined || end === undefined || end <= start) {
      throw new CalendarError(
        'INVALID_CALENDAR',
        `Calendar "${calendar.name}" has working hours ${JSON.stringify(range)} at workingHours[${index}]; use 'HH:MM' times with start before end, and build calendars with defineCalendar to catch this early.`,
      );
    }
    return [dayStart + start * 60_000, dayStart + end * 60_000] as const;
  });
}

/**
 * Throws OUT_OF_RANGE unless `kind` is one of the three time kinds (for untyped callers).
 * @example
 * assertTimeKind('working_day');
 */
export function assertTimeKind(kind: string): asserts kind is TimeKind {
  if (kind !== 'natural' && kind !== 'working_day' && kind !== 'working_hour') {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `Time kind ${JSON.stringify(kind)} is not known; use "natural", "working_day" or "working_hour".`,
    );
  }
}
