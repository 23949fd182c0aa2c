import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advance } from './advance.js';
import type { BusinessCalendar, TimeKind } from './business-calendar.js';
import { cnMainland } from './cn-mainland.js';
import { defineCalendar } from './define-calendar.js';
import { elapsed } from './elapsed.js';
import { natural } from './natural.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (local: string): number => Date.parse(`${local}+08:00`);
// Beijing wall-clock time of an instant, so failures read like the hand computation.
const beijing = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().replace('Z', '+08:00');

describe('advance', () => {
  it('adds 5 working days from a Friday afternoon to the next Friday', () => {
    // Fri 2025-03-14 15:00: 9 h Fri, Mon-Thu 96 h, 15 h Fri 2025-03-21 = 120 h.
    expect(beijing(advance(cnMainland, 'working_day', at('2025-03-14T15:00:00'), 5 * DAY))).toBe('2025-03-21T15:00:00.000+08:00');
  });

  it('ends 5 working days from a Saturday at the end of the next Friday', () => {
    // Sat and Sun count 0; Mon 03-17 .. Fri 03-21 are 5 whole days, ending at Sat 00:00.
    expect(beijing(advance(cnMainland, 'working_day', at('2025-03-15T10:00:00'), 5 * DAY))).toBe('2025-03-22T00:00:00.000+08:00');
  });

  it('skips the 2025 National Day holiday and uses the Saturday make-up day', () => {
    // Sep 30 10:00-24:00 is 14 h; Oct 1-8 off; Oct 9 and 10 add 48 h (62 h);
    // the last 10 h fall on Sat Oct 11 (调休上班).
    expect(beijing(advance(cnMainland, 'working_day', at('2025-09-30T10:00:00'), 3 * DAY))).toBe('2025-10-11T10:00:00.000+08:00');
  });

  it('skips the 2026 Spring Festival and uses the Saturday before it', () => {
    // Fri Feb 13 09:00-24:00 is 15 h; Sat Feb 14 (调休上班) 24 h (39 h); Feb 15-23 off;
    // Feb 24, 25, 26 add 72 h (111 h); the last 9 h end on Fri Feb 27 at 09:00.
    expect(beijing(advance(cnMainland, 'working_day', at('2026-02-13T09:00:00'), 5 * DAY))).toBe('2026-02-27T09:00:00.000+08:00');
  });

  it('adds working hours over the lunch break and the night', () => {
    // Mon 16:00-17:30 is 1.5 h; Tue 08:30-12:00 is 3.5 h (5 h); 3 h more from 13:30.
    expect(beijing(advance(cnMainland, 'working_hour', at('2025-03-10T16:00:00'), 8 * HOUR))).toBe('2025-03-11T16:30:00.000+08:00');
  });

  it('adds working hours across the National Day holiday', () => {
    // Tue Sep 30 11:00-12:00 is 1 h, 13:30-17:30 is 4 h (5 h); Oct 1-8 off; 1 h from 08:30 Oct 9.
    expect(beijing(advance(cnMainland, 'working_hour', at('2025-09-30T11:00:00'), 6 * HOUR))).toBe('2025-10-09T09:30:00.000+08:00');
  });

  it('starts counting after lunch when it starts during lunch', () => {
    // 12:15 is in the break; 2 h from 13:30.
    expect(beijing(advance(cnMainland, 'working_hour', at('2025-03-10T12:15:00'), 2 * HOUR))).toBe('2025-03-10T15:30:00.000+08:00');
  });

  it('stops at the end of a working period, not at the start of the next', () => {
    // 11:00 + 1 working hour is reached at 12:00; 13:30 would not be the earliest instant.
    expect(beijing(advance(cnMainland, 'working_hour', at('2025-03-10T11:00:00'), HOUR))).toBe('2025-03-10T12:00:00.000+08:00');
  });

  it('adds real time for natural, holidays or not', () => {
    expect(beijing(advance(cnMainland, 'natural', at('2025-09-30T10:00:00'), 3 * DAY))).toBe('2025-10-03T10:00:00.000+08:00');
  });

  it('returns the start for a zero amount, even on a holiday', () => {
    const start = at('2025-10-03T10:00:00');
    expect(advance(cnMainland, 'working_day', start, 0)).toBe(start);
    expect(advance(cnMainland, 'working_hour', start, 0)).toBe(start);
  });

  it('counts New Year 2027 as a working day, beyond the data coverage', () => {
    // Thu 2026-12-31 and Fri 2027-01-01 (no 2027 data yet) are the two working days.
    expect(beijing(advance(cnMainland, 'working_day', at('2026-12-31T00:00:00'), 2 * DAY))).toBe('2027-01-02T00:00:00.000+08:00');
  });

  it('rejects a negative amount', () => {
    expect(() => advance(cnMainland, 'working_day', at('2025-03-10T09:00:00'), -1)).toThrow('Amount -1 cannot be added');
  });

  it('stops with OUT_OF_RANGE on a calendar without working days', () => {
    const never: BusinessCalendar = { ...natural, name: 'never', weekend: [0, 1, 2, 3, 4, 5, 6] };
    expect(() => advance(never, 'working_day', at('2025-03-10T09:00:00'), DAY)).toThrow(/not reached within 36525 days/);
  });
});

