import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from './business-calendar-schema.js';
import { CalendarError } from './calendar-error.js';
import { defineCalendar } from './define-calendar.js';

const valid = {
  name: 'cn-ninghai',
  title: { zh: '宁海县工作日历', en: 'Ninghai County calendar' },
  utcOffsetMinutes: 480,
  weekend: [0, 6],
  workingHours: [
    { start: '08:30', end: '12:00' },
    { start: '14:00', end: '17:30' },
  ],
  holidays: { '2025-10-01': '国庆节 National Day' },
  workdays: { '2025-10-11': '国庆节调休上班 make-up working day' },
  coverage: { from: '2025-01-01', to: '2025-12-31' },
};

// Runs defineCalendar on `valid` with some fields replaced and returns the error it throws.
function rejection(changes: Record<string, unknown>): CalendarError {
  try {
    defineCalendar({ ...valid, ...changes });
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(changes)} to be rejected`);
}

describe('defineCalendar', () => {
  it('returns a valid calendar unchanged', () => {
    expect(defineCalendar(valid)).toEqual(valid);
  });

  it('accepts 24:00 as the end of the working day', () => {
    expect(defineCalendar({ ...valid, workingHours: [{ start: '00:00', end: '24:00' }] }).workingHours).toHaveLength(1);
  });

  it('rejects a badly written date and quotes it', () => {
    const error = rejection({ holidays: { '2025-10-1': '国庆节' } });
    expect(error.code).toBe('INVALID_CALENDAR');
    expect(error.message).toContain('holidays["2025-10-1"]: Date "2025-10-1" is not a real \'YYYY-MM-DD\' date; write it like "2025-10-01".');
  });

  it('rejects a date that does not exist', () => {
    // 2025 is not a leap year.
    expect(rejection({ workdays: { '2025-02-29': 'x' } }).message).toContain('"2025-02-29" is not a real');
  });

  it('rejects a date that is both a holiday and a make-up working day', () => {
    const error = rejection({ holidays: { '2025-10-11': '国庆节' } });
    expect(error.message).toContain('workdays["2025-10-11"]: Date "2025-10-11" is both a holiday ("国庆节")');
  });

  it('rejects a make-up working day that is not on a weekend', () => {
    // 2025-10-09 is a Thursday, a working day already.
    const error = rejection({ workdays: { '2025-10-09': '调休' } });
    expect(error.message).toContain('Make-up working day "2025-10-09" is a Thursday, which is not a weekend day (weekend: [0,6])');
  });

  it('rejects unsorted working hours', () => {
    const error = rejection({ workingHours: [{ start: '13:30', end: '17:30' }, { start: '08:30', end: '12:00' }] });
    expect(error.message).toContain('workingHours[1]: Working hours 08:30-12:00 overlap or come before 13:30-17:30');
  });

  it('rejects overlapping working hours', () => {
    const error = rejection({ workingHours: [{ start: '08:30', end: '12:00' }, { start: '11:00', end: '14:00' }] });
    expect(error.message).toContain('Working hours 11:00-14:00 overlap or come before 08:30-12:00');
  });

  it('rejects malformed working-hour times', () => {
    const error = rejection({ workingHours: [{ start: '8:30', end: '25:00' }, { start: '24:00', end: '24:00' }] });
    expect(error.message).toContain('workingHours[0].start: Start time "8:30" is not an \'HH:MM\' time');
    expect(error.message).toContain('workingHours[0].end: End time "25:00" is not an \'HH:MM\' time');
    expect(error.message).toContain('workingHours[1].start: Start time "24:00"');
  });

  it('rejects working hours that end before they start', () => {
    expect(rejection({ workingHours: [{ start: '12:00', end: '08:30' }] }).message).toContain('Working hours 12:00-08:30 end before they start');
  });

  it('rejects empty working hours', () => {
    expect(rejection({ workingHours: [] }).message).toContain('workingHours: Working hours are empty');
  });

  it('rejects an offset out of range or not in whole minutes', () => {
    expect(rejection({ utcOffsetMinutes: 900 }).message).toContain('utcOffsetMinutes: UTC offset 900 is out of range');
    expect(rejection({ utcOffsetMinutes: 480.5 }).message).toContain('UTC offset 480.5 is out of range');
  });

  it('rejects a weekend day that is not a day of the week, or listed twice', () => {
    const error = rejection({ weekend: [0, 7, 0] });
    expect(error.message).toContain('weekend[1]: Weekend day 7 is not a day of the week');
    expect(error.message).toContain('weekend[2]: Weekend day 0 (Sunday) is listed twice');
  });

  it('rejects entries outside the coverage', () => {
    const error = rejection({ holidays: { '2026-01-01': '元旦' } });
    expect(error.message).toContain('holidays["2026-01-01"]: Date "2026-01-01" is outside coverage 2025-01-01..2025-12-31');
  });

  it('rejects a coverage that ends before it starts', () => {
    expect(rejection({ coverage: { from: '2025-12-31', to: '2025-01-01' } }).message).toContain('Coverage 2025-12-31..2025-01-01 ends before it starts');
  });

  it('rejects wrong types, missing fields and unknown keys with the value', () => {
    const { weekend: _omitted, ...withoutWeekend } = valid;
    const error = rejection({ ...withoutWeekend, weekend: undefined, utcOffsetMinutes: '480', holidayz: {} });
    expect(error.message).toContain('weekend: Invalid input: expected array, received undefined; it is missing; add it.');
    expect(error.message).toContain('utcOffsetMinutes: Invalid input: expected number, received string; got "480".');
    expect(error.message).toContain('(calendar): Unknown key "holidayz"; remove it or check its spelling.');
  });

  it('lists every problem at once', () => {
    const error = rejection({ name: 'bad name', utcOffsetMinutes: -800, workdays: { '2025-10-09': 'x', '2025-13-01': 'y' } });
    expect(error.message).toMatch(/^Business calendar "bad name" is invalid \(4 problems\):\n- /);
    expect(error.problems.map((problem) => problem.path)).toEqual([
      ['name'],
      ['utcOffsetMinutes'],
      ['workdays', '2025-13-01'],
      ['workdays', '2025-10-09'],
    ]);
  });

  it('still checks the order of working hours when one range is malformed', () => {
    const error = rejection({ workingHours: [{ start: '13:30', end: '17:30' }, 'nine-to-five', { start: '08:30', end: '12:00' }] });
    expect(error.message).toContain('workingHours[1]: Invalid input: expected object, received string; got "nine-to-five".');
    expect(error.message).toContain('workingHours[2]: Working hours 08:30-12:00 overlap or come before 13:30-17:30');
  });

  it('still checks make-up days when a holiday name has the wrong type', () => {
    const error = rejection({ holidays: { '2025-10-01': 1, '2025-10-11': '国庆节' } });
    expect(error.message).toContain('holidays["2025-10-01"]: Invalid input: expected string, received number; got 1.');
    expect(error.message).toContain('Date "2025-10-11" is both a holiday');
  });

  it('rejects something that is not an object', () => {
    expect(() => defineCalendar('cn-mainland')).toThrow('(calendar): Invalid input: expected object, received string; got "cn-mainland".');
  });

  it('exports the schema for hosts that validate themselves', () => {
    expect(businessCalendarSchema.safeParse(valid).success).toBe(true);
    expect(businessCalendarSchema.safeParse({ ...valid, weekend: [9] }).success).toBe(false);
  });
});
