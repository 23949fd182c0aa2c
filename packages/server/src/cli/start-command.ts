import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { loadConfig, workerCount } from '../config/server-config.js';
import { runCluster } from '../server/run-cluster.js';
import { adminDistOf, startServer, type RunningServer } from '../server/start-server.js';
import { StartupError } from '../server/startup-error.js';
import type { CliIo } from './cli-io.js';

/**
 * How `shuoshi start` waits for its end: the process signals to stop on, and how to exit at once.
 * @example
 * const signals: StopSignals = { on: (s, f) => process.on(s, f), exitNow: (code) => process.exit(code) };
 */
export interface StopSignals {
  on(signal: 'SIGINT' | 'SIGTERM', handler: (signal: string) => void): void;
  exitNow(code: number): void;
}

/**
 * Runs the server until SIGINT or SIGTERM, then stops it gracefully and answers the exit code
 * (0 when it stopped cleanly); a second signal exits at once.
 * @example
 * process.exitCode = await runStart(io, { on: (s, f) => process.on(s, f), exitNow: process.exit });
 */
export async function runStart(io: CliIo, signals: StopSignals, onStarted?: (running: RunningServer) => void): Promise<number> {
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    throw new StartupError(error instanceof Error ? error.message : String(error));
  }
  const count = io.forkable === true ? workerCount(config, availableParallelism()) : 1;
  if (count > 1 && cluster.isPrimary) return runCluster(config, count, { out: io.out, err: io.err, adminDist: adminDistOf(config, io.baseDir), signals });
  // A process of a cluster: the primary has prepared the database, prints for all and stops this
  // process with SIGTERM (then SIGKILL). A Ctrl-C in the terminal reaches every process: it is the
  // primary's to handle, so it is ignored here from the start.
  const inCluster = cluster.isWorker;
  if (inCluster) signals.on('SIGINT', () => undefined);
  const running = await startServer({ env: io.env, baseDir: io.baseDir, out: io.out, ...(inCluster ? { prepared: true, workers: count } : {}) });
  onStarted?.(running);
  return new Promise<number>((resolveCode) => {
    let stopping = false;
    const stop = (signal: string): void => {
      if (stopping) {
        // In a cluster the same SIGTERM may come twice (from a service manager and from the
        // primary): the primary kills a process that does not stop in time.
        if (inCluster) return;
        io.err(`${signal} again: exiting at once.`);
        signals.exitNow(1);
        return;
      }
      stopping = true;
      if (!inCluster) io.out(`${signal}: 正在停止 / stopping — finishing requests in flight, then closing the database (${signal} again exits at once).`);
      running.close().then(
        () => resolveCode(0),
        (error: unknown) => {
          io.err(`The server did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
          resolveCode(1);
        },
      );
    };
    if (!inCluster) signals.on('SIGINT', stop);
    signals.on('SIGTERM', stop);
  });
}
