import type { BusinessCalendar } from './business-calendar.js';
import { assertInstant, dayIndexOf, formatDateKey } from './local-day.js';

/**
 * The local 'YYYY-MM-DD' date of an instant on a calendar's clock.
 * @example
 * localDate(cnMainland, Date.parse('2025-09-30T16:30:00Z')); // '2025-10-01' in Beijing
 */
export function localDate(calendar: BusinessCalendar, ms: number): string {
  assertInstant(calendar, ms, 'Instant');
  return formatDateKey(dayIndexOf(calendar, ms));
}
