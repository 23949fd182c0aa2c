import { defineConfig } from 'vitest/config';
export default defineConfig({ resolve: { alias: { '@shuoshi/engine': '/tmp/eng-mut/src/index.ts' } }, test: { include: ['tests/engine/**/*.test.ts'], testTimeout: 30_000 } });
