import { describe, expect, it } from 'vitest';
import { advance } from './advance.js';
import { defineCalendar } from './define-calendar.js';
import { elapsed } from './elapsed.js';
import { natural } from './natural.js';

const DAY = 86_400_000;

describe('natural', () => {
  it('passes its own validation, 24:00 included', () => {
    expect(defineCalendar(natural)).toEqual(natural);
  });

  it('counts every kind as real time, through National Day', () => {
    // 2025-10-01 is a holiday on cn-mainland but a plain day here.
    const from = Date.parse('2025-10-01T09:00:00+08:00');
    for (const kind of ['natural', 'working_day', 'working_hour'] as const) {
      expect(advance(natural, kind, from, 2 * DAY)).toBe(from + 2 * DAY);
      expect(elapsed(natural, kind, from, from + 2 * DAY)).toBe(2 * DAY);
    }
  });
});
