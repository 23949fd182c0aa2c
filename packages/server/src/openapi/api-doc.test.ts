import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { buildOpenApiDocument } from './build-open-api-document.js';
import { renderApiMarkdown } from './render-api-markdown.js';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every route mounted in the app's /api router, as `METHOD /path`. */
function mountedRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${layer.route.path}`);
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk(((app as unknown as { router: { stack: Layer[] } }).router).stack);
  return found;
}

describe('the API documents', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('documents every mounted route, and only those', () => {
    const documented = ctx.registry.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    const undocumented = new Set(['GET /healthz', 'GET /readyz', 'GET /openapi.json', 'GET /{*splat}']);
    const mounted = mountedRoutes(ctx.app).filter((r) => !undocumented.has(r)).sort();
    expect(mounted).toEqual(documented);
  });

  it('serves the OpenAPI document built from the routes', async () => {
    const response = await request(ctx.app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(ctx.registry))));
  });

  it('keeps docs/api.md in step with the routes', () => {
    const path = fileURLToPath(new URL('../../../../docs/api.md', import.meta.url));
    const committed = readFileSync(path, 'utf8');
    expect(committed, 'docs/api.md is stale: run `pnpm --filter @shuoshi/server api:doc` and commit it').toBe(renderApiMarkdown(buildOpenApiDocument(ctx.registry)));
  });
});
