import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { preparedPool } from './prepared-pool.js';

/**
 * An open database: the Kysely instance, which engine it runs on, and how to close it.
 * @example
 * const { db, close } = await createDatabase({ dataDir: 'memory://' });
 */
export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: 'pglite' | 'postgres';
  /** The schema the tables live in. */
  schema: string;
  close(): Promise<void>;
}

/**
 * Where the data lives: PostgreSQL when a URL is given (in one schema), else embedded PGlite in
 * a data folder (`memory://` for a throw-away one).
 * @example
 * const options: DatabaseOptions = { databaseUrl: 'postgres://127.0.0.1/test', schema: 'run_42' };
 */
export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  schema?: string;
  dataDir?: string;
  /** Connections to PostgreSQL at most (20 by default; a cluster divides them among its processes). */
  poolSize?: number;
}

/** Connections one server process keeps to PostgreSQL at most. */
export const DEFAULT_POOL_SIZE = 20;

/**
 * Opens the database; the dialect is chosen here and only here, everything else is one code path.
 * @example
 * const handle = await createDatabase({ dataDir: './.shuoshi/data' });
 */
export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const schema = options.schema ?? 'public';
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? DEFAULT_POOL_SIZE, options: `-c search_path=${schema}` });
    // An idle connection that PostgreSQL drops (a restart, a network cut) is reported here; the
    // pool discards it and the next query opens another. Unheard, it would end the process.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedPool(pool) }) });
    if (schema !== 'public') await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${schema}`).execute(db);
    return { db, dialect: 'postgres', schema, close: () => db.destroy() };
  }
  // Loaded only for the embedded database, so a PostgreSQL server does not carry PGlite in memory.
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([import('@electric-sql/pglite'), import('kysely-pglite-dialect')]);
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    dialect: 'pglite',
    schema: 'public',
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
