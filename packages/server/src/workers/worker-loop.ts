import type { Logger } from 'pino';

/**
 * A background job of the server process: it runs `tick` now and then, drains while there is
 * work, and stops cleanly at shutdown.
 * @example
 * const loop = createWorkerLoop({ name: 'timers', intervalMs: 1000, logger, tick: () => fireDueTimers(deps) });
 * loop.start();
 * await loop.stop();
 */
export interface WorkerLoop {
  readonly name: string;
  /** Starts ticking every `intervalMs` (and at once). */
  start(): void;
  /** Wakes the loop now instead of at its next interval (e.g. after a commit that made work). */
  kick(): void;
  /** Runs one tick now and resolves with how many items it handled (tests drive workers this way). */
  runOnce(): Promise<number>;
  /** Stops ticking and waits for a tick in progress to finish. */
  stop(): Promise<void>;
}

/**
 * What a worker loop does and how often.
 * @example
 * const options: WorkerLoopOptions = { name: 'outbox', intervalMs: 500, logger, tick: async () => 0 };
 */
export interface WorkerLoopOptions {
  name: string;
  /** Pause between ticks that found nothing to do. */
  intervalMs: number;
  logger: Logger;
  /** Handles one batch; resolves with the number of items handled (0 when there was nothing). */
  tick: () => Promise<number>;
  /** Pause after a tick that threw, before trying again (defaults to 5 × intervalMs). */
  errorBackoffMs?: number;
}

/**
 * Creates a worker loop: ticks never overlap, a tick that handled items is followed at once by
 * another (draining a backlog, e.g. overdue timers after a restart), a failing tick is logged
 * and retried after a pause.
 * @example
 * const loop = createWorkerLoop({ name: 'timers', intervalMs: 1000, logger, tick });
 * loop.start();
 */
export function createWorkerLoop(options: WorkerLoopOptions): WorkerLoop {
  const { name, intervalMs, logger, tick } = options;
  const errorBackoffMs = options.errorBackoffMs ?? intervalMs * 5;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<number> | undefined;

  function schedule(delay: number): void {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void loop(), delay);
    // A pending tick must not keep a process alive that is otherwise done.
    timer.unref();
  }

  function runOnce(): Promise<number> {
    // Ticks never overlap: a second caller waits for the one in progress, then runs its own.
    const previous = current ?? Promise.resolve(0);
    const next = previous.catch(() => 0).then(() => tick());
    current = next;
    void next.finally(() => {
      if (current === next) current = undefined;
    }).catch(() => undefined);
    return next;
  }

  async function loop(): Promise<void> {
    timer = undefined;
    try {
      const handled = await runOnce();
      schedule(handled > 0 ? 0 : intervalMs);
    } catch (error) {
      logger.error({ err: error, worker: name }, `worker ${name} failed; retrying in ${errorBackoffMs} ms`);
      schedule(errorBackoffMs);
    }
  }

  return {
    name,
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    kick() {
      if (running && !current) schedule(0);
    },
    runOnce,
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current?.catch(() => undefined);
    },
  };
}
