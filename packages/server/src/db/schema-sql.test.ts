import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueDifferences, describeCatalogue } from './catalogue.js';
import { createDatabase, type DatabaseHandle } from './create-database.js';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate.js';
import { renderSchemaSql, SCHEMA_SQL_PATH, schemaTables, splitSqlStatements } from './schema-sql.js';

const DATABASE_URL = process.env['DATABASE_URL'];
const suffix = randomUUID().replace(/-/g, '').slice(0, 12);
const FROM_FILE = `schema_file_${suffix}`;
const FROM_MIGRATIONS = `schema_migrated_${suffix}`;

async function applyFile<T>(db: Kysely<T>): Promise<void> {
  for (const statement of splitSqlStatements(readFileSync(SCHEMA_SQL_PATH, 'utf8'))) await sql.raw(statement).execute(db);
}

describe(`db/schema.sql on ${DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  const handles: DatabaseHandle[] = [];
  let fromFile: Kysely<Database>;

  beforeAll(async () => {
    if (DATABASE_URL) {
      // One pool per schema: each connection's search_path is set when it opens.
      const file = await createDatabase({ databaseUrl: DATABASE_URL, schema: FROM_FILE });
      const migrated = await createDatabase({ databaseUrl: DATABASE_URL, schema: FROM_MIGRATIONS });
      handles.push(file, migrated);
      await applyFile(file.db);
      await migrateToLatest(migrated.db);
      fromFile = file.db;
    } else {
      // PGlite is one session: switch its search_path between the two builds.
      const handle = await createDatabase({ dataDir: 'memory://' });
      handles.push(handle);
      await sql.raw(`CREATE SCHEMA ${FROM_FILE}`).execute(handle.db);
      await sql.raw(`CREATE SCHEMA ${FROM_MIGRATIONS}`).execute(handle.db);
      await sql.raw(`SET search_path TO ${FROM_FILE}`).execute(handle.db);
      await applyFile(handle.db);
      await sql.raw(`SET search_path TO ${FROM_MIGRATIONS}`).execute(handle.db);
      await migrateToLatest(handle.db);
      fromFile = handle.db;
    }
  }, 120_000);

  afterAll(async () => {
    if (fromFile) for (const schema of [FROM_FILE, FROM_MIGRATIONS]) await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(fromFile);
    for (const handle of handles) await handle.close();
  });

  it('is what `pnpm --filter @shuoshi/server db:schema` writes', () => {
    expect(readFileSync(SCHEMA_SQL_PATH, 'utf8'), 'db/schema.sql is out of date: run pnpm --filter @shuoshi/server db:schema').toBe(renderSchemaSql());
  });

  it('builds the same catalogue as the migrations: tables, columns, constraints, indexes, triggers', async () => {
    const file = await describeCatalogue(fromFile, FROM_FILE);
    const migrated = await describeCatalogue(fromFile, FROM_MIGRATIONS);
    expect(file.filter((line) => line.startsWith('relation ') && line.endsWith(' kind=r')).length).toBe(schemaTables().length);
    expect(file.some((line) => line.startsWith('trigger case_events.case_events_no_update_delete'))).toBe(true);
    const differences = catalogueDifferences(file, migrated, ['schema.sql', 'the migrations']);
    expect(differences, `db/schema.sql and the migrations differ:\n${differences.join('\n')}`).toEqual([]);
  });

  it('splits statements at semicolons outside quotes, dollar quotes and comments', () => {
    expect(splitSqlStatements("-- a; comment\nSELECT ';'; CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\n")).toEqual(["SELECT ';'", 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$']);
  });
});
