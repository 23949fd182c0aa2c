import type { BusinessCalendar, TimeKind } from './business-calendar.js';
import { assertInstant, dayIndexOf } from './local-day.js';
import { assertTimeKind, workingIntervals } from './working-intervals.js';

/**
 * The amount of `kind` time, in milliseconds, between two instants; 0 when `toMs <= fromMs`.
 * Steps one local day at a time, so the cost grows with the number of days spanned.
 * @example
 * // Friday 15:00 to Monday 10:00 in Beijing: 9 h of Friday plus 10 h of Monday.
 * elapsed(cnMainland, 'working_day', Date.parse('2025-03-14T15:00+08:00'), Date.parse('2025-03-17T10:00+08:00')); // 68_400_000
 */
export function elapsed(calendar: BusinessCalendar, kind: TimeKind, fromMs: number, toMs: number): number {
  assertTimeKind(kind);
  assertInstant(calendar, fromMs, 'fromMs');
  assertInstant(calendar, toMs, 'toMs');
  if (toMs <= fromMs) return 0;
  if (kind === 'natural') return toMs - fromMs;

  let total = 0;
  const lastDay = dayIndexOf(calendar, toMs);
  for (let day = dayIndexOf(calendar, fromMs); day <= lastDay; day++) {
    for (const [start, end] of workingIntervals(calendar, kind, day)) {
      const overlap = Math.min(end, toMs) - Math.max(start, fromMs);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}
