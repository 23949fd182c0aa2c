import { HttpError } from '../http/http-error.js';

const HOUR = 3_600_000;
// Asia/Shanghai has kept UTC+8 without daylight saving since 1991: a fixed offset is exact, and
// needs no time-zone database (which PGlite and small containers may lack).
const SHANGHAI_OFFSET = 8 * HOUR;

/**
 * The period a figure covers: calendar dates in Asia/Shanghai, both inclusive, and the instants
 * they span; `asOf` is when the log is read to (the period's end, or now while it runs).
 * @example
 * const p: MetricsPeriod = { from: '2026-11-01', to: '2026-11-30', start, end, asOf };
 */
export interface MetricsPeriod {
  from: string;
  to: string;
  /** 00:00 of `from` in Asia/Shanghai. */
  start: Date;
  /** 00:00 of the day after `to` in Asia/Shanghai (exclusive). */
  end: Date;
  /** min(end, now): events after it are not read. */
  asOf: Date;
}

/**
 * The Asia/Shanghai calendar date of an instant, `YYYY-MM-DD`.
 * @example
 * shanghaiDate(new Date('2026-10-31T16:30:00Z')); // '2026-11-01'
 */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET).toISOString().slice(0, 10);
}

/**
 * The instant 00:00 of a `YYYY-MM-DD` date begins in Asia/Shanghai.
 * @example
 * shanghaiMidnight('2026-11-01').toISOString(); // '2026-10-31T16:00:00.000Z'
 */
export function shanghaiMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * HOUR).toISOString().slice(0, 10);
}

/**
 * The first and last dates of the month a date falls in.
 * @example
 * monthOf('2026-02-14'); // { first: '2026-02-01', last: '2026-02-28' }
 */
export function monthOf(date: string): { first: string; last: string } {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  const next = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  return { first, last: addDays(next, -1) };
}

function checkDate(name: 'from' | 'to', value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2025-02-30 over to March: the round trip catches dates that do not exist.
  const valid = match !== null && Number.isFinite(parsed) && new Date(parsed).toISOString().slice(0, 10) === value && Number(match[1]) >= 1970;
  if (!valid) {
    throw new HttpError(400, 'INVALID_PERIOD', `The date "${name}" must be a calendar date written YYYY-MM-DD (Asia/Shanghai), e.g. 2026-11-01; got ${JSON.stringify(value)}.`, { parameter: name, value });
  }
  return value;
}

/**
 * Resolves the period of a metrics request: both dates given, or one of them and the rest of its
 * month, or the current month in Asia/Shanghai; a date that is not YYYY-MM-DD, or `from` after
 * `to`, is a 400 INVALID_PERIOD saying how to fix it.
 * @example
 * resolvePeriod({ from: '2026-11-01', to: '2026-11-30' }, new Date());
 */
export function resolvePeriod(query: { from?: string | undefined; to?: string | undefined }, now: Date): MetricsPeriod {
  const fromText = query.from === undefined ? undefined : checkDate('from', query.from);
  const toText = query.to === undefined ? undefined : checkDate('to', query.to);
  const today = shanghaiDate(now);
  const from = fromText ?? monthOf(toText ?? today).first;
  const to = toText ?? monthOf(fromText ?? today).last;
  if (from > to) {
    throw new HttpError(400, 'INVALID_PERIOD', `The period starts after it ends: from ${from} is after to ${to}; send a "from" on or before "to".`, { from, to });
  }
  const start = shanghaiMidnight(from);
  const end = shanghaiMidnight(addDays(to, 1));
  return { from, to, start, end, asOf: new Date(Math.min(end.getTime(), now.getTime())) };
}

/**
 * The last `months` calendar months in Asia/Shanghai up to the one holding `now`, oldest first,
 * each as a period read as of its end (or now, for the current month).
 * @example
 * monthlyPeriods(3, new Date('2026-11-15T00:00:00Z')).map((p) => p.from); // ['2026-09-01', '2026-10-01', '2026-11-01']
 */
export function monthlyPeriods(months: number, now: Date): MetricsPeriod[] {
  const periods: MetricsPeriod[] = [];
  let month = monthOf(shanghaiDate(now));
  for (let i = 0; i < months; i++) {
    periods.unshift(resolvePeriod({ from: month.first, to: month.last }, now));
    month = monthOf(addDays(month.first, -1));
  }
  return periods;
}
