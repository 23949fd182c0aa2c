import type { BusinessCalendar } from './business-calendar.js';
import { cnMainland2025 } from './data/cn-mainland-2025.js';
import { cnMainland2026 } from './data/cn-mainland-2026.js';

/**
 * The built-in mainland China calendar `cn-mainland`: Beijing time, Saturday and Sunday off,
 * and the public holidays and make-up working days of 2025 and 2026 from the State Council
 * notices. Outside 2025-2026 only the weekend rule applies until newer data is added.
 * @example
 * advance(cnMainland, 'working_day', Date.parse('2025-09-30T10:00+08:00'), 3 * 86_400_000);
 */
export const cnMainland: BusinessCalendar = {
  name: 'cn-mainland',
  title: { zh: '中国大陆工作日历', en: 'Mainland China working calendar' },
  utcOffsetMinutes: 480,
  weekend: [0, 6],
  // Typical government office hours; offices differ (summer hours, 14:00 afternoons), so a
  // host that needs other hours defines its own calendar with defineCalendar.
  workingHours: [
    { start: '08:30', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
  holidays: { ...cnMainland2025.holidays, ...cnMainland2026.holidays },
  workdays: { ...cnMainland2025.workdays, ...cnMainland2026.workdays },
  coverage: { from: '2025-01-01', to: '2026-12-31' },
};
