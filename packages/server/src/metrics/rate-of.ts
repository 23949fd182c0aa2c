import type { Rate } from './schemas.js';

/**
 * A rate with its numerator and denominator; `rate` is null when nothing was counted.
 * @example
 * rateOf(9, 10); // { numerator: 9, denominator: 10, rate: 0.9 }
 */
export function rateOf(numerator: number, denominator: number): Rate {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}
