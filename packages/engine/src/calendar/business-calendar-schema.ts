import { z } from 'zod';
import { parseDateKey, weekdayOf } from './local-day.js';
import { parseClockTime } from './working-intervals.js';

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Ctx = z.RefinementCtx;

// Issues we raise quote the value themselves; `quoted` tells the formatter in defineCalendar
// not to append the value a second time.
function problem(ctx: Ctx, path: Array<string | number>, message: string): void {
  ctx.addIssue({ code: 'custom', path, message, params: { quoted: true } });
}

const q = (value: unknown): string => JSON.stringify(value) ?? String(value);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// By default zod skips a refinement once an inner value has failed, which would hide e.g. an
// unsorted range behind a malformed one; these run anyway and read their input defensively.
const onArray = { when: (payload: { value: unknown }) => Array.isArray(payload.value) };
const onObject = { when: (payload: { value: unknown }) => isPlainObject(payload.value) };

const nameSchema = z.string().superRefine((value, ctx) => {
  if (!/^\S+$/.test(value)) {
    problem(ctx, [], `Name ${q(value)} must be non-empty and without spaces; use an identifier such as "cn-zhejiang".`);
  }
});

const textSchema = z.string().superRefine((value, ctx) => {
  if (value.trim() === '') problem(ctx, [], `Title ${q(value)} is empty; write a title such as "宁海县工作日历".`);
});

const offsetSchema = z.number().superRefine((value, ctx) => {
  if (!Number.isInteger(value) || value < -720 || value > 840) {
    problem(ctx, [], `UTC offset ${q(value)} is out of range; use whole minutes from -720 (UTC-12) to 840 (UTC+14), e.g. 480 for China.`);
  }
});

const weekendSchema = z.array(z.number()).superRefine((days, ctx) => {
  days.forEach((day, index) => {
    if (typeof day !== 'number') return;
    if (!Number.isInteger(day) || day < 0 || day > 6) {
      problem(ctx, [index], `Weekend day ${q(day)} is not a day of the week; use 0 (Sunday) to 6 (Saturday).`);
    } else if (days.indexOf(day) !== index) {
      problem(ctx, [index], `Weekend day ${q(day)} (${WEEKDAY_NAMES[day]}) is listed twice; list each day once.`);
    }
  });
}, onArray);

const rangeSchema = z.strictObject({ start: z.string(), end: z.string() });

const workingHoursSchema = z.array(rangeSchema).superRefine((ranges, ctx) => {
  if (ranges.length === 0) {
    problem(ctx, [], 'Working hours are empty; give at least one range, e.g. [{ "start": "09:00", "end": "17:00" }].');
  }
  let previous: { end: number; index: number } | undefined;
  ranges.forEach((range, index) => {
    // Items that failed the shape check are reported by zod already.
    if (typeof range !== 'object' || range === null) return;
    const start = parseClockTime(range.start);
    const end = parseClockTime(range.end);
    // Non-string times are reported by zod's type check already.
    if (typeof range.start === 'string' && (start === undefined || start === 24 * 60)) {
      problem(ctx, [index, 'start'], `Start time ${q(range.start)} is not an 'HH:MM' time from 00:00 to 23:59; write it like "08:30".`);
    }
    if (typeof range.end === 'string' && end === undefined) {
      problem(ctx, [index, 'end'], `End time ${q(range.end)} is not an 'HH:MM' time from 00:00 to 24:00; write it like "17:30".`);
    }
    if (start === undefined || end === undefined) return;
    if (end <= start) {
      problem(ctx, [index], `Working hours ${range.start}-${range.end} end before they start; put the earlier time first, e.g. "08:30"-"12:00".`);
      return;
    }
    if (previous !== undefined && start < previous.end) {
      const other = ranges[previous.index];
      problem(ctx, [index], `Working hours ${range.start}-${range.end} overlap or come before ${other?.start}-${other?.end}; sort the ranges by time and keep them apart.`);
    }
    previous = { end, index };
  });
}, onArray);

