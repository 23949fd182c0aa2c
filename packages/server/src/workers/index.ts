export { createWorkerLoop, type WorkerLoop, type WorkerLoopOptions } from './worker-loop.js';
export { BACKGROUND_WORKERS, createBackgroundWorkers, type BackgroundWorkers } from './background-workers.js';
