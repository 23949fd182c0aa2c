import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_TEMPLATES, createEngine, type Engine } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import pino, { type Logger } from 'pino';
import type { AppDeps } from '../app/app-deps.js';
import { createApp } from '../app/create-app.js';
import { createTokenSigner } from '../auth/tokens.js';
import { createClock } from '../clock/clock.js';
import { loadConfig, type ServerConfig } from '../config/server-config.js';
import { DEFAULT_POOL_SIZE, type DatabaseHandle } from '../db/create-database.js';
import type { Database } from '../db/database.js';
import type { SeedSummary } from '../seed/seed-demo.js';
import { createBackgroundWorkers, type BackgroundWorkers } from '../workers/index.js';
import { registerPublishedWorkflows } from '../workflows/index.js';
import { lockDataDir } from './data-dir-lock.js';
import { databaseLabel, demoUsernames, openPreparedDatabase, type PreparedDatabase } from './prepare-database.js';
import { trackRequests } from './request-tracker.js';
import { startupBanner } from './startup-banner.js';
import { StartupError } from './startup-error.js';
import { resolveTokenSecret } from './token-secret.js';

/** How long login tokens last: a working day and a bit. */
export const TOKEN_TTL_SECONDS = 10 * 3600;

/** How long shutdown waits for requests in flight before closing their connections. */
export const SHUTDOWN_GRACE_MS = 10_000;

// packages/admin/dist, beside this package. The server bundle (dist/cli/main.js, built by
// scripts/server-build.ts) relies on this path: it sits as deep as this file, so it resolves the same.
const DEFAULT_ADMIN_DIST = fileURLToPath(new URL('../../../admin/dist', import.meta.url));

/**
 * How to start: the environment (or a parsed configuration), the folder relative paths are read
 * from, and where the start-up text goes.
 * @example
 * const options: StartServerOptions = { env: { PORT: '0', SHUOSHI_DATA_DIR: '/tmp/shuoshi' }, out: () => undefined };
 */
export interface StartServerOptions {
  env?: Record<string, string | undefined>;
  config?: ServerConfig;
  /** Relative SHUOSHI_DATA_DIR and SHUOSHI_ADMIN_DIST are resolved from here (the working folder by default). */
  baseDir?: string;
  /** Receives the start-up text line by line; console.log by default. */
  out?: (line: string) => void;
  logger?: Logger;
  /**
   * A process of a cluster (see runCluster): the primary has migrated and seeded the database and
   * prints the start-up text, so this process only opens the database and serves.
   */
  prepared?: boolean;
  /** How many processes share the database (a cluster's): they divide the connections among them. */
  workers?: number;
}

/**
 * A running server: where it listens, what it opened, what the start did, and how to stop it.
 * @example
 * const running = await startServer();
 * await running.close();
 */
export interface RunningServer {
  url: string;
  port: number;
  config: ServerConfig;
  dialect: DatabaseHandle['dialect'];
  /** The PGlite data folder (absolute), or undefined on PostgreSQL. */
  dataDir: string | undefined;
  db: Kysely<Database>;
  engine: Engine;
  server: Server;
  /** The process's background jobs (timers, outbox...), running from listen to close. */
  workers: BackgroundWorkers;
  seeded: SeedSummary | null;
  timings: { migrateMs: number; seedMs: number; startMs: number };
  /** Requests being answered right now. */
  readonly requestsInFlight: number;
  /** Stops gracefully: no new connections, waits for requests in flight, closes the database. */
  close(): Promise<void>;
}

function resolveFrom(baseDir: string, path: string): string {
  return isAbsolute(path) || path.includes('://') ? path : resolve(baseDir, path);
}

/**
 * The admin panel's build folder the server serves when it exists: SHUOSHI_ADMIN_DIST (relative to
 * `baseDir`) or packages/admin/dist.
 * @example
 * const dist = adminDistOf(config, process.cwd()); // '/srv/shuoshi/packages/admin/dist'
 */
export function adminDistOf(config: Pick<ServerConfig, 'SHUOSHI_ADMIN_DIST'>, baseDir: string): string {
  return resolveFrom(baseDir, config.SHUOSHI_ADMIN_DIST ?? DEFAULT_ADMIN_DIST);
}

