import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';

let ctx: TestContext;
const tokens = new Map<string, string>();
const USERS = ['ninghai.county_admin', 'ninghai.supervisor', 'chalu.township_admin', 'chalu.mediator', 'huchen.township_admin', 'huchen.mediator', 'hengxiang.township_admin'];

function api(user: string, method: 'get' | 'post' | 'patch', path: string, body?: unknown) {
  const call = request(ctx.app)[method](`/api${path}`).set('Authorization', `Bearer ${tokens.get(user) ?? ''}`);
  return body === undefined ? call : call.send(body as object);
}

function idsOf(body: unknown): string[] {
  return (body as Array<{ id: string }>).map((t) => t.id);
}

const name = (zh: string) => ({ zh, en: `${zh} union` });

beforeAll(async () => {
  ctx = await createTestContext();
  for (const user of USERS) tokens.set(user, await ctx.login(user));
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('tenants: tenant isolation', () => {
  it('lists the caller subtree in path order, and the whole tree for the county', async () => {
    const chalu = await api('chalu.mediator', 'get', '/tenants');
    expect(chalu.status).toBe(200);
    expect(idsOf(chalu.body)).toEqual(['chalu', 'gaotan', 'gaotan_ws']);
    expect(chalu.headers['content-range']).toBe('tenants 0-2/3');
    expect(idsOf((await api('huchen.mediator', 'get', '/tenants')).body)).toEqual(['huchen']);
    expect(idsOf((await api('ninghai.supervisor', 'get', '/tenants')).body)).toEqual(['ninghai', 'chalu', 'gaotan', 'gaotan_ws', 'huchen', 'nanbu', 'hengxiang']);
  });

  it('answers 404 to another township on show and rename, whatever the role', async () => {
    for (const user of ['huchen.township_admin', 'huchen.mediator']) {
      for (const id of ['chalu', 'gaotan', 'ninghai']) {
        expect((await api(user, 'get', `/tenants/${id}`)).status).toBe(404);
        const renamed = await api(user, 'patch', `/tenants/${id}`, { name: { zh: '改名' } });
        expect(renamed.status).toBe(404);
        expect(renamed.body.error.code).toBe('NOT_FOUND');
      }
    }
    expect(idsOf((await api('huchen.mediator', 'get', `/tenants?filter=${encodeURIComponent('{"parentId":"chalu"}')}`)).body)).toEqual([]);
  });

  it('answers 404 when creating below a union outside the subtree', async () => {
    const response = await api('huchen.township_admin', 'post', '/tenants', { parentId: 'chalu', level: 'enterprise', name: name('越界') });
    expect(response.status).toBe(404);
    expect((await api('chalu.township_admin', 'post', '/tenants', { parentId: 'ninghai', level: 'township', name: name('越级') })).status).toBe(404);
  });

  it('lets the county show and rename both townships', async () => {
    for (const id of ['chalu', 'huchen']) {
      expect((await api('ninghai.supervisor', 'get', `/tenants/${id}`)).status).toBe(200);
      const renamed = await api('ninghai.county_admin', 'patch', `/tenants/${id}`, { name: { en: `${id} renamed` } });
      expect(renamed.status).toBe(200);
      expect(renamed.body.name.en).toBe(`${id} renamed`);
    }
  });
});

describe('tenants: roles', () => {
  it('answers 403 to a role that may not write a visible union', async () => {
    for (const user of ['chalu.mediator', 'ninghai.supervisor']) {
      const created = await api(user, 'post', '/tenants', { parentId: 'chalu', level: 'enterprise', name: name('无权') });
      expect(created.status).toBe(403);
      expect(created.body.error.code).toBe('FORBIDDEN');
      expect((await api(user, 'patch', '/tenants/chalu', { name: { zh: '改名' } })).status).toBe(403);
    }
    // A township_admin role held in an enterprise union still may not reach above it.
    expect((await api('hengxiang.township_admin', 'post', '/tenants', { parentId: 'nanbu', level: 'enterprise', name: name('越级') })).status).toBe(404);
  });
});

describe('tenants: reading and writing', () => {
  it('shows a union', async () => {
    const response = await api('chalu.mediator', 'get', '/tenants/gaotan_ws');
    expect(response.body).toEqual({ id: 'gaotan_ws', parentId: 'gaotan', level: 'workstation', name: { zh: '王玉琪调处工作室', en: 'Wang Yuqi Mediation Workstation' }, path: '/ninghai/chalu/gaotan/gaotan_ws/', createdAt: expect.any(String) });
  });

  it('creates a union below the caller, computes its path, and lets the township see it', async () => {
    const created = await api('chalu.township_admin', 'post', '/tenants', { id: 'chalu_bamboo', parentId: 'gaotan', level: 'enterprise', name: name('竹制品厂工会') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'chalu_bamboo', parentId: 'gaotan', level: 'enterprise', path: '/ninghai/chalu/gaotan/chalu_bamboo/' });
    expect((await api('chalu.mediator', 'get', '/tenants/chalu_bamboo')).status).toBe(200);
    expect((await api('huchen.mediator', 'get', '/tenants/chalu_bamboo')).status).toBe(404);
    const county = await api('ninghai.county_admin', 'post', '/tenants', { parentId: 'ninghai', level: 'township', name: name('前童镇') });
    expect(county.status).toBe(201);
    expect(county.body.path).toBe(`/ninghai/${county.body.id as string}/`);
  });

  it('filters by level, parentId, q and id, and pages', async () => {
    const q = (filter: unknown) => api('ninghai.supervisor', 'get', `/tenants?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent('["id","ASC"]')}`);
    expect(idsOf((await q({ level: 'park' })).body)).toEqual(['gaotan', 'nanbu']);
    expect(idsOf((await q({ parentId: 'gaotan', level: 'workstation' })).body)).toEqual(['gaotan_ws']);
    expect(idsOf((await q({ q: '岔路' })).body)).toEqual(['chalu']);
    expect(idsOf((await q({ q: 'HUCHEN' })).body)).toEqual(['huchen']);
    expect(idsOf((await q({ id: ['nanbu', 'hengxiang', 'nowhere'] })).body)).toEqual(['hengxiang', 'nanbu']);
    const page = await api('ninghai.supervisor', 'get', `/tenants?range=${encodeURIComponent('[2,3]')}&sort=${encodeURIComponent('["path","DESC"]')}`);
    expect(page.body).toHaveLength(2);
    expect(page.headers['content-range']).toMatch(/^tenants 2-3\/\d+$/);
  });
});

describe('tenants: every 4xx', () => {
  it('answers 400 MALFORMED_BODY to a body that is not JSON', async () => {
    for (const [method, path] of [['post', '/tenants'], ['patch', '/tenants/chalu']] as const) {
      const response = await api('chalu.township_admin', method, path).set('Content-Type', 'application/json').send("{'name': 1}");
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('MALFORMED_BODY');
    }
  });

  it.each([
    [{ parentId: 'chalu', level: 'galaxy', name: name('x') }, 'galaxy'],
    [{ parentId: 'chalu', level: 'county', name: name('x') }, 'cannot be created'],
    [{ parentId: 'chalu', level: 'park', name: { zh: 'x' } }, 'name.en'],
    [{ id: 'Bad/Id', parentId: 'chalu', level: 'park', name: name('x') }, 'Bad/Id'],
    [{ parentId: 'chalu', level: 'park', name: name('x'), extra: true }, 'extra'],
  ])('answers 400 to the create body %j', async (body, words) => {
    const response = await api('chalu.township_admin', 'post', '/tenants', body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(words);
  });

  it('answers 400 INVALID_LEVEL to a level that cannot sit below the parent', async () => {
    const response = await api('chalu.township_admin', 'post', '/tenants', { parentId: 'gaotan_ws', level: 'enterprise', name: name('x') });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_LEVEL');
    expect((await api('ninghai.county_admin', 'post', '/tenants', { parentId: 'ninghai', level: 'workstation', name: name('x') })).status).toBe(400);
  });

  it.each([[{}], [{ name: {} }], [{ name: { zh: '' } }], [{ level: 'park' }]])('answers 400 to the rename body %j', async (body) => {
    expect((await api('chalu.township_admin', 'patch', '/tenants/chalu', body)).status).toBe(400);
  });

  it.each([['sort', '["name_zh","ASC"]'], ['range', '[1.5,2]'], ['filter', '{"level":"galaxy"}'], ['filter', '{"path":"/"}'], ['filter', 'level=park']])('answers 400 INVALID_QUERY to %s=%s', async (key, value) => {
    const response = await api('chalu.mediator', 'get', `/tenants?${key}=${encodeURIComponent(value)}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_QUERY');
  });

  it('answers 404 to an unknown id or parent', async () => {
    expect((await api('ninghai.county_admin', 'get', '/tenants/atlantis')).status).toBe(404);
    expect((await api('ninghai.county_admin', 'patch', '/tenants/atlantis', { name: { zh: 'x' } })).status).toBe(404);
    expect((await api('ninghai.county_admin', 'post', '/tenants', { parentId: 'atlantis', level: 'park', name: name('x') })).status).toBe(404);
  });

  it('answers 409 CONFLICT to an id that exists anywhere', async () => {
    const response = await api('chalu.township_admin', 'post', '/tenants', { id: 'huchen', parentId: 'chalu', level: 'park', name: name('重名') });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('CONFLICT');
  });

  it('answers 400 to NUL in a body or an id', async () => {
    expect((await api('chalu.township_admin', 'post', '/tenants', { parentId: 'chalu', level: 'park', name: name('a\u0000') })).status).toBe(400);
    expect((await api('chalu.township_admin', 'get', '/tenants/%00')).status).toBe(400);
  });

  it('never answers 5xx to random bodies', async () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constant('a\u0000b'));
    const value = fc.oneof(text, fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }));
    const body = fc.oneof(
      value,
      fc.record(
        {
          id: fc.oneof(value, fc.stringMatching(/^[a-z][a-z0-9_]{1,10}$/)),
          parentId: fc.oneof(value, fc.constantFrom('chalu', 'gaotan', 'gaotan_ws', 'huchen', 'ninghai')),
          level: fc.oneof(value, fc.constantFrom('county', 'township', 'park', 'enterprise', 'workstation')),
          name: fc.oneof(value, fc.record({ zh: text, en: text }, { requiredKeys: [] })),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const response = await api('chalu.township_admin', 'post', '/tenants').set('Content-Type', 'application/json').send(JSON.stringify(b));
        expect(response.status === 201 || (response.status >= 400 && response.status < 500), `${response.status} ${JSON.stringify(response.body)}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
