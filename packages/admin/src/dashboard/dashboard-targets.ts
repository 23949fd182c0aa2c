import { useStore } from 'react-admin';
import type { RateKey } from './metrics-types.js';

/**
 * The default targets of the four rates (0..1): 办结率 95 %, 按时率 90 %, 响应率 98 %, 满意率 90 %.
 * @example
 * DEFAULT_TARGETS.completion; // 0.95
 */
export const DEFAULT_TARGETS: Readonly<Record<RateKey, number>> = { completion: 0.95, onTime: 0.9, response: 0.98, satisfaction: 0.9 };

/**
 * The react-admin store key of the targets (kept per user across logouts: store/user-store.ts).
 * @example
 * store.getItem(TARGETS_STORE_KEY);
 */
export const TARGETS_STORE_KEY = 'dashboard.targets';

/**
 * How a rate stands against its target: met, missed, or none (no denominator in the period).
 * @example
 * targetStanding(0.93, 0.95); // 'missed'
 */
export function targetStanding(rate: number | null, target: number): 'met' | 'missed' | 'none' {
  if (rate === null) return 'none';
  // Rates are ratios of counts; compare at the shown precision so 94.999… % is not "missed" against 95 %.
  return Math.round(rate * 10_000) >= Math.round(target * 10_000) ? 'met' : 'missed';
}

/**
 * The user's targets (the defaults until changed) and a setter; a stored value missing a key
 * (an older version) takes the default for it.
 * @example
 * const [targets, setTargets] = useDashboardTargets();
 */
export function useDashboardTargets(): [Record<RateKey, number>, (targets: Record<RateKey, number>) => void] {
  const [stored, setStored] = useStore<Partial<Record<RateKey, number>>>(TARGETS_STORE_KEY, DEFAULT_TARGETS);
  return [{ ...DEFAULT_TARGETS, ...stored }, setStored];
}
