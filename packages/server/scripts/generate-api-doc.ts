// Writes docs/api.md from the routes' zod schemas (run: pnpm --filter @shuoshi/server api:doc).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiMarkdownOf } from '../src/openapi/api-markdown-of.js';

const target = fileURLToPath(new URL('../../../docs/api.md', import.meta.url));
writeFileSync(target, await apiMarkdownOf());
console.log(`wrote ${target}`);
