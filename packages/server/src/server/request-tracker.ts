import type { Server } from 'node:http';
import type { Logger } from 'pino';

/**
 * Counts the requests a server is answering, logs each one when it ends, and lets shutdown
 * wait until none is left.
 * @example
 * const tracker = trackRequests(server, logger);
 * await tracker.idle(10_000);
 */
export interface RequestTracker {
  readonly inFlight: number;
  /** Resolves true once no request is in flight, or false when `timeoutMs` passes first. */
  idle(timeoutMs: number): Promise<boolean>;
}

/**
 * Starts tracking the requests of an HTTP server.
 * @example
 * const tracker = trackRequests(http.createServer(app), logger);
 */
export function trackRequests(server: Server, logger: Logger): RequestTracker {
  let inFlight = 0;
  let waiters: Array<() => void> = [];
  // First in line, before the app: Express rewrites req.url while routing through mounted routers.
  server.prependListener('request', (req, res) => {
    inFlight += 1;
    const started = performance.now();
    const { method, url } = req;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      inFlight -= 1;
      logger.info({ method, url, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
      if (inFlight === 0) {
        const ready = waiters;
        waiters = [];
        for (const resolve of ready) resolve();
      }
    };
    res.on('finish', finish);
    res.on('close', finish);
  });
  return {
    get inFlight() {
      return inFlight;
    },
    idle(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
    },
  };
}
