// Writes workflow.schema.json and overlay.schema.json next to package.json from the zod schemas.
// Run from packages/engine: `pnpm schema:generate` (tsx scripts/generate-schema.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles } from '../src/definition/json-schema.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

for (const [name, text] of Object.entries(jsonSchemaFiles())) {
  const path = `${packageDir}${name}`;
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
