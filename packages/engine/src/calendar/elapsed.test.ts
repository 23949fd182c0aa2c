import { describe, expect, it } from 'vitest';
import { CalendarError } from './calendar-error.js';
import { cnMainland } from './cn-mainland.js';
import { elapsed } from './elapsed.js';
import { natural } from './natural.js';

const HOUR = 3_600_000;
const at = (local: string): number => Date.parse(`${local}+08:00`);

describe('elapsed', () => {
  // Fri 2025-03-14 15:00 to Mon 2025-03-17 10:00, an ordinary weekend in between.
  const friday = at('2025-03-14T15:00:00');
  const monday = at('2025-03-17T10:00:00');

  it('counts real time for natural', () => {
    // 9 h of Friday + 48 h of weekend + 10 h of Monday.
    expect(elapsed(cnMainland, 'natural', friday, monday)).toBe(67 * HOUR);
  });

  it('counts the whole of working days across a weekend', () => {
    // 9 h (Fri 15:00-24:00) + 0 (Sat, Sun) + 10 h (Mon 00:00-10:00).
    expect(elapsed(cnMainland, 'working_day', friday, monday)).toBe(19 * HOUR);
  });

  it('counts only office hours across a weekend', () => {
    // Fri 15:00-17:30 is 2.5 h; Mon 08:30-10:00 is 1.5 h.
    expect(elapsed(cnMainland, 'working_hour', friday, monday)).toBe(4 * HOUR);
  });

  it('leaves out the lunch break', () => {
    // Mon 11:00-12:00 is 1 h, 12:00-13:30 is lunch, 13:30-14:00 is 0.5 h.
    expect(elapsed(cnMainland, 'working_hour', at('2025-03-17T11:00:00'), at('2025-03-17T14:00:00'))).toBe(1.5 * HOUR);
  });

  it('counts the National Day make-up days and skips the holiday', () => {
    // Sep 30 (Tue) 24 h; Oct 1-8 off; Oct 9 (Thu), 10 (Fri), 11 (Sat, 调休上班) 24 h each.
    expect(elapsed(cnMainland, 'working_day', at('2025-09-30T00:00:00'), at('2025-10-12T00:00:00'))).toBe(96 * HOUR);
  });

  it('counts nothing inside a holiday', () => {
    const from = at('2025-10-02T09:00:00');
    const to = at('2025-10-05T17:00:00');
    expect(elapsed(cnMainland, 'working_day', from, to)).toBe(0);
    expect(elapsed(cnMainland, 'working_hour', from, to)).toBe(0);
    expect(elapsed(cnMainland, 'natural', from, to)).toBe(to - from);
  });

  it('counts New Year 2027 as a working day, beyond the data coverage', () => {
    // Thu 2026-12-31 and Fri 2027-01-01 both count; Sat 2027-01-02 does not.
    expect(elapsed(cnMainland, 'working_day', at('2026-12-31T00:00:00'), at('2027-01-03T00:00:00'))).toBe(48 * HOUR);
  });

  it('draws day boundaries at local midnight west of UTC', () => {
    // UTC-5: Fri 2025-03-14 19:00 local to Mon 2025-03-17 01:00 local is 5 h of Friday + 1 h of Monday.
    const newYork = { ...natural, name: 'utc-minus-5', utcOffsetMinutes: -300, weekend: [0, 6] };
    expect(elapsed(newYork, 'working_day', Date.parse('2025-03-15T00:00:00Z'), Date.parse('2025-03-17T06:00:00Z'))).toBe(6 * HOUR);
  });

  it('returns 0 when the end is not after the start', () => {
    expect(elapsed(cnMainland, 'natural', monday, friday)).toBe(0);
    expect(elapsed(cnMainland, 'working_day', monday, monday)).toBe(0);
  });

  it('counts every hour on the natural calendar', () => {
    expect(elapsed(natural, 'working_hour', friday, monday)).toBe(67 * HOUR);
    expect(elapsed(natural, 'working_day', friday, monday)).toBe(67 * HOUR);
  });

  it('rejects an unknown time kind and a non-finite instant', () => {
    const kind = 'weekday' as unknown as 'natural';
    expect(() => elapsed(cnMainland, kind, friday, monday)).toThrow('Time kind "weekday" is not known');
    expect(() => elapsed(cnMainland, 'natural', friday, Number.NaN)).toThrow(CalendarError);
  });
});
