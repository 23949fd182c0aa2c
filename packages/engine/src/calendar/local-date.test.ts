import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-calendar.js';
import { CalendarError } from './calendar-error.js';
import { cnMainland } from './cn-mainland.js';
import { localDate } from './local-date.js';

describe('localDate', () => {
  it('turns to the next date at Beijing midnight, 16:00 UTC', () => {
    expect(localDate(cnMainland, Date.parse('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
    expect(localDate(cnMainland, Date.parse('2025-09-30T16:00:00.000Z'))).toBe('2025-10-01');
  });

  it('uses the calendar offset west of UTC', () => {
    // UTC-5: 04:59 UTC on Jan 1 is still 23:59 on Dec 31 locally.
    const calendar: BusinessCalendar = { ...cnMainland, name: 'utc-minus-5', utcOffsetMinutes: -300, coverage: undefined };
    expect(localDate(calendar, Date.parse('2025-01-01T04:59:00Z'))).toBe('2024-12-31');
    expect(localDate(calendar, Date.parse('2025-01-01T05:00:00Z'))).toBe('2025-01-01');
  });

  it('handles instants before 1970', () => {
    expect(localDate(cnMainland, Date.parse('1969-12-31T15:00:00Z'))).toBe('1969-12-31');
  });

  it('rejects an instant that is not a finite number', () => {
    expect(() => localDate(cnMainland, Number.NaN)).toThrow(CalendarError);
    expect(() => localDate(cnMainland, Number.POSITIVE_INFINITY)).toThrow('Instant Infinity is not a usable instant');
  });
});
