/**
 * A business calendar as data: which local days are working days and which local hours of
 * them are working hours. All day boundaries are local to `utcOffsetMinutes` (no DST).
 * Build one for a host with `defineCalendar`, which validates it.
 * @example
 * const calendar: BusinessCalendar = {
 *   name: 'office', title: { zh: '办公日历', en: 'Office calendar' }, utcOffsetMinutes: 480,
 *   weekend: [0, 6], workingHours: [{ start: '09:00', end: '17:00' }], holidays: {}, workdays: {},
 * };
 */
export interface BusinessCalendar {
  /** Identifier that workflows refer to, e.g. `cn-mainland`. */
  name: string;
  title: { zh: string; en: string };
  /** Offset of local time from UTC in minutes, e.g. 480 for China. */
  utcOffsetMinutes: number;
  /** Days of the week that are off by default: 0 = Sunday ... 6 = Saturday. */
  weekend: number[];
  /** Local `HH:MM` ranges of a working day, sorted and non-overlapping; `24:00` may end the last. */
  workingHours: Array<{ start: string; end: string }>;
  /** `YYYY-MM-DD` -> name: days off (public holidays and 调休 days off). */
  holidays: Record<string, string>;
  /** `YYYY-MM-DD` -> name: make-up working days (调休上班) that fall on a weekend. */
  workdays: Record<string, string>;
  /** Date range the holiday data covers; outside it only the weekend rule applies. */
  coverage?: { from: string; to: string };
}

/**
 * How time is counted: `natural` is real elapsed time, `working_day` counts every local hour
 * of working days, `working_hour` counts only the working hours of working days.
 * @example
 * const kind: TimeKind = 'working_day';
 */
export type TimeKind = 'natural' | 'working_day' | 'working_hour';
