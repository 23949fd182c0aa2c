import { describe, expect, it } from 'vitest';
import { advance } from './advance.js';
import type { BusinessCalendar } from './business-calendar.js';
import { CalendarError } from './calendar-error.js';
import { cnMainland } from './cn-mainland.js';
import { createCalendarRegistry } from './create-calendar-registry.js';
import { natural } from './natural.js';

// A county that works 08:00-12:00 and 14:00-18:00 on top of the national holidays.
const ninghai: BusinessCalendar = {
  ...cnMainland,
  name: 'cn-ninghai',
  title: { zh: '宁海县工作日历', en: 'Ninghai County calendar' },
  workingHours: [
    { start: '08:00', end: '12:00' },
    { start: '14:00', end: '18:00' },
  ],
};

describe('createCalendarRegistry', () => {
  it('holds the built-in calendars', () => {
    const registry = createCalendarRegistry();
    expect(registry.names()).toEqual(['cn-mainland', 'natural']);
    expect(registry.get('cn-mainland')).toBe(cnMainland);
    expect(registry.get('natural')).toBe(natural);
  });

  it('lists the known names when a name is unknown', () => {
    const registry = createCalendarRegistry([ninghai]);
    expect(registry.has('cn-hk')).toBe(false);
    expect(() => registry.get('cn-hk')).toThrow(CalendarError);
    expect(() => registry.get('cn-hk')).toThrow(
      'Unknown business calendar "cn-hk"; use one of "cn-mainland", "cn-ninghai", "natural", or pass the calendar to createCalendarRegistry.',
    );
    try {
      registry.get('cn-hk');
    } catch (error) {
      expect(error instanceof CalendarError && error.code).toBe('UNKNOWN_CALENDAR');
    }
  });

  it('uses a host calendar for deadlines', () => {
    const registry = createCalendarRegistry([ninghai]);
    expect(registry.has('cn-ninghai')).toBe(true);
    // Mon 2025-03-10 16:00 + 4 working hours: 16:00-18:00 is 2 h, then 08:00-10:00 on Tuesday.
    const end = advance(registry.get('cn-ninghai'), 'working_hour', Date.parse('2025-03-10T16:00:00+08:00'), 4 * 3_600_000);
    expect(end).toBe(Date.parse('2025-03-11T10:00:00+08:00'));
  });

  it('lets a host calendar replace a built-in of the same name', () => {
    const registry = createCalendarRegistry([{ ...ninghai, name: 'cn-mainland' }]);
    expect(registry.names()).toEqual(['cn-mainland', 'natural']);
    expect(registry.get('cn-mainland').workingHours[0]).toEqual({ start: '08:00', end: '12:00' });
  });

  it('validates host calendars up front', () => {
    const broken = { ...ninghai, workdays: { '2025-10-09': '调休' } };
    expect(() => createCalendarRegistry([broken])).toThrow('Make-up working day "2025-10-09" is a Thursday');
  });

  it('rejects two host calendars with the same name', () => {
    expect(() => createCalendarRegistry([ninghai, ninghai])).toThrow('Two host calendars are named "cn-ninghai"');
  });
});