function readConfig(options: StartServerOptions): ServerConfig {
  if (options.config) return options.config;
  try {
    return loadConfig(options.env ?? process.env);
  } catch (error) {
    throw new StartupError(error instanceof Error ? error.message : String(error));
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') reject(new StartupError(`Port ${port} on ${host} is already in use: stop the program using it, or choose another port, e.g. PORT=${port + 1}.`));
      else if (error.code === 'EACCES') reject(new StartupError(`Not allowed to listen on ${host}:${port}: use a port above 1023, e.g. PORT=3000.`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new StartupError(`HOST ${JSON.stringify(host)} is not an address of this machine: use 127.0.0.1, 0.0.0.0 (every interface) or one of its addresses.`));
      else reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolvePromise();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the server: reads and checks the configuration, opens the database (PGlite in the data
 * folder, or PostgreSQL), migrates it, seeds the Ninghai demo when it has no unions (and
 * SHUOSHI_SEED is true), registers every published workflow in the engine, serves the API (and
 * the built admin panel when there is one) on HOST:PORT, and prints the URL and the demo logins.
 * @example
 * const running = await startServer({ env: { ...process.env, PORT: '0' } });
 * console.log(running.url);
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const started = performance.now();
  const config = readConfig(options);
  const out = options.out ?? ((line: string) => console.log(line));
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL });
  const baseDir = options.baseDir ?? process.cwd();
  const dataDir = config.DATABASE_URL ? undefined : resolveFrom(baseDir, config.SHUOSHI_DATA_DIR);
  // Checked before anything is opened, so that a missing secret leaves nothing behind.
  const secret = config.DATABASE_URL ? resolveTokenSecret(config, null) : undefined;

  const onDisk = dataDir !== undefined && !dataDir.includes('://');
  const unlock = onDisk ? lockDataDir(dataDir, 'the server') : () => undefined;
  const clock = createClock({ testMode: config.SHUOSHI_TEST_MODE });
  let prepared: PreparedDatabase;
  try {
    prepared = await openPreparedDatabase(config, { dataDir, prepare: options.prepared !== true, now: clock.now(), logger, poolSize: Math.max(4, Math.floor(DEFAULT_POOL_SIZE / (options.workers ?? 1))) });
  } catch (error) {
    unlock();
    throw error;
  }
  const { handle, seeded, migrateMs, seedMs } = prepared;
  try {
    const db = handle.db;
    const engine = createEngine({ workflows: [...BUILTIN_TEMPLATES], now: () => clock.now() });
    const registration = await registerPublishedWorkflows(db, engine);
    for (const failed of registration.failed) logger.error(failed, 'a published workflow was not registered in the engine');
    logger.info({ registered: registration.registered }, 'workflows registered');

    const tokenSecret = secret ?? resolveTokenSecret(config, onDisk ? dataDir : null);
    if (tokenSecret.source === 'generated') logger.info({ file: tokenSecret.file }, 'generated the token secret');
    const adminDist = adminDistOf(config, baseDir);
    const deps: AppDeps = {
      db,
      engine,
      tokens: createTokenSigner(tokenSecret.secret, TOKEN_TTL_SECONDS, () => clock.now()),
      logger,
      clock,
      // The outbox and the referral links read their settings from here, not from process.env.
      config,
      options: { testMode: config.SHUOSHI_TEST_MODE, ...(existsSync(adminDist) ? { adminDist } : {}) },
    };
    const { app } = createApp(deps);
    const workers = createBackgroundWorkers(deps);
    const server = createServer(app);
    const tracker = trackRequests(server, logger);
    await listen(server, config.PORT, config.HOST);
    const port = (server.address() as AddressInfo).port;
    const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
    const url = `http://${host}:${port}`;
    const startMs = Math.round(performance.now() - started);

    // A cluster's processes stay quiet: the primary prints the start-up text once for them all.
    if (!options.prepared) {
      const banner = startupBanner({ url, database: databaseLabel(config, dataDir), seeded, demoUsers: await demoUsernames(db), adminDist: deps.options.adminDist, startMs });
      for (const line of banner) out(line);
    }
    logger.info({ url, dialect: handle.dialect, migrateMs, seedMs, startMs }, 'listening');
    // Started once the server listens: overdue timers of a restart fire at once, on a ready server.
    workers.start();

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        logger.info({ inFlight: tracker.inFlight }, 'shutting down: no new connections, finishing requests in flight');
        const closed = new Promise<void>((resolveClosed) => server.close(() => resolveClosed()));
        server.closeIdleConnections();
        const drained = await tracker.idle(SHUTDOWN_GRACE_MS);
        if (!drained) logger.warn({ inFlight: tracker.inFlight }, `requests still in flight after ${SHUTDOWN_GRACE_MS} ms; closing their connections`);
        server.closeAllConnections();
        await closed;
        // Background jobs finish their transaction in progress before the database closes.
        await workers.stop();
        await handle.close();
        unlock();
        logger.info('stopped');
      })();
      return closing;
    };
    return {
      url,
      port,
      config,
      dialect: handle.dialect,
      dataDir,
      db,
      engine,
      server,
      workers,
      seeded,
      timings: { migrateMs, seedMs, startMs },
      get requestsInFlight() {
        return tracker.inFlight;
      },
      close,
    };
  } catch (error) {
    await handle.close().catch(() => undefined);
    unlock();
    throw error;
  }
}