// A calendar west of UTC with a half-hour offset, a Sunday-only weekend, a Sunday make-up day
// and working hours that touch midnight, to shake out day-boundary mistakes.
const odd = defineCalendar({
  name: 'odd',
  title: { zh: '测试', en: 'Test' },
  utcOffsetMinutes: -210,
  weekend: [0],
  workingHours: [
    { start: '00:00', end: '06:00' },
    { start: '06:00', end: '07:15' },
    { start: '22:00', end: '24:00' },
  ],
  holidays: { '2025-12-24': 'Eve', '2025-12-25': 'Day', '2026-07-01': 'Mid-year' },
  workdays: { '2025-12-28': 'Make-up Sunday' },
});

const FROM = at('2024-12-01T00:00:00');
const TO = at('2027-02-01T00:00:00');
const calendarArb = fc.constantFrom(cnMainland, natural, odd);
const kindArb = fc.constantFrom<TimeKind>('natural', 'working_day', 'working_hour');
// Half the starts sit on or next to a working-period boundary, where off-by-one bugs live.
const instantArb = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc
    .tuple(fc.integer({ min: 0, max: (TO - FROM) / DAY }), fc.constantFrom(0, 8.5, 12, 13.5, 17.5, 22, 24), fc.constantFrom(-1, 0, 1))
    .map(([day, hour, nudge]) => FROM + day * DAY + hour * HOUR + nudge),
);
const amountArb = fc.oneof(fc.integer({ min: 0, max: 60 * DAY }), fc.integer({ min: 0, max: 400 }).map((h) => h * HOUR));

describe('advance and elapsed over 2024-12..2027-01', () => {
  it('makes elapsed undo advance, at the earliest such instant', () => {
    fc.assert(
      fc.property(calendarArb, kindArb, instantArb, amountArb, (calendar, kind, from, amount) => {
        const end = advance(calendar, kind, from, amount);
        expect(end).toBeGreaterThanOrEqual(from);
        expect(elapsed(calendar, kind, from, end)).toBe(amount);
        if (amount > 0) expect(elapsed(calendar, kind, from, end - 1)).toBeLessThan(amount);
      }),
    );
  });

  it('keeps advance monotonic in the amount', () => {
    fc.assert(
      fc.property(calendarArb, kindArb, instantArb, amountArb, amountArb, (calendar, kind, from, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(advance(calendar, kind, from, small)).toBeLessThanOrEqual(advance(calendar, kind, from, large));
      }),
    );
  });

  it('adds up elapsed time over consecutive spans', () => {
    fc.assert(
      fc.property(calendarArb, kindArb, instantArb, instantArb, instantArb, (calendar, kind, ...points) => {
        const [x, y, z] = points.sort((p, q) => p - q) as [number, number, number];
        expect(elapsed(calendar, kind, x, z)).toBe(elapsed(calendar, kind, x, y) + elapsed(calendar, kind, y, z));
      }),
    );
  });
});
