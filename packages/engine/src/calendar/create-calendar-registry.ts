import type { BusinessCalendar } from './business-calendar.js';
import { CalendarError } from './calendar-error.js';
import { cnMainland } from './cn-mainland.js';
import { defineCalendar } from './define-calendar.js';
import { natural } from './natural.js';

/**
 * The business calendars a host can refer to by name.
 * @example
 * const registry: CalendarRegistry = createCalendarRegistry();
 * registry.get('cn-mainland').title.en; // 'Mainland China working calendar'
 */
export interface CalendarRegistry {
  /** The calendar with this name; throws `CalendarError('UNKNOWN_CALENDAR')` listing the known names. */
  get(name: string): BusinessCalendar;
  has(name: string): boolean;
  /** Known calendar names, sorted. */
  names(): string[];
}

/**
 * A registry of the built-in calendars (`cn-mainland`, `natural`) plus the host's; a host
 * calendar with a built-in's name replaces the built-in. Host calendars are validated here,
 * so a bad one fails at start-up rather than when a deadline is computed.
 * @example
 * const registry = createCalendarRegistry([ninghaiCalendar]);
 * registry.get('cn-ninghai');
 */
export function createCalendarRegistry(extra: BusinessCalendar[] = []): CalendarRegistry {
  const calendars = new Map<string, BusinessCalendar>([
    [cnMainland.name, cnMainland],
    [natural.name, natural],
  ]);
  const hostNames = new Set<string>();
  for (const input of extra) {
    const calendar = defineCalendar(input);
    if (hostNames.has(calendar.name)) {
      // Two host calendars with one name is a configuration slip; silently picking one would
      // hide it until a deadline comes out wrong.
      throw new CalendarError(
        'INVALID_CALENDAR',
        `Two host calendars are named ${JSON.stringify(calendar.name)}; give each calendar a unique name.`,
      );
    }
    hostNames.add(calendar.name);
    calendars.set(calendar.name, calendar);
  }
  const names = (): string[] => [...calendars.keys()].sort();

  return {
    get(name) {
      const calendar = calendars.get(name);
      if (calendar === undefined) {
        throw new CalendarError(
          'UNKNOWN_CALENDAR',
          `Unknown business calendar ${JSON.stringify(name)}; use one of ${names().map((known) => JSON.stringify(known)).join(', ')}, or pass the calendar to createCalendarRegistry.`,
        );
      }
      return calendar;
    },
    has: (name) => calendars.has(name),
    names,
  };
}
