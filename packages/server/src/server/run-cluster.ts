import cluster, { type Address, type Worker } from 'node:cluster';
import { existsSync } from 'node:fs';
import pino from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import { databaseLabel, demoUsernames, openPreparedDatabase } from './prepare-database.js';
import { startupBanner } from './startup-banner.js';
import { resolveTokenSecret } from './token-secret.js';

/**
 * What the primary of a cluster needs from its caller: where the start-up text goes, the admin
 * build to mention, and the process signals.
 * @example
 * const options: ClusterOptions = { out: console.log, err: console.error, adminDist: undefined, signals };
 */
export interface ClusterOptions {
  out(line: string): void;
  err(line: string): void;
  adminDist: string | undefined;
  signals: { on(signal: 'SIGINT' | 'SIGTERM', handler: (signal: string) => void): void; exitNow(code: number): void };
}

/** Restarts of crashed processes allowed per process within RESTART_WINDOW_MS before the cluster gives up. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

function urlOf(config: Pick<ServerConfig, 'HOST'>, address: Address): string {
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return `http://${host}:${address.port}`;
}

/**
 * Runs `count` server processes on one PostgreSQL and one port (node:cluster shares the listening
 * socket): this primary migrates and seeds the database once, starts the processes, prints the
 * start-up text when all of them listen, starts a process again when one dies (after a pause that
 * grows with each recent restart; more than 5 restarts a minute per process stops them all), and
 * on SIGINT or SIGTERM asks each to stop gracefully (a second signal kills them at once). Every process runs the background workers, which share their work
 * through the database. Answers the exit code.
 * @example
 * process.exitCode = await runCluster(config, 2, { out: console.log, err: console.error, adminDist: undefined, signals });
 */
export async function runCluster(config: ServerConfig, count: number, options: ClusterOptions): Promise<number> {
  const started = performance.now();
  const logger = pino({ level: config.LOG_LEVEL });
  // Every process signs tokens with the one secret: checked before anything starts.
  resolveTokenSecret(config, null);
  const prepared = await openPreparedDatabase(config, { prepare: true, now: new Date(), logger });
  let demoUsers: string[];
  try {
    demoUsers = await demoUsernames(prepared.handle.db);
  } finally {
    await prepared.handle.close();
  }

  let stopping = false;
  const restarts: number[] = [];
  const fork = (): Worker => cluster.fork();
  const alive = (): Worker[] => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());

  return new Promise<number>((resolveCode) => {
    let exitCode = 0;
    let listening = 0;
    const finishWhenAllGone = (): void => {
      if (alive().length === 0) resolveCode(exitCode);
    };
    const stopAll = (code: number): void => {
      exitCode = Math.max(exitCode, code);
      stopping = true;
      for (const worker of alive()) worker.process.kill('SIGTERM');
      finishWhenAllGone();
    };
    cluster.on('listening', (_worker, address) => {
      listening += 1;
      if (listening !== count) return;
      const startMs = Math.round(performance.now() - started);
      for (const line of startupBanner({ url: urlOf(config, address), database: databaseLabel(config, undefined), seeded: prepared.seeded, demoUsers, adminDist: options.adminDist && existsSync(options.adminDist) ? options.adminDist : undefined, startMs })) options.out(line);
      options.out(`${count} 个服务进程 / server processes (SHUOSHI_WORKERS=${config.SHUOSHI_WORKERS}), pids ${alive().map((w) => w.process.pid).join(', ')}`);
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (code !== 0 && signal !== 'SIGTERM') exitCode = Math.max(exitCode, 1);
        finishWhenAllGone();
        return;
      }
      const now = Date.now();
      while (restarts.length > 0 && (restarts[0] ?? 0) < now - RESTART_WINDOW_MS) restarts.shift();
      if (listening < count || restarts.length >= MAX_RESTARTS * count) {
        options.err(`Server process ${worker.process.pid} exited (${signal ?? code}) ${listening < count ? 'before the cluster was ready' : `after ${MAX_RESTARTS * count} restarts in a minute`}: stopping the others. Its output above says why.`);
        stopAll(1);
        return;
      }
      restarts.push(now);
      // Waits a little longer after each recent restart: a database that is down for a while
      // should not use up the restarts in a burst.
      const delayMs = Math.min(10_000, 500 * restarts.length);
      logger.error({ workerPid: worker.process.pid, code, signal, restartInMs: delayMs }, 'a server process died; starting another');
      setTimeout(() => {
        if (!stopping) fork();
      }, delayMs);
    });
    const onSignal = (signal: string): void => {
      if (stopping) {
        options.err(`${signal} again: killing the server processes at once.`);
        for (const worker of alive()) worker.process.kill('SIGKILL');
        options.signals.exitNow(1);
        return;
      }
      options.out(`${signal}: 正在停止 / stopping ${alive().length} server processes — each finishes its requests in flight, then closes the database (${signal} again exits at once).`);
      stopAll(0);
    };
    options.signals.on('SIGINT', onSignal);
    options.signals.on('SIGTERM', onSignal);
    for (let i = 0; i < count; i += 1) fork();
  });
}
