import { Migrator, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import { initialMigration } from './migrations/0001-initial.js';

/**
 * The server's migrations, in order; an inline provider because Kysely's file provider does
 * not work under vitest.
 * @example
 * Object.keys(MIGRATIONS); // ['0001-initial']
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-initial': initialMigration,
});

/**
 * Migrates a database to the latest schema; throws with the failing migration's name.
 * @example
 * await migrateToLatest(db);
 */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<MigrationResultSet> {
  // Kysely looks for its bookkeeping tables in every schema unless told which: on a PostgreSQL
  // shared by several schemas (test runs, tenants of a host) another schema's tables would fool it.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) }, migrationTableSchema: rows[0]?.schema ?? 'public' });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration "${failed}" failed: ${result.error instanceof Error ? result.error.message : String(result.error)}`, { cause: result.error });
  }
  return result;
}
