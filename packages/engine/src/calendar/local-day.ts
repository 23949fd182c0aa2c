// Internal helpers for local-day arithmetic; not re-exported from the package.
// Days are counted as integers ("day index") since 1970-01-01 in the calendar's local time.
import type { BusinessCalendar } from './business-calendar.js';
import { CalendarError } from './calendar-error.js';

/**
 * Milliseconds in one day; days never have more or fewer since calendars use a fixed offset.
 * @example
 * const week = 7 * DAY_MS;
 */
export const DAY_MS = 86_400_000;

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
// 0000-01-01T00:00Z and 9999-12-31T24:00Z: the years a 'YYYY-MM-DD' key can spell.
const MIN_LOCAL_MS = -62_167_219_200_000;
const MAX_LOCAL_MS = 253_402_300_800_000;

/**
 * The day index of a 'YYYY-MM-DD' date, or `undefined` if it is not a real calendar date.
 * @example
 * parseDateKey('1970-01-02'); // 1
 */
export function parseDateKey(date: string): number | undefined {
  const match = DATE_KEY.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  utc.setUTCFullYear(year, month - 1, day);
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    return undefined;
  }
  return Math.round(utc.getTime() / DAY_MS);
}

/**
 * The 'YYYY-MM-DD' date of a day index.
 * @example
 * formatDateKey(1); // '1970-01-02'
 */
export function formatDateKey(dayIndex: number): string {
  return new Date(dayIndex * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day of the week of a day index, 0 = Sunday.
 * @example
 * weekdayOf(0); // 4: 1970-01-01 was a Thursday
 */
export function weekdayOf(dayIndex: number): number {
  return (((dayIndex + 4) % 7) + 7) % 7;
}

/**
 * The local day index that contains an instant.
 * @example
 * dayIndexOf(cnMainland, Date.parse('1970-01-01T16:00:00Z')); // 1: already Jan 2 in Beijing
 */
export function dayIndexOf(calendar: BusinessCalendar, ms: number): number {
  return Math.floor((ms + calendar.utcOffsetMinutes * 60_000) / DAY_MS);
}

/**
 * The instant at which a local day starts (local midnight).
 * @example
 * dayStartOf(cnMainland, 1); // Date.parse('1970-01-01T16:00:00Z')
 */
export function dayStartOf(calendar: BusinessCalendar, dayIndex: number): number {
  return dayIndex * DAY_MS - calendar.utcOffsetMinutes * 60_000;
}

/**
 * Throws OUT_OF_RANGE unless `ms` is a finite instant whose local date has a four-digit year.
 * @example
 * assertInstant(cnMainland, Date.now(), 'fromMs');
 */
export function assertInstant(calendar: BusinessCalendar, ms: number, label: string): void {
  const local = ms + calendar.utcOffsetMinutes * 60_000;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || local < MIN_LOCAL_MS || local >= MAX_LOCAL_MS) {
    throw new CalendarError(
      'OUT_OF_RANGE',
      `${label} ${String(ms)} is not a usable instant; pass epoch milliseconds between years 0000 and 9999, e.g. Date.parse('2025-10-01T09:00:00+08:00').`,
    );
  }
}
