import { toMillis, type Instant } from '@shuoshi/engine';

// Snapshots keep UTC; people in Ninghai read Beijing time whatever zone the server runs in.
const FORMAT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Formats an instant as Beijing time with the weekday, as the union's staff read it.
 * @example
 * shanghaiTime('2025-11-03T14:40:00Z'); // '2025-11-03 周一 22:40'
 */
export function shanghaiTime(at: Instant): string {
  const parts = new Map(FORMAT.formatToParts(new Date(toMillis(at))).map((part) => [part.type, part.value]));
  return `${parts.get('year')}-${parts.get('month')}-${parts.get('day')} ${parts.get('weekday')} ${parts.get('hour')}:${parts.get('minute')}`;
}
