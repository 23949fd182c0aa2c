import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../testing/test-context.js';

let ctx: TestContext;
const tokens = new Map<string, string>();
const USERS = ['ninghai.county_admin', 'ninghai.supervisor', 'chalu.township_admin', 'chalu.mediator', 'huchen.township_admin', 'huchen.mediator'];

function api(user: string, method: 'get' | 'post' | 'patch', path: string, body?: unknown) {
  const call = request(ctx.app)[method](`/api${path}`).set('Authorization', `Bearer ${tokens.get(user) ?? ''}`);
  return body === undefined ? call : call.send(body as object);
}

function idsOf(body: unknown): string[] {
  return (body as Array<{ id: string }>).map((u) => u.id);
}

function newUser(username: string, extra: Record<string, unknown> = {}) {
  return { username, displayName: `${username} 名`, password: 'long-enough-1', roles: ['mediator'], ...extra };
}

beforeAll(async () => {
  ctx = await createTestContext();
  for (const user of USERS) tokens.set(user, await ctx.login(user));
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('users: tenant isolation', () => {
  it('lists only the caller subtree, and everybody for the county', async () => {
    const chalu = await api('chalu.mediator', 'get', '/users?range=[0,499]');
    expect(chalu.status).toBe(200);
    expect(new Set((chalu.body as Array<{ tenantId: string }>).map((u) => u.tenantId))).toEqual(new Set(['chalu']));
    expect(chalu.headers['content-range']).toBe('users 0-6/7');
    const huchen = await api('huchen.mediator', 'get', '/users?range=[0,499]');
    expect(idsOf(huchen.body)).not.toContain('chalu.mediator');
    const county = await api('ninghai.supervisor', 'get', '/users?range=[0,499]');
    expect(idsOf(county.body)).toEqual(expect.arrayContaining(['chalu.mediator', 'huchen.mediator', 'ninghai.county_admin', 'hengxiang.lawyer']));
  });

  it('answers 404 to another township on show and change, whatever the role', async () => {
    for (const user of ['huchen.township_admin', 'huchen.mediator']) {
      expect((await api(user, 'get', '/users/chalu.mediator')).status).toBe(404);
      const changed = await api(user, 'patch', '/users/chalu.mediator', { displayName: '改名' });
      expect(changed.status).toBe(404);
      expect(changed.body.error.code).toBe('NOT_FOUND');
    }
    expect(idsOf((await api('huchen.mediator', 'get', `/users?filter=${encodeURIComponent('{"tenantId":"chalu"}')}`)).body)).toEqual([]);
  });

  it('answers 404 when creating into a union outside the subtree', async () => {
    expect((await api('huchen.township_admin', 'post', '/users', newUser('huchen.intruder', { tenantId: 'gaotan' }))).status).toBe(404);
  });

  it('lets the county show and change both townships, and create into one', async () => {
    for (const id of ['chalu.counsellor', 'huchen.counsellor']) {
      expect((await api('ninghai.supervisor', 'get', `/users/${id}`)).status).toBe(200);
      expect((await api('ninghai.county_admin', 'patch', `/users/${id}`, { displayName: `${id} by county` })).body.displayName).toBe(`${id} by county`);
    }
    const created = await api('ninghai.county_admin', 'post', '/users', newUser('gaotan.wang', { tenantId: 'gaotan' }));
    expect(created.status).toBe(201);
    expect(created.body.tenantId).toBe('gaotan');
    expect((await api('chalu.mediator', 'get', `/users/${created.body.id as string}`)).status).toBe(200);
  });
});

describe('users: roles', () => {
  it('answers 403 to a role that may not write a visible user', async () => {
    for (const user of ['chalu.mediator', 'ninghai.supervisor']) {
      const created = await api(user, 'post', '/users', newUser(`${user}.child`));
      expect(created.status).toBe(403);
      expect(created.body.error.code).toBe('FORBIDDEN');
      expect((await api(user, 'patch', '/users/chalu.lawyer', { displayName: 'x' })).status).toBe(403);
    }
  });

  it('does not let a township admin grant county_admin or change a county_admin', async () => {
    const created = await api('chalu.township_admin', 'post', '/users', newUser('chalu.boss', { roles: ['county_admin'] }));
    expect(created.status).toBe(403);
    expect(created.body.error.message).toContain('county_admin');
    expect((await api('chalu.township_admin', 'patch', '/users/chalu.lawyer', { roles: ['lawyer', 'county_admin'] })).status).toBe(403);
    const countyInChalu = await api('ninghai.county_admin', 'post', '/users', newUser('chalu.county_delegate', { roles: ['county_admin'], tenantId: 'chalu' }));
    expect(countyInChalu.status).toBe(201);
    expect((await api('chalu.township_admin', 'patch', `/users/${countyInChalu.body.id as string}`, { active: false })).status).toBe(403);
  });

  it('does not let an admin disable themselves or drop their own admin role', async () => {
    expect((await api('huchen.township_admin', 'patch', '/users/huchen.township_admin', { active: false })).status).toBe(403);
    expect((await api('huchen.township_admin', 'patch', '/users/huchen.township_admin', { roles: ['mediator'] })).status).toBe(403);
    expect((await api('huchen.township_admin', 'patch', '/users/huchen.township_admin', { roles: ['township_admin', 'mediator'] })).status).toBe(200);
  });
});

describe('users: reading and writing', () => {
  it('creates a user who can sign in, and never answers the password hash', async () => {
    const created = await api('chalu.township_admin', 'post', '/users', newUser('chalu.li', { roles: ['intake_operator', 'mediator', 'mediator'] }));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), tenantId: 'chalu', username: 'chalu.li', displayName: 'chalu.li 名', roles: ['intake_operator', 'mediator'], active: true, createdAt: expect.any(String) });
    const login = await request(ctx.app).post('/api/auth/login').send({ username: 'chalu.li', password: 'long-enough-1' });
    expect(login.status).toBe(200);
    for (const response of [created, await api('chalu.mediator', 'get', `/users/${created.body.id as string}`), await api('chalu.mediator', 'get', '/users')]) {
      expect(JSON.stringify(response.body)).not.toMatch(/password|scrypt/i);
    }
  });

  it('sets a new password: the old one stops working and the user is signed out elsewhere', async () => {
    const created = await api('chalu.township_admin', 'post', '/users', newUser('chalu.zhao'));
    const old = await ctx.login('chalu.mediator');
    const oldSession = (await request(ctx.app).post('/api/auth/login').send({ username: 'chalu.zhao', password: 'long-enough-1' })).body.token as string;
    const changed = await api('chalu.township_admin', 'patch', `/users/${created.body.id as string}`, { password: 'a-new-password' });
    expect(changed.status).toBe(200);
    expect((await request(ctx.app).post('/api/auth/login').send({ username: 'chalu.zhao', password: 'long-enough-1' })).status).toBe(401);
    expect((await request(ctx.app).post('/api/auth/login').send({ username: 'chalu.zhao', password: 'a-new-password' })).status).toBe(200);
    expect((await request(ctx.app).get('/api/auth/me').set('Authorization', `Bearer ${oldSession}`)).status).toBe(401);
    expect((await request(ctx.app).get('/api/auth/me').set('Authorization', `Bearer ${old}`)).status).toBe(200);
  });

  it('deactivates a user: their token and their login stop working', async () => {
    const token = await ctx.login('chalu.early_warning_officer');
    const changed = await api('chalu.township_admin', 'patch', '/users/chalu.early_warning_officer', { active: false });
    expect(changed.status).toBe(200);
    expect(changed.body.active).toBe(false);
    expect((await request(ctx.app).get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await request(ctx.app).post('/api/auth/login').send({ username: 'chalu.early_warning_officer', password: TEST_PASSWORD })).status).toBe(401);
    const inactive = await api('chalu.township_admin', 'get', `/users?filter=${encodeURIComponent('{"active":false}')}`);
    expect(idsOf(inactive.body)).toEqual(['chalu.early_warning_officer']);
  });

  it('filters by role, q and id, and sorts', async () => {
    const q = (filter: unknown, sort = '["username","ASC"]') => api('ninghai.supervisor', 'get', `/users?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent(sort)}&range=[0,499]`);
    expect(idsOf((await q({ role: 'lawyer', tenantId: 'huchen' })).body)).toEqual(['huchen.lawyer']);
    expect(idsOf((await q({ q: 'HENGXIANG.COUN' })).body)).toEqual(['hengxiang.counsellor']);
    expect(idsOf((await q({ id: ['chalu.lawyer', 'huchen.lawyer'] }, '["username","DESC"]')).body)).toEqual(['huchen.lawyer', 'chalu.lawyer']);
  });
});

