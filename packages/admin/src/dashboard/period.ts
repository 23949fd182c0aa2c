/**
 * How long a dashboard period is.
 * @example
 * const kind: PeriodKind = 'quarter';
 */
export type PeriodKind = 'month' | 'quarter' | 'year';

/**
 * A calendar period: a month (index 1-12), a quarter (1-4) or a year (index 1).
 * @example
 * const q4: Period = { kind: 'quarter', year: 2025, index: 4 };
 */
export interface Period {
  kind: PeriodKind;
  year: number;
  index: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The period of a kind that holds a day (YYYY-MM-DD).
 * @example
 * periodOf('quarter', '2025-11-29'); // { kind: 'quarter', year: 2025, index: 4 }
 */
export function periodOf(kind: PeriodKind, day: string): Period {
  const [year = 1970, month = 1] = day.split('-').map(Number);
  if (kind === 'year') return { kind, year, index: 1 };
  if (kind === 'quarter') return { kind, year, index: Math.ceil(month / 3) };
  return { kind, year, index: month };
}

/**
 * The first and last day (inclusive, YYYY-MM-DD) of a period, as the metrics API takes them.
 * @example
 * periodRange({ kind: 'quarter', year: 2025, index: 4 }); // { from: '2025-10-01', to: '2025-12-31' }
 */
export function periodRange(period: Period): { from: string; to: string } {
  const [first, last] = period.kind === 'year' ? [1, 12] : period.kind === 'quarter' ? [period.index * 3 - 2, period.index * 3] : [period.index, period.index];
  return { from: `${period.year}-${pad(first)}-01`, to: `${period.year}-${pad(last)}-${pad(lastDay(period.year, last))}` };
}

/**
 * The period `delta` steps before (negative) or after a period, of the same kind.
 * @example
 * shiftPeriod({ kind: 'month', year: 2025, index: 12 }, 1); // { kind: 'month', year: 2026, index: 1 }
 */
export function shiftPeriod(period: Period, delta: number): Period {
  const size = period.kind === 'year' ? 1 : period.kind === 'quarter' ? 4 : 12;
  const count = period.year * size + (period.index - 1) + delta;
  return { kind: period.kind, year: Math.floor(count / size), index: (count % size) + 1 };
}

/**
 * The message key and values that name a period (`2025年第4季度`).
 * @example
 * periodLabel({ kind: 'month', year: 2025, index: 11 }); // ['shuoshi.dashboard.month_label', { year: 2025, month: 11 }]
 */
export function periodLabel(period: Period): [string, Record<string, number>] {
  if (period.kind === 'year') return ['shuoshi.dashboard.year_label', { year: period.year }];
  if (period.kind === 'quarter') return ['shuoshi.dashboard.quarter_label', { year: period.year, quarter: period.index }];
  return ['shuoshi.dashboard.month_label', { year: period.year, month: period.index }];
}