const namedDatesSchema = z.record(z.string(), z.string()).superRefine((entries, ctx) => {
  for (const [date, name] of Object.entries(entries)) {
    if (parseDateKey(date) === undefined) {
      problem(ctx, [date], `Date ${q(date)} is not a real 'YYYY-MM-DD' date; write it like "2025-10-01".`);
    }
    if (typeof name === 'string' && name.trim() === '') {
      problem(ctx, [date], `Date ${q(date)} has an empty name; name it, e.g. "国庆节 National Day".`);
    }
  }
}, onObject);

const coverageSchema = z.strictObject({ from: z.string(), to: z.string() }).superRefine((coverage, ctx) => {
  const bad = (['from', 'to'] as const).filter((end) => typeof coverage[end] === 'string' && parseDateKey(coverage[end]) === undefined);
  for (const end of bad) {
    problem(ctx, [end], `Coverage ${end} ${q(coverage[end])} is not a real 'YYYY-MM-DD' date; write it like "2025-01-01".`);
  }
  if (validCoverage(coverage) && coverage.from > coverage.to) {
    problem(ctx, [], `Coverage ${coverage.from}..${coverage.to} ends before it starts; swap from and to.`);
  }
}, onObject);

function validCoverage(value: unknown): value is { from: string; to: string } {
  return (
    isPlainObject(value) &&
    typeof value['from'] === 'string' &&
    typeof value['to'] === 'string' &&
    parseDateKey(value['from']) !== undefined &&
    parseDateKey(value['to']) !== undefined
  );
}

// Checks that need more than one field; each field is read leniently on its own so that one
// broken field does not hide the problems of the others.
function crossCheck(raw: Record<string, unknown>, ctx: Ctx): void {
  const holidays = isPlainObject(raw['holidays']) ? raw['holidays'] : {};
  const workdays = isPlainObject(raw['workdays']) ? raw['workdays'] : {};
  const weekend = Array.isArray(raw['weekend']) ? raw['weekend'].filter((day): day is number => typeof day === 'number') : undefined;
  const coverage = validCoverage(raw['coverage']) && raw['coverage'].from <= raw['coverage'].to ? raw['coverage'] : undefined;

  for (const [date, name] of Object.entries(workdays)) {
    const dayIndex = parseDateKey(date);
    if (dayIndex === undefined) continue;
    if (Object.hasOwn(holidays, date)) {
      problem(ctx, ['workdays', date], `Date ${q(date)} is both a holiday (${q(holidays[date])}) and a make-up working day (${q(name)}); keep it in only one of holidays and workdays.`);
    }
    const weekday = weekdayOf(dayIndex);
    if (weekend !== undefined && !weekend.includes(weekday)) {
      problem(ctx, ['workdays', date], `Make-up working day ${q(date)} is a ${WEEKDAY_NAMES[weekday]}, which is not a weekend day (weekend: ${q(weekend)}), so it is a working day already; remove it, or put days off in holidays.`);
    }
  }
  if (coverage === undefined) return;
  for (const [field, entries] of [['holidays', holidays], ['workdays', workdays]] as const) {
    for (const date of Object.keys(entries)) {
      if (parseDateKey(date) !== undefined && (date < coverage.from || date > coverage.to)) {
        problem(ctx, [field, date], `Date ${q(date)} is outside coverage ${coverage.from}..${coverage.to}, where only the weekend rule applies; widen coverage or remove the entry.`);
      }
    }
  }
}

/**
 * Zod schema of a `BusinessCalendar`, with the checks that span fields: dates are real
 * 'YYYY-MM-DD' dates, working hours are sorted and apart, make-up working days fall on a
 * weekend and are not holidays, and every entry lies within `coverage`.
 * @example
 * const result = businessCalendarSchema.safeParse(JSON.parse(text));
 */
export const businessCalendarSchema = z
  .strictObject({
    name: nameSchema,
    title: z.strictObject({ zh: textSchema, en: textSchema }),
    utcOffsetMinutes: offsetSchema,
    weekend: weekendSchema,
    workingHours: workingHoursSchema,
    holidays: namedDatesSchema,
    workdays: namedDatesSchema,
    coverage: coverageSchema.optional(),
  })
  .superRefine((value, ctx) => crossCheck(value, ctx), onObject);
