export { fireDueTimers, TIMER_BATCH_SIZE, type FiredTimers } from './fire-due-timers.js';
export { createTimerWorker, TIMER_INTERVAL_MS } from './timer-worker.js';
