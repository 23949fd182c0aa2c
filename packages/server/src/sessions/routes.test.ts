import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app.js';
import { createTokenSigner } from '../auth/tokens.js';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../testing/test-context.js';

let ctx: TestContext;
let ipCounter = 0;

// The app trusts X-Forwarded-For from loopback, so each test can act from its own address.
function freshIp(): string {
  ipCounter += 1;
  return `10.1.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

function login(body: unknown, ip = freshIp()) {
  return request(ctx.app).post('/api/auth/login').set('X-Forwarded-For', ip).send(body as object);
}

beforeAll(async () => {
  ctx = await createTestContext();
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('POST /api/auth/login', () => {
  it('answers a token, its expiry and the user with their union', async () => {
    const response = await login({ username: 'chalu.mediator', password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      token: expect.any(String),
      user: { id: 'chalu.mediator', username: 'chalu.mediator', displayName: 'chalu mediator', roles: ['mediator'], tenant: { id: 'chalu', name: { zh: '岔路镇总工会', en: 'Chalu Town Union' }, level: 'township', path: '/ninghai/chalu/' } },
    });
    const ttl = new Date(response.body.expiresAt as string).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(3590_000);
    expect(ttl).toBeLessThanOrEqual(3600_000);
    expect(JSON.stringify(response.body)).not.toContain('password');
    const sessions = await ctx.db.selectFrom('sessions').selectAll().where('user_id', '=', 'chalu.mediator').execute();
    expect(sessions.length).toBeGreaterThan(0);
  });

  it('accepts the username in another case and with spaces', async () => {
    const response = await login({ username: '  Chalu.Mediator ', password: TEST_PASSWORD });
    expect(response.status).toBe(200);
  });

  it('answers the same 401 for a wrong password and an unknown username', async () => {
    const wrongPassword = await login({ username: 'chalu.mediator', password: 'not-the-password' });
    const unknownUser = await login({ username: 'nobody.here', password: TEST_PASSWORD });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknownUser.body.error).toEqual(wrongPassword.body.error);
  });

  it('refuses a disabled account', async () => {
    await ctx.db.updateTable('users').set({ active: false }).where('user_id', '=', 'huchen.counsellor').execute();
    const response = await login({ username: 'huchen.counsellor', password: TEST_PASSWORD });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('ACCOUNT_DISABLED');
  });

  it.each([
    [{}, 'username'],
    [{ username: 'chalu.mediator' }, 'password'],
    [{ username: '', password: 'x' }, 'username'],
    [{ username: 'chalu.mediator', password: TEST_PASSWORD, extra: 1 }, 'extra'],
    [{ username: 42, password: TEST_PASSWORD }, 'username'],
  ])('answers 400 INVALID_INPUT for %j', async (body, words) => {
    const response = await login(body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(response.body.error.message).toContain(words);
  });

  it('answers 400 MALFORMED_BODY for a body that is not JSON', async () => {
    const response = await request(ctx.app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "chalu.mediator",');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('MALFORMED_BODY');
  });
});

describe('login rate limit', () => {
  it('refuses a username after 5 failures in 15 minutes, even with the right password, until the window passes', async () => {
    for (let i = 0; i < 5; i += 1) expect((await login({ username: 'chalu.lawyer', password: `wrong-${i}` })).status).toBe(401);
    const blocked = await login({ username: 'chalu.lawyer', password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);
    // Another user from the same addresses is not affected.
    expect((await login({ username: 'chalu.supervisor', password: TEST_PASSWORD })).status).toBe(200);
    ctx.clock.advance(15 * 60_000 + 1000);
    expect((await login({ username: 'chalu.lawyer', password: TEST_PASSWORD })).status).toBe(200);
  });

  it('refuses an address after 20 failures whatever the username', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i += 1) expect((await login({ username: `ghost${i}`, password: 'wrong-password' }, ip)).status).toBe(401);
    const blocked = await login({ username: 'huchen.lawyer', password: TEST_PASSWORD }, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    expect((await login({ username: 'huchen.lawyer', password: TEST_PASSWORD })).status).toBe(200);
  });
});

describe('POST /api/auth/logout and GET /api/auth/me', () => {
  it('answers the caller with their union', async () => {
    const token = await ctx.login('ninghai.county_admin');
    const response = await request(ctx.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: 'ninghai.county_admin',
      username: 'ninghai.county_admin',
      displayName: 'ninghai county_admin',
      roles: ['county_admin'],
      tenant: { id: 'ninghai', name: { zh: '宁海县总工会', en: 'Ninghai County Federation of Trade Unions' }, level: 'county', path: '/ninghai/' },
    });
  });

  it('revokes the session: the token then gets 401 everywhere', async () => {
    const token = await ctx.login('huchen.mediator');
    const other = await ctx.login('huchen.mediator');
    const out = await request(ctx.app).post('/api/auth/logout').set('Authorization', `Bearer ${token}`);
    expect(out.status).toBe(204);
    for (const path of ['/api/auth/me', '/api/tenants']) {
      const after = await request(ctx.app).get(path).set('Authorization', `Bearer ${token}`);
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('UNAUTHENTICATED');
    }
    expect((await request(ctx.app).post('/api/auth/logout').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    // Another session of the same user lives on.
    expect((await request(ctx.app).get('/api/auth/me').set('Authorization', `Bearer ${other}`)).status).toBe(200);
  });

  it.each([
    ['no header', undefined],
    ['a malformed token', 'Bearer not-a-token'],
    ['another scheme', 'Basic abc'],
  ])('answers 401 with %s', async (_name, header) => {
    for (const call of [request(ctx.app).post('/api/auth/logout'), request(ctx.app).get('/api/auth/me')]) {
      const response = await (header ? call.set('Authorization', header) : call);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('ends a session when its time is up, on real time', async () => {
    const { app } = createApp({ ...ctx.deps, tokens: createTokenSigner('test-secret-that-is-at-least-32-chars', 1) });
    const login = await request(app).post('/api/auth/login').send({ username: 'chalu.supervisor', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    expect((await request(app).get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await request(app).get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });

  it('keeps a session when only the test clock moves: SLAs can be watched days ahead', async () => {
    const token = await ctx.login('chalu.supervisor');
    ctx.clock.advance(3 * 86_400_000);
    expect((await request(ctx.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);
  });
});
