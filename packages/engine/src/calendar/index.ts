// The public surface of the calendar module; local-day.ts and working-intervals.ts stay internal.
export { advance } from './advance.js';
export type { BusinessCalendar, TimeKind } from './business-calendar.js';
export { businessCalendarSchema } from './business-calendar-schema.js';
export { CalendarError, type CalendarErrorCode, type CalendarProblem } from './calendar-error.js';
export { cnMainland } from './cn-mainland.js';
export { createCalendarRegistry, type CalendarRegistry } from './create-calendar-registry.js';
export { defineCalendar } from './define-calendar.js';
export { elapsed } from './elapsed.js';
export { isWorkingDay } from './is-working-day.js';
export { localDate } from './local-date.js';
export { natural } from './natural.js';
