import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import { createDatabase, type DatabaseHandle } from '../db/create-database.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEMO_STAFF } from '../seed/demo-staff.js';
import { isDatabaseEmpty, seedDemoIfEmpty, type SeedSummary } from '../seed/seed-demo.js';
import { databaseStartupError } from './database-error.js';

/**
 * An open database a server can run on: migrated and seeded (unless a cluster's primary did it
 * already), with what that took.
 * @example
 * const { handle, seeded } = await openPreparedDatabase(config, { prepare: true, now: new Date(), logger });
 */
export interface PreparedDatabase {
  handle: DatabaseHandle;
  seeded: SeedSummary | null;
  migrateMs: number;
  seedMs: number;
}

/**
 * Opens the configured database (PGlite in `dataDir`, or PostgreSQL) and, with `prepare`,
 * migrates it and seeds the Ninghai demo when it has no unions and SHUOSHI_SEED is true. Errors
 * of the database come back as start-up errors that say how to fix them; nothing stays open.
 * @example
 * const prepared = await openPreparedDatabase(config, { dataDir: '/srv/shuoshi', prepare: true, now: clock.now(), logger });
 */
export async function openPreparedDatabase(
  config: Pick<ServerConfig, 'DATABASE_URL' | 'SHUOSHI_DB_SCHEMA' | 'SHUOSHI_SEED'>,
  options: { dataDir?: string | undefined; prepare: boolean; now: Date; logger: Logger; poolSize?: number },
): Promise<PreparedDatabase> {
  let handle: DatabaseHandle;
  try {
    handle = await createDatabase({ databaseUrl: config.DATABASE_URL, schema: config.SHUOSHI_DB_SCHEMA, ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...(options.poolSize ? { poolSize: options.poolSize } : {}) });
  } catch (error) {
    throw databaseStartupError(error, config.DATABASE_URL);
  }
  try {
    if (!options.prepare) return { handle, seeded: null, migrateMs: 0, seedMs: 0 };
    let at = performance.now();
    await migrateToLatest(handle.db).catch((error: unknown) => {
      throw databaseStartupError(error, config.DATABASE_URL);
    });
    const migrateMs = Math.round(performance.now() - at);
    at = performance.now();
    const seeded = config.SHUOSHI_SEED && (await isDatabaseEmpty(handle.db)) ? await seedDemoIfEmpty(handle.db, { now: options.now }) : null;
    const seedMs = Math.round(performance.now() - at);
    if (seeded) options.logger.info({ ...seeded }, 'seeded the Ninghai demo');
    return { handle, seeded, migrateMs, seedMs };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The demo usernames that exist and are active, for the start-up table of logins.
 * @example
 * const users = await demoUsernames(db); // ['ninghai.admin', ...]
 */
export async function demoUsernames(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('username')
    .where('username', 'in', DEMO_STAFF.map((s) => s.username))
    .where('active', '=', true)
    .execute();
  return rows.map((r) => r.username);
}

/**
 * How the start-up text names the database: PostgreSQL without its password, or the PGlite folder.
 * @example
 * databaseLabel(config, undefined); // 'PostgreSQL postgres://***@127.0.0.1/test (schema public)'
 */
export function databaseLabel(config: Pick<ServerConfig, 'DATABASE_URL' | 'SHUOSHI_DB_SCHEMA'>, dataDir: string | undefined): string {
  return config.DATABASE_URL ? `PostgreSQL ${config.DATABASE_URL.replace(/\/\/[^@/]*@/, '//***@')} (schema ${config.SHUOSHI_DB_SCHEMA})` : `PGlite ${dataDir}`;
}
