import { fileURLToPath } from 'node:url';
import { MIGRATIONS } from './migrate.js';

// The server bundle (dist/cli/main.js, built by scripts/server-build.ts) relies on this path: it sits
// as deep as this file, so it resolves the same.
/** Where the committed schema lives: `packages/server/db/schema.sql`. */
export const SCHEMA_SQL_PATH = fileURLToPath(new URL('../../db/schema.sql', import.meta.url));

const HEADER = `-- Shuoshi server schema (PostgreSQL 15+; PGlite). Generated from the migrations by
--   pnpm --filter @shuoshi/server db:schema
-- Do not edit: change a migration in src/db/migrations and regenerate. A test applies this file and
-- the migrations to two schemas and compares their catalogues.
-- Every table has tenant_id and every primary or unique key includes it (distributable by tenant).
`;

/**
 * The text of \`db/schema.sql\`: every migration statement, in order, each ending with a semicolon.
 * @example
 * writeFileSync(SCHEMA_SQL_PATH, renderSchemaSql());
 */
export function renderSchemaSql(): string {
  // Verbatim: a function body re-indented here would differ from the migrated one.
  const statements = Object.values(MIGRATIONS).flatMap((migration) => migration.statements.map((statement) => `${statement.trim()};`));
  return `${HEADER}\n${statements.join('\n\n')}\n`;
}

/**
 * Splits SQL text into statements at semicolons outside quotes, dollar-quoted bodies and
 * comments (so that a function body's semicolons stay inside its statement).
 * @example
 * splitSqlStatements('CREATE TABLE a (x int); -- note\\nCREATE TABLE b (y int);'); // two statements
 */
export function splitSqlStatements(text: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const dollar = /^\$[A-Za-z_]*\$/.exec(rest);
    if (rest.startsWith('--')) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
      current += '\n';
    } else if (rest.startsWith("'")) {
      const end = text.indexOf("'", i + 1);
      current += text.slice(i, end + 1);
      i = end + 1;
    } else if (dollar) {
      const tag = dollar[0];
      const end = text.indexOf(tag, i + tag.length);
      if (end < 0) throw new Error(`Unterminated ${tag} quote in SQL text at offset ${i}.`);
      current += text.slice(i, end + tag.length);
      i = end + tag.length;
    } else if (rest.startsWith(';')) {
      if (current.trim()) statements.push(current.trim());
      current = '';
      i += 1;
    } else {
      current += text[i];
      i += 1;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

/**
 * The tables the migrations create, by name, in order (tests check the catalogue against them).
 * @example
 * schemaTables().includes('case_events'); // true
 */
export function schemaTables(): string[] {
  return Object.values(MIGRATIONS).flatMap((migration) => migration.statements.flatMap((statement) => /^\s*CREATE TABLE (\w+)/i.exec(statement)?.[1] ?? []));
}
