import { sqlMigration, type SqlMigration } from './sql-migration.js';

// jsonb stores objects with their keys sorted (shorter keys first), so a workflow read back showed
// its fields and states in another order than the author wrote them, and the admin panel's forms,
// lists and diagram followed that order. json keeps the text as written. Rows written before this
// migration keep jsonb's order (it is all that is left of them); every write from now on keeps its
// own. Queries that need jsonb operators (`?|`, containment) cast `definition::jsonb`. SQL is PostgreSQL 15.
const STATEMENTS = [
  `ALTER TABLE workflows ALTER COLUMN definition TYPE json USING definition::json`,
  `ALTER TABLE workflows ALTER COLUMN overlay TYPE json USING overlay::json`,
];

/**
 * Migration 0005: workflow definitions and overlays as `json`, which keeps the order of their keys.
 * @example
 * const provider = { getMigrations: async () => ({ '0005-ordered-definitions': orderedDefinitionsMigration }) };
 */
export const orderedDefinitionsMigration: SqlMigration = sqlMigration(STATEMENTS, [
  'ALTER TABLE workflows ALTER COLUMN overlay TYPE jsonb USING overlay::jsonb',
  'ALTER TABLE workflows ALTER COLUMN definition TYPE jsonb USING definition::jsonb',
]);
