import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorMiddleware } from './error-middleware.js';
import { rateLimit } from './rate-limit.js';

function appWith(now: () => number, key?: (req: express.Request) => string) {
  const app = express();
  app.use(rateLimit({ name: 'test', limit: 2, windowMs: 60_000, now, ...(key ? { key } : {}) }));
  app.get('/', (_req, res) => res.json({ ok: true }));
  app.use(errorMiddleware(pino({ level: 'silent' })));
  return app;
}

describe('rateLimit', () => {
  it('answers 429 with Retry-After past the limit, and lets the client in again in the next window', async () => {
    let t = 0;
    const app = appWith(() => t);
    expect((await request(app).get('/')).status).toBe(200);
    expect((await request(app).get('/')).status).toBe(200);
    t = 15_000;
    const refused = await request(app).get('/');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('45');
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    t = 60_000;
    expect((await request(app).get('/')).status).toBe(200);
  });

  it('counts each client on its own', async () => {
    const app = appWith(() => 0, (req) => req.get('x-client') ?? '');
    for (let i = 0; i < 2; i += 1) expect((await request(app).get('/').set('x-client', 'a')).status).toBe(200);
    expect((await request(app).get('/').set('x-client', 'a')).status).toBe(429);
    expect((await request(app).get('/').set('x-client', 'b')).status).toBe(200);
  });
});
