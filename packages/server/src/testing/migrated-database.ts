import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../db/create-database.js';
import { migrateToLatest } from '../db/migrate.js';

/**
 * Gives the calling describe block a freshly migrated database of its own — a new schema on
 * PostgreSQL when DATABASE_URL is set (dropped afterwards), else an in-memory PGlite — and returns
 * a getter for its handle, valid inside the block's tests and hooks.
 * @example
 * const database = useMigratedDatabase('cli');
 * it('reads', async () => { await database().db.selectFrom('tenants').selectAll().execute(); });
 */
export function useMigratedDatabase(label: string): () => DatabaseHandle {
  const schema = `${label}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createDatabase({ databaseUrl: process.env['DATABASE_URL'], schema, dataDir: 'memory://' });
    await migrateToLatest(handle.db);
  }, 60_000);
  afterAll(async () => {
    if (handle?.dialect === 'postgres') await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(handle.db);
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error(`useMigratedDatabase('${label}'): the database is not ready; use it inside a test or a hook of the same describe block`);
    return handle;
  };
}
