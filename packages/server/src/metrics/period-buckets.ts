import { monthOf } from './metrics-period.js';

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * The rollup buckets that make up a period of whole days: every calendar month it covers whole
 * (`YYYY-MM`), and the days of the months it covers in part (`YYYY-MM-DD`).
 * @example
 * periodBuckets('2026-10-30', '2026-12-31'); // ['2026-10-30', '2026-10-31', '2026-11', '2026-12']
 */
export function periodBuckets(from: string, to: string): string[] {
  const buckets: string[] = [];
  let day = from;
  while (day <= to) {
    const month = monthOf(day);
    if (day === month.first && month.last <= to) {
      buckets.push(day.slice(0, 7));
      day = nextDay(month.last);
    } else {
      buckets.push(day);
      day = nextDay(day);
    }
  }
  return buckets;
}