describe('users: every 4xx', () => {
  it('answers 400 MALFORMED_BODY to a body that is not JSON', async () => {
    for (const [method, path] of [['post', '/users'], ['patch', '/users/chalu.lawyer']] as const) {
      const response = await api('chalu.township_admin', method, path).set('Content-Type', 'application/json').send('{"roles": ["mediator"');
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('MALFORMED_BODY');
    }
  });

  it.each([
    [newUser('chalu.short', { password: 'short' }), '8 characters'],
    [newUser('Chalu.Upper'), 'lower-case'],
    [newUser('chalu.norole', { roles: [] }), 'at least one role'],
    [newUser('chalu.badrole', { roles: ['emperor'] }), 'emperor'],
    [newUser('chalu.extra', { passwordHash: 'x' }), 'passwordHash'],
    [{ username: 'chalu.min' }, 'password'],
  ])('answers 400 to the create body %j', async (body, words) => {
    const response = await api('chalu.township_admin', 'post', '/users', body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(words);
  });

  it.each([[{}], [{ password: '1234567' }], [{ active: 'no' }], [{ username: 'renamed' }], [{ roles: ['worker'] }]])('answers 400 to the change body %j', async (body) => {
    expect((await api('chalu.township_admin', 'patch', '/users/chalu.lawyer', body)).status).toBe(400);
  });

  it.each([['sort', '["password_hash","ASC"]'], ['sort', '["username"]'], ['range', '[0,1,2]'], ['filter', '{"role":"Emperor!"}'], ['filter', '{"role":"worker"}'], ['filter', '{"active":"yes"}'], ['filter', '{"passwordHash":"x"}']])('answers 400 INVALID_QUERY to %s=%s', async (key, value) => {
    const response = await api('chalu.mediator', 'get', `/users?${key}=${encodeURIComponent(value)}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_QUERY');
  });

  it('answers 404 to an unknown id', async () => {
    expect((await api('ninghai.county_admin', 'get', '/users/nobody')).status).toBe(404);
    expect((await api('ninghai.county_admin', 'patch', '/users/nobody', { displayName: 'x' })).status).toBe(404);
  });

  it('answers 409 CONFLICT to a username taken in any union', async () => {
    const sameUnion = await api('chalu.township_admin', 'post', '/users', newUser('chalu.lawyer'));
    expect(sameUnion.status).toBe(409);
    expect(sameUnion.body.error.code).toBe('CONFLICT');
    // huchen's admin cannot see chalu.lawyer, but usernames are global.
    expect((await api('huchen.township_admin', 'post', '/users', newUser('chalu.lawyer'))).status).toBe(409);
  });

  it('creates one of two concurrent users with the same username in different unions', async () => {
    const [a, b] = await Promise.all([
      api('ninghai.county_admin', 'post', '/users', newUser('race.same', { tenantId: 'chalu' })),
      api('ninghai.county_admin', 'post', '/users', newUser('race.same', { tenantId: 'huchen' })),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });

  it('answers 400 to NUL in a body or an id', async () => {
    expect((await api('chalu.township_admin', 'post', '/users', newUser('chalu.nul', { displayName: 'a\u0000' }))).status).toBe(400);
    expect((await api('chalu.township_admin', 'get', '/users/x%00')).status).toBe(400);
  });

  it('never answers 5xx to random bodies', async () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constant('a\u0000b'));
    const value = fc.oneof(text, fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }));
    const role = fc.constantFrom('county_admin', 'township_admin', 'mediator', 'lawyer', 'worker');
    const body = fc.oneof(
      value,
      fc.record(
        {
          username: fc.oneof(value, fc.stringMatching(/^[a-z0-9][a-z0-9._-]{2,12}$/)),
          displayName: fc.oneof(value, text),
          password: fc.oneof(value, text),
          roles: fc.oneof(value, fc.array(role, { maxLength: 3 })),
          tenantId: fc.oneof(value, fc.constantFrom('chalu', 'gaotan', 'huchen')),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const response = await api('chalu.township_admin', 'post', '/users').set('Content-Type', 'application/json').send(JSON.stringify(b));
        expect(response.status === 201 || (response.status >= 400 && response.status < 500), `${response.status} ${JSON.stringify(response.body)}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
