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
});
