import type { AppDeps } from '../app/app-deps.js';
import { createWorkerLoop, type WorkerLoop } from '../workers/worker-loop.js';
import { sweepRiskRegister } from './risk-sweep.js';

/**
 * How often the risk worker looks for new events.
 * @example
 * setTimeout(check, RISK_WORKER_INTERVAL_MS);
 */
export const RISK_WORKER_INTERVAL_MS = 5_000;

/**
 * Builds the background job that keeps the enterprise risk register current: each tick sweeps
 * the register (see sweepRiskRegister) and answers how many enterprises changed colour.
 * @example
 * const loop = createRiskWorker(deps);
 * await loop.runOnce();
 */
export function createRiskWorker(deps: AppDeps): WorkerLoop {
  return createWorkerLoop({
    name: 'risk-register',
    intervalMs: RISK_WORKER_INTERVAL_MS,
    logger: deps.logger,
    tick: async () => (await sweepRiskRegister(deps)).changed,
  });
}
