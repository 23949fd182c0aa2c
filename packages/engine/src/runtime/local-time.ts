import type { BusinessCalendar } from '../calendar/index.js';

/**
 * Writes an instant as local date and time on a calendar's offset, e.g. `2025-10-14 10:00 (UTC+08:00)`,
 * for messages people read.
 * @example
 * localTime(cnMainland, Date.parse('2025-10-14T02:00:00Z')); // '2025-10-14 10:00 (UTC+08:00)'
 */
export function localTime(calendar: BusinessCalendar, ms: number): string {
  const offset = calendar.utcOffsetMinutes;
  const local = new Date(ms + offset * 60_000).toISOString();
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (UTC${sign}${hours}:${minutes})`;
}
