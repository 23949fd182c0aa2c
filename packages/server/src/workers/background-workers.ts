import type { AppDeps } from '../app/app-deps.js';
import { createOutboxWorker, outboxSettingsOf } from '../outbox/index.js';
import { createTimerWorker } from '../timers/index.js';
import { createRiskWorker } from '../risk/risk-worker.js';
import { createRollupWorker } from '../rollups/index.js';
import type { WorkerLoop } from './worker-loop.js';

/**
 * Every background job a server process runs (timers, outbox deliveries, the risk register...):
 * each entry builds its loop from the app's dependencies. Add a job with one line here.
 * @example
 * const loops = BACKGROUND_WORKERS.map((build) => build(deps));
 */
export const BACKGROUND_WORKERS: ReadonlyArray<(deps: AppDeps) => WorkerLoop> = [
  (deps) => createTimerWorker(deps),
  // Settings come from the server's validated configuration, or the environment when there is none.
  (deps) => createOutboxWorker(deps, outboxSettingsOf(deps)),
  (deps) => createRiskWorker(deps),
  (deps) => createRollupWorker(deps),
];

/**
 * The background jobs of one server process, started and stopped together.
 * @example
 * const workers = createBackgroundWorkers(deps);
 * workers.start();
 * await workers.stop();
 */
export interface BackgroundWorkers {
  readonly loops: readonly WorkerLoop[];
  start(): void;
  /** Stops every loop and waits for their ticks in progress. */
  stop(): Promise<void>;
}

/**
 * Builds the process's background jobs from BACKGROUND_WORKERS (or the given builders).
 * @example
 * const workers = createBackgroundWorkers(deps);
 */
export function createBackgroundWorkers(deps: AppDeps, builders: ReadonlyArray<(deps: AppDeps) => WorkerLoop> = BACKGROUND_WORKERS): BackgroundWorkers {
  const loops = builders.map((build) => build(deps));
  return {
    loops,
    start() {
      for (const loop of loops) loop.start();
    },
    async stop() {
      await Promise.all(loops.map((loop) => loop.stop()));
    },
  };
}
