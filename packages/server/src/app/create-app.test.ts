import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../testing/test-context.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('createApp', () => {
  it('routes sign-in and public paths in any letter case, as Express matches routes', async () => {
    const login = await request(ctx.app).post('/api/AUTH/login').set('X-Forwarded-For', '10.9.0.1').send({ username: 'chalu.mediator', password: TEST_PASSWORD });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const unions = await request(ctx.app).get('/api/Public/unions');
    expect(unions.status, JSON.stringify(unions.body)).toBe(200);
  });

  it('keeps every other path behind authentication', async () => {
    expect((await request(ctx.app).get('/api/publicity')).status).toBe(401);
    expect((await request(ctx.app).get('/api/authors')).status).toBe(401);
    expect((await request(ctx.app).get('/api/cases')).status).toBe(401);
  });

  it('answers an unknown path of a signed-in user with 404', async () => {
    const token = await ctx.login('chalu.mediator');
    const response = await request(ctx.app).get('/api/public-nothing').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('answers the events path on its fast lane as the API router would', async () => {
    // No token: 401, and a body that is not JSON: 400, each from the one error middleware.
    const anonymous = await request(ctx.app).post('/api/cases/no-such-case/events').send({ type: 'accept', version: 1 });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    const token = await ctx.login('chalu.mediator');
    const malformed = await request(ctx.app).post('/api/cases/no-such-case/events').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json').send('{"type":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MALFORMED_BODY');
    const missing = await request(ctx.app).post('/api/CASES/no-such-case/events').set('Authorization', `Bearer ${token}`).send({ type: 'accept', version: 1 });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('no-such-case');
    // Another method on the same path goes on through the API router, which has no such route.
    const other = await request(ctx.app).get('/api/cases/no-such-case/events').set('Authorization', `Bearer ${token}`);
    expect(other.status).toBe(404);
    expect(other.body.error.message).toContain('There is no API route GET /api/cases/no-such-case/events');
  });
});
