import { EngineError } from '../errors/index.js';

/**
 * A point in time as a Date, epoch milliseconds or an ISO 8601 text.
 * @example
 * const at: Instant = '2025-10-11T09:00:00+08:00';
 */
export type Instant = Date | number | string;

/**
 * Turns an instant into epoch milliseconds, or throws INVALID_DATA quoting the bad value.
 * @example
 * toMillis('1970-01-01T00:00:01Z'); // 1000
 */
export function toMillis(at: Instant): number {
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new EngineError('INVALID_DATA', `Time ${JSON.stringify(at)} is not a valid instant: give a Date, epoch milliseconds or an ISO 8601 text such as "2025-10-11T09:00:00+08:00".`);
  return ms;
}
