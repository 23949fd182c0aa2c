import type { AppDeps } from '../app/app-deps.js';
import { createWorkerLoop, type WorkerLoop } from '../workers/worker-loop.js';
import { foldUnfoldedCases, type FoldCursor } from './fold-unfolded-cases.js';
import { compactRollups } from './rollup-deltas.js';

/**
 * How often the rollup worker folds the metric deltas into the rollups.
 * @example
 * setTimeout(tick, ROLLUP_WORKER_INTERVAL_MS);
 */
export const ROLLUP_WORKER_INTERVAL_MS = 1_000;

/**
 * Builds the background job that keeps the metric rollups compact: each tick folds the log of a
 * batch of cases not folded yet (after an upgrade, or a case moved to another workflow version),
 * then folds the deltas the steps appended into metric_rollups. Answers the cases folded, so that
 * a backlog of them drains at once; compacting alone waits for the next interval.
 * @example
 * const loop = createRollupWorker(deps);
 * await loop.runOnce();
 */
export function createRollupWorker(deps: Pick<AppDeps, 'db' | 'engine' | 'logger'>): WorkerLoop {
  // Pages over the unfolded cases go on from where the last stopped, back to the start at the end.
  let after: FoldCursor | null = null;
  return createWorkerLoop({
    name: 'metric-rollups',
    intervalMs: ROLLUP_WORKER_INTERVAL_MS,
    logger: deps.logger,
    tick: async () => {
      const pass = await foldUnfoldedCases(deps.db, deps.engine, { after });
      after = pass.next;
      await compactRollups(deps.db);
      return pass.folded;
    },
  });
}
