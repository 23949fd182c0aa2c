import type { MetricsScope } from './metrics-repository.js';
import type { RollupFigures } from './rollup-repository.js';

/**
 * How many ended periods' figures a process keeps.
 * @example
 * CLOSED_PERIODS_KEPT; // 2000
 */
export const CLOSED_PERIODS_KEPT = 2000;

/**
 * The figures of periods that have ended, kept by the process once computed: they are read as of
 * the period's end from an append-only log, so asking again would compute the same (a monthly
 * 通报 stays as first published). The oldest entries go first when the store is full.
 * @example
 * const closed = createClosedPeriods();
 * const figures = await closed.get(scope, () => replay(scope));
 */
export interface ClosedPeriods {
  get(scope: MetricsScope, compute: () => Promise<Map<string, RollupFigures>>): Promise<Map<string, RollupFigures>>;
}

function keyOf(scope: MetricsScope): string {
  const { tenantPath, groupByChild, workflowKey, channel, category, cohortOnly, period } = scope;
  return JSON.stringify([tenantPath, groupByChild, workflowKey ?? null, channel ?? null, category?.value ?? null, cohortOnly === true, period.from, period.to]);
}

/**
 * Creates an empty store of ended periods' figures (one per metrics service).
 * @example
 * const closed = createClosedPeriods(100);
 */
export function createClosedPeriods(limit = CLOSED_PERIODS_KEPT): ClosedPeriods {
  const kept = new Map<string, Promise<Map<string, RollupFigures>>>();
  return {
    get(scope, compute) {
      const key = keyOf(scope);
      const hit = kept.get(key);
      if (hit) return hit;
      // The promise is kept at once, so that requests arriving together compute once; a failure is forgotten.
      const computing = compute();
      kept.set(key, computing);
      computing.catch(() => kept.delete(key));
      if (kept.size > limit) kept.delete(kept.keys().next().value as string);
      return computing;
    },
  };
}
