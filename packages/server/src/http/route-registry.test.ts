import express, { Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRouteRegistry, defineRoute } from './route-registry.js';

function appWith(status?: number) {
  const router = Router();
  const registry = createRouteRegistry();
  defineRoute(router, registry, { method: 'get', path: '/things/:id', summary: 'A thing', tag: 'things', params: z.object({ id: z.string() }), ...(status ? { status } : {}) }, async ({ params }) => ({ id: params.id, name: '袖套' }));
  defineRoute(router, registry, { method: 'post', path: '/nothing', summary: 'Nothing', tag: 'things' }, async () => undefined);
  const app = express();
  app.use(router);
  return { app, registry };
}

describe('defineRoute', () => {
  it('answers the JSON of the result with its type and byte length, and records the spec', async () => {
    const { app, registry } = appWith();
    const response = await request(app).get('/things/a1');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify({ id: 'a1', name: '袖套' }))));
    expect(response.body).toEqual({ id: 'a1', name: '袖套' });
    expect(registry.routes.map((r) => r.path)).toEqual(['/things/:id', '/nothing']);
  });

  it("answers with the route's status, 204 without a result, and no body to HEAD", async () => {
    const { app } = appWith(201);
    expect((await request(app).get('/things/a1')).status).toBe(201);
    expect((await request(app).post('/nothing')).status).toBe(204);
    const head = await request(app).head('/things/a1');
    expect(head.status).toBe(201);
    expect(head.text ?? '').toBe('');
  });
});
