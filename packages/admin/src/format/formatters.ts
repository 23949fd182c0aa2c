/**
 * The Intl locale of a panel locale ('zh-CN' or 'en').
 * @example
 * intlLocale('en'); // 'en-GB'
 */
export function intlLocale(locale: string): string {
  // en-GB writes day-month-year and a 24-hour clock, closer to what Chinese staff expect than en-US.
  return locale.startsWith('en') ? 'en-GB' : 'zh-CN';
}

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A date and time in the user's locale (empty when there is none).
 * @example
 * formatDateTime('2025-09-29T01:00:00Z', 'zh-CN'); // '2025/9/29 09:00' in Asia/Shanghai
 */
export function formatDateTime(value: string | number | Date | null | undefined, locale: string, timeZone?: string): string {
  const date = toDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/**
 * A calendar date (YYYY-MM-DD or an instant) in the user's locale.
 * @example
 * formatDate('2025-10-01', 'en'); // '1 Oct 2025'
 */
export function formatDate(value: string | number | Date | null | undefined, locale: string, timeZone?: string): string {
  // A bare date is a calendar day: read it at noon UTC and print it in UTC, so no time zone moves it.
  const bare = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = bare ? toDate(`${value}T12:00:00Z`) : toDate(value);
  if (!date) return '';
  const zone = bare ? 'UTC' : timeZone;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', ...(zone ? { timeZone: zone } : {}) }).format(date);
}

/**
 * A number in the user's locale (grouping, decimals).
 * @example
 * formatNumber(12345.5, 'zh-CN'); // '12,345.5'
 */
export function formatNumber(value: number | null | undefined, locale: string, options: Intl.NumberFormatOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return new Intl.NumberFormat(intlLocale(locale), options).format(value);
}

/**
 * An amount of yuan in the user's locale.
 * @example
 * formatMoney(1500, 'zh-CN'); // '¥1,500.00'
 */
export function formatMoney(value: number | null | undefined, locale: string): string {
  return formatNumber(value, locale, { style: 'currency', currency: 'CNY' });
}

const UNITS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
] as const;

/**
 * A duration in the user's locale with its two largest units ("2天3小时", "2 days, 3 hr"); under a
 * minute reads as 0 minutes. The sign is dropped: say "left" or "overdue" around it.
 * @example
 * formatDuration(26 * 3600_000, 'zh-CN'); // '1天2小时'
 */
export function formatDuration(ms: number, locale: string): string {
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0 || (parts.length === 0 && unit === 'minute')) {
      parts.push(new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit, unitDisplay: locale.startsWith('en') ? 'short' : 'narrow' }).format(count));
    }
    if (parts.length === 2) break;
  }
  return locale.startsWith('en') ? parts.join(' ') : parts.join('');
}
