import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { initialMigration } from './migrations/0001-initial.js';
import { outboxDeliveryMigration } from './migrations/0002-outbox-delivery.js';
import { publicIntakeMigration } from './migrations/0003-public-intake.js';
import { riskRegisterMigration } from './migrations/0004-risk-register.js';
import { orderedDefinitionsMigration } from './migrations/0005-ordered-definitions.js';
import { metricRollupsMigration } from './migrations/0006-metric-rollups.js';
import { hotCaseUpdatesMigration } from './migrations/0007-hot-case-updates.js';
import type { SqlMigration } from './migrations/sql-migration.js';

/**
 * The server's migrations, in order; an inline provider because Kysely's file provider does
 * not work under vitest.
 * @example
 * Object.keys(MIGRATIONS); // ['0001-initial', '0002-outbox-delivery', ...]
 */
export const MIGRATIONS: Readonly<Record<string, SqlMigration>> = Object.freeze({
  '0001-initial': initialMigration,
  '0002-outbox-delivery': outboxDeliveryMigration,
  '0003-public-intake': publicIntakeMigration,
  '0004-risk-register': riskRegisterMigration,
  '0005-ordered-definitions': orderedDefinitionsMigration,
  '0006-metric-rollups': metricRollupsMigration,
  '0007-hot-case-updates': hotCaseUpdatesMigration,
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
