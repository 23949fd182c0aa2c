/**
 * Why the calendar module refused something: an unknown calendar name, a calendar that fails
 * validation, or an argument outside what a function accepts (a malformed date, a negative
 * amount, an instant beyond year 9999).
 * @example
 * const code: CalendarErrorCode = 'UNKNOWN_CALENDAR';
 */
export type CalendarErrorCode = 'UNKNOWN_CALENDAR' | 'INVALID_CALENDAR' | 'OUT_OF_RANGE';

/**
 * One problem found in a calendar: where it is (a path into the calendar) and what to do.
 * @example
 * const problem: CalendarProblem = { path: ['workingHours', 1, 'start'], message: '"25:00" is not a time' };
 */
export interface CalendarProblem {
  path: Array<string | number>;
  message: string;
}

/**
 * The one error the calendar module throws; the message quotes the bad value and says how to
 * fix it, and `problems` lists each validation problem separately for INVALID_CALENDAR.
 * @example
 * throw new CalendarError('UNKNOWN_CALENDAR', 'Unknown business calendar "cn-hk"; known calendars: "cn-mainland", "natural".');
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly code: CalendarErrorCode;
  readonly problems: readonly CalendarProblem[];

  constructor(code: CalendarErrorCode, message: string, problems: readonly CalendarProblem[] = []) {
    super(message);
    this.code = code;
    this.problems = problems;
  }
}
