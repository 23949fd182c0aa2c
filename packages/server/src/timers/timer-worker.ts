import type { AppDeps } from '../app/app-deps.js';
import { createWorkerLoop, type WorkerLoop } from '../workers/worker-loop.js';
import { fireDueTimers } from './fire-due-timers.js';

/** Pause between looks for due timers when none were due: SLA ladders are minutes to days long. */
export const TIMER_INTERVAL_MS = 1000;

/**
 * The timer worker of a server process: fires due timers in batches (see fireDueTimers), at
 * once after a start (a restart fires what fell due while the server was down) and then every
 * second, draining a backlog without pause.
 * @example
 * const timers = createTimerWorker(deps);
 * await timers.runOnce();
 */
export function createTimerWorker(deps: Pick<AppDeps, 'db' | 'engine' | 'clock' | 'logger'>, options: { intervalMs?: number; batchSize?: number } = {}): WorkerLoop {
  return createWorkerLoop({
    name: 'timers',
    intervalMs: options.intervalMs ?? TIMER_INTERVAL_MS,
    logger: deps.logger,
    tick: async () => {
      const round = await fireDueTimers(deps, options.batchSize === undefined ? {} : { batchSize: options.batchSize });
      return round.fired + round.stale + round.refused;
    },
  });
}
