import { randomUUID } from 'node:crypto';
import { BUILTIN_TEMPLATES, createEngine, type Engine } from '@shuoshi/engine';
import type { Express } from 'express';
import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import request from 'supertest';
import type { AppDeps } from '../app/app-deps.js';
import { createApp } from '../app/create-app.js';
import { createTokenSigner } from '../auth/tokens.js';
import { createClock, type Clock } from '../clock/clock.js';
import { createDatabase } from '../db/create-database.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { verifyRollups } from '../rollups/index.js';

/**
 * A migrated, seeded database and the app over it, with a test clock: what the server's tests share.
 * @example
 * const ctx: AppTestContext = await createTestContext();
 * const token = await ctx.login('chalu.intake_operator');
 */
export interface AppTestContext {
  app: Express;
  registry: RouteRegistry;
  db: Kysely<Database>;
  engine: Engine;
  clock: Clock;
  deps: AppDeps;
  dialect: 'pglite' | 'postgres';
  login(username: string): Promise<string>;
  /**
   * Drops the database; first checks that the rollups the event path kept agree with the log
   * (see verifyRollups) and throws with the differences if not, unless told not to.
   */
  close(options?: { verifyRollups?: boolean }): Promise<void>;
}

/**
 * How to make one: the schema's prefix, where the test clock starts (once the seed is in), the
 * users' password, and the seed. The engine holds the built-in templates.
 * @example
 * const options: AppTestContextOptions = { label: 't', start: new Date(), password: 'pw', seed: async () => {} };
 */
export interface AppTestContextOptions {
  label: string;
  start: Date;
  password: string;
  seed(db: Kysely<Database>): Promise<void>;
}

/**
 * Opens a fresh test database — PostgreSQL in its own schema `${label}_…` when DATABASE_URL is set,
 * else an in-memory PGlite — migrates and seeds it, and builds the app over it.
 * @example
 * const ctx = await createAppTestContext({ label: 'demo', start: now, password: DEMO_PASSWORD, seed: (db) => seedDemo(db) });
 * afterAll(() => ctx.close());
 */
export async function createAppTestContext(options: AppTestContextOptions): Promise<AppTestContext> {
  const schema = `${options.label}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const handle = await createDatabase({ databaseUrl: process.env['DATABASE_URL'], schema, dataDir: 'memory://' });
  const db = handle.db;
  const drop = async () => {
    if (handle.dialect === 'postgres') await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(db);
  };
  try {
    await migrateToLatest(db);
    await options.seed(db);
  } catch (error) {
    // Leave no half-made schema behind when a run fails before its tests start.
    await drop().finally(() => handle.close());
    throw error;
  }
  // The test clock runs on from its start: started after a seed of seconds, the tests begin at `start`.
  const clock = createClock({ testMode: true, start: options.start });
  const engine = createEngine({ workflows: [...BUILTIN_TEMPLATES], now: () => clock.now() });
  const deps: AppDeps = {
    db,
    engine,
    tokens: createTokenSigner('test-secret-that-is-at-least-32-chars', 3600, () => clock.now()),
    logger: pino({ level: 'silent' }),
    clock,
    options: { testMode: true },
  };
  const { app, registry } = createApp(deps);
  return {
    app,
    registry,
    db,
    engine,
    clock,
    deps,
    dialect: handle.dialect,
    async login(username) {
      const response = await request(app).post('/api/auth/login').send({ username, password: options.password });
      if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return (response.body as { token: string }).token;
    },
    async close(closeOptions = {}) {
      let problems: string[] = [];
      try {
        if (closeOptions.verifyRollups !== false) problems = await verifyRollups(db, engine);
      } finally {
        // Dropped and closed even when the check itself fails.
        await drop().finally(() => handle.close());
      }
      if (problems.length > 0) throw new Error(`The metric rollups disagree with the event log (${problems.length}):\n${problems.slice(0, 20).join('\n')}`);
    },
  };
}
