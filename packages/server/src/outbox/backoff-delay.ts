import type { OutboxSettings } from './outbox-settings.js';

/**
 * How long to wait after the `attempt`-th failed attempt (1-based): exponential from
 * `firstBackoffMs`, capped at `maxBackoffMs`, with ±20 % jitter so that rows failing together do
 * not all come back at the same instant (the factor of 4 keeps each wait longer than the last).
 * @example
 * backoffDelay(1, { ...DEFAULT_OUTBOX_SETTINGS, random: () => 0.5 }); // 30000
 */
export function backoffDelay(attempt: number, settings: Pick<OutboxSettings, 'firstBackoffMs' | 'backoffFactor' | 'maxBackoffMs' | 'random'>): number {
  const exponent = Math.max(0, Math.min(attempt, 60) - 1);
  const base = Math.min(settings.maxBackoffMs, settings.firstBackoffMs * settings.backoffFactor ** exponent);
  const jitter = 0.8 + 0.4 * settings.random();
  return Math.round(base * jitter);
}
