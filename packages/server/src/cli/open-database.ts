import { isAbsolute, resolve } from 'node:path';
import { loadConfig, type ServerConfig } from '../config/server-config.js';
import { createDatabase, type DatabaseHandle } from '../db/create-database.js';
import { migrateToLatest } from '../db/migrate.js';
import { lockDataDir } from '../server/data-dir-lock.js';
import { databaseStartupError } from '../server/database-error.js';
import { StartupError } from '../server/startup-error.js';
import type { CliIo } from './cli-io.js';

/**
 * A database a command opened from the configuration, migrated, and how to let it go.
 * @example
 * const { handle, config, close } = await openConfiguredDatabase(io);
 */
export interface OpenedDatabase {
  handle: DatabaseHandle;
  config: ServerConfig;
  /** Where the data is, for messages. */
  where: string;
  close(): Promise<void>;
}

/**
 * Opens the database the server would use (same environment variables), claims a PGlite data
 * folder so that no server runs on it meanwhile, and migrates it.
 * @example
 * const opened = await openConfiguredDatabase(io);
 * try { ... } finally { await opened.close(); }
 */
export async function openConfiguredDatabase(io: CliIo): Promise<OpenedDatabase> {
  let config: ServerConfig;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    throw new StartupError(error instanceof Error ? error.message : String(error));
  }
  const dataDir = config.DATABASE_URL ? undefined : isAbsolute(config.SHUOSHI_DATA_DIR) || config.SHUOSHI_DATA_DIR.includes('://') ? config.SHUOSHI_DATA_DIR : resolve(io.baseDir, config.SHUOSHI_DATA_DIR);
  const where = config.DATABASE_URL ? `PostgreSQL (schema ${config.SHUOSHI_DB_SCHEMA})` : `PGlite ${dataDir}`;
  if (io.openDatabase) {
    const handle = await io.openDatabase(config);
    return { handle, config, where, close: async () => undefined };
  }
  const unlock = dataDir && !dataDir.includes('://') ? lockDataDir(dataDir, 'a shuoshi command') : () => undefined;
  try {
    const handle = await createDatabase({ databaseUrl: config.DATABASE_URL, schema: config.SHUOSHI_DB_SCHEMA, ...(dataDir ? { dataDir } : {}) });
    try {
      await migrateToLatest(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return {
      handle,
      config,
      where,
      close: async () => {
        await handle.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw databaseStartupError(error, config.DATABASE_URL);
  }
}
