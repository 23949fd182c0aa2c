// Writes db/schema.sql from the migrations (run: pnpm --filter @shuoshi/server db:schema).
import { writeFileSync } from 'node:fs';
import { renderSchemaSql, SCHEMA_SQL_PATH } from '../src/db/schema-sql.js';

writeFileSync(SCHEMA_SQL_PATH, renderSchemaSql());
console.log(`wrote ${SCHEMA_SQL_PATH}`);
