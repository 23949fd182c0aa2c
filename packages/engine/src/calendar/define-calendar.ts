import type { z } from 'zod';
import type { BusinessCalendar } from './business-calendar.js';
import { businessCalendarSchema } from './business-calendar-schema.js';
import { CalendarError, type CalendarProblem } from './calendar-error.js';

/**
 * Validates a host-supplied calendar (for example parsed from JSON) and returns it, or throws
 * `CalendarError('INVALID_CALENDAR')` whose message lists every problem with its path and value.
 * @example
 * const ninghai = defineCalendar({
 *   name: 'cn-ninghai', title: { zh: '宁海县工作日历', en: 'Ninghai County calendar' }, utcOffsetMinutes: 480,
 *   weekend: [0, 6], workingHours: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '17:30' }],
 *   holidays: { ...cnMainland.holidays }, workdays: { ...cnMainland.workdays }, coverage: cnMainland.coverage,
 * });
 */
export function defineCalendar(input: unknown): BusinessCalendar {
  const result = businessCalendarSchema.safeParse(input);
  if (result.success) return result.data;

  const problems = result.error.issues.map((issue) => toProblem(issue, input));
  const name = valueAt(input, ['name']);
  const label = typeof name === 'string' ? `Business calendar ${JSON.stringify(name)}` : 'Business calendar';
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((problem) => `- ${formatPath(problem.path)}: ${problem.message}`);
  throw new CalendarError('INVALID_CALENDAR', `${label} is invalid (${count}):\n${lines.join('\n')}`, problems);
}

function toProblem(issue: z.core.$ZodIssue, input: unknown): CalendarProblem {
  const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ');
    return { path, message: `Unknown key ${keys}; remove it or check its spelling.` };
  }
  if (issue.code === 'custom' && issue.params?.['quoted'] === true) return { path, message: issue.message };
  const value = valueAt(input, path);
  const got = value === undefined ? 'it is missing; add it' : `got ${quote(value)}`;
  return { path, message: `${issue.message}; ${got}.` };
}

function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function formatPath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '(calendar)';
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return index === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join('');
}
