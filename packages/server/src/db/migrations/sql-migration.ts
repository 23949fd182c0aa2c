import { sql, type Kysely, type Migration } from 'kysely';

/**
 * A migration made of plain SQL statements, which it also exposes for `db/schema.sql`.
 * @example
 * const statements: readonly string[] = initialMigration.statements;
 */
export interface SqlMigration extends Migration {
  /** The `up` statements, in order, without trailing semicolons. */
  readonly statements: readonly string[];
}

/**
 * Builds a migration that runs `up` statements in order, and `down` statements to undo them.
 * @example
 * export const publicIntakeMigration = sqlMigration([`CREATE INDEX a ON cases (x)`], [`DROP INDEX IF EXISTS a`]);
 */
export function sqlMigration(up: readonly string[], down: readonly string[]): SqlMigration {
  return {
    statements: up,
    async up(db: Kysely<unknown>) {
      for (const statement of up) await sql.raw(statement).execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const statement of down) await sql.raw(statement).execute(db);
    },
  };
}
