import { randomUUID } from 'node:crypto';
import { BUILTIN_TEMPLATES, createEngine, type Engine } from '@shuoshi/engine';
import type { Express } from 'express';
import { sql, type Kysely } from 'kysely';
import pino from 'pino';
import request from 'supertest';
import type { AppDeps } from '../app/app-deps.js';
import type { RouteRegistry } from '../http/route-registry.js';
import { createApp } from '../app/create-app.js';
import { hashPassword } from '../auth/password.js';
import { createTokenSigner } from '../auth/tokens.js';
import { createClock, type Clock } from '../clock/clock.js';
import { createDatabase } from '../db/create-database.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyRollups } from '../rollups/index.js';
import { NINGHAI_TENANTS } from './demo-tenants.js';

/** The password of every test user. */
export const TEST_PASSWORD = 'test-password-1';

/**
 * Test users: one per role in the county and the two townships (username = `${tenant}.${role}`).
 * @example
 * await ctx.login('chalu.mediator');
 */
export const TEST_USERS: ReadonlyArray<{ tenant: string; role: string }> = ['ninghai', 'chalu', 'huchen', 'hengxiang'].flatMap((tenant) =>
  ['county_admin', 'township_admin', 'intake_operator', 'mediator', 'early_warning_officer', 'lawyer', 'counsellor', 'supervisor']
    .filter((role) => (tenant === 'ninghai' ? true : role !== 'county_admin'))
    .map((role) => ({ tenant, role })),
);

/**
 * A migrated database with the Ninghai tenant tree, test users and the built-in templates
 * published by the county, plus the app over it.
 * @example
 * const ctx = await createTestContext();
 * const token = await ctx.login('chalu.intake_operator');
 */
export interface TestContext {
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
 * Opens a fresh test database — PostgreSQL in its own schema when DATABASE_URL is set, else an
 * in-memory PGlite — and seeds it. Share one per test file: a PGlite costs seconds.
 * @example
 * const ctx = await createTestContext();
 * afterAll(() => ctx.close());
 */
export async function createTestContext(): Promise<TestContext> {
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const handle = await createDatabase({ databaseUrl: process.env['DATABASE_URL'], schema, dataDir: 'memory://' });
  const db = handle.db;
  const drop = async () => {
    if (handle.dialect === 'postgres') await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(db);
  };
  try {
    await migrateToLatest(db);
  } catch (error) {
    // Leave no half-made schema behind when a run fails before its tests start.
    await drop().finally(() => handle.close());
    throw error;
  }
  const clock = createClock({ testMode: true, start: new Date('2025-09-29T09:00:00+08:00') });
  const engine = createEngine({ workflows: [...BUILTIN_TEMPLATES], now: () => clock.now() });
  await seedTestData(db);
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
      const response = await request(app).post('/api/auth/login').send({ username, password: TEST_PASSWORD });
      if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      return (response.body as { token: string }).token;
    },
    async close(options = {}) {
      const problems = options.verifyRollups === false ? [] : await verifyRollups(db, engine);
      await drop();
      await handle.close();
      if (problems.length > 0) throw new Error(`The metric rollups disagree with the event log (${problems.length}):\n${problems.slice(0, 20).join('\n')}`);
    },
  };
}

async function seedTestData(db: Kysely<Database>): Promise<void> {
  const paths = new Map<string, string>();
  for (const tenant of NINGHAI_TENANTS) {
    const path = `${tenant.parent ? paths.get(tenant.parent) : '/'}${tenant.id}/`;
    paths.set(tenant.id, path);
    await db.insertInto('tenants').values({ tenant_id: tenant.id, parent_id: tenant.parent, level: tenant.level, name_zh: tenant.zh, name_en: tenant.en, path }).execute();
  }
  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const { tenant, role } of TEST_USERS) {
    await db.insertInto('users').values({ tenant_id: tenant, user_id: `${tenant}.${role}`, username: `${tenant}.${role}`, display_name: `${tenant} ${role}`, password_hash: passwordHash, roles: [role] }).execute();
  }
  for (const workflow of BUILTIN_TEMPLATES) {
    await db
      .insertInto('workflows')
      .values({
        tenant_id: 'ninghai',
        workflow_id: `${workflow.key}@${workflow.version}`,
        key: workflow.key,
        version: workflow.version,
        status: 'published',
        title_zh: workflow.title.zh,
        title_en: workflow.title.en,
        definition: JSON.stringify(workflow),
        published_at: new Date(),
      })
      .execute();
  }
}
