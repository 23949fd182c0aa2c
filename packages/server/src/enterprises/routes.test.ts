import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { creditCodeCheckChar } from './credit-code.js';

let ctx: TestContext;
const tokens = new Map<string, string>();
const USERS = ['ninghai.county_admin', 'ninghai.supervisor', 'chalu.township_admin', 'chalu.intake_operator', 'chalu.mediator', 'huchen.township_admin', 'huchen.intake_operator', 'huchen.mediator'];
const ids: Record<'chalu' | 'huchen', string> = { chalu: '', huchen: '' };

/** A valid unified social credit code, different for each n < 31. */
function creditCode(n: number): string {
  const first17 = `91330226MA2AFXT9${'0123456789ABCDEFGHJKLMNPQRTUWXY'.charAt(n)}`;
  return `${first17}${creditCodeCheckChar(first17) ?? ''}`;
}

function api(user: string, method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: unknown) {
  const call = request(ctx.app)[method](`/api${path}`).set('Authorization', `Bearer ${tokens.get(user) ?? ''}`);
  return body === undefined ? call : call.send(body as object);
}

beforeAll(async () => {
  ctx = await createTestContext();
  for (const user of USERS) tokens.set(user, await ctx.login(user));
  const chalu = await api('chalu.intake_operator', 'post', '/enterprises', { name: '岔路竹木制品厂', creditCode: creditCode(1), industry: 'manufacturing', workers: 80 });
  const huchen = await api('huchen.township_admin', 'post', '/enterprises', { name: '胡陈建筑工程队', creditCode: creditCode(1), industry: 'construction' });
  for (const response of [chalu, huchen]) expect(response.status, JSON.stringify(response.body)).toBe(201);
  ids.chalu = chalu.body.id as string;
  ids.huchen = huchen.body.id as string;
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('enterprises: tenant isolation', () => {
  it('lists only the caller subtree, and everything for the county', async () => {
    const chalu = await api('chalu.mediator', 'get', '/enterprises');
    expect((chalu.body as Array<{ id: string }>).map((e) => e.id)).toEqual([ids.chalu]);
    expect(chalu.headers['content-range']).toBe('enterprises 0-0/1');
    const huchen = await api('huchen.mediator', 'get', '/enterprises');
    expect((huchen.body as Array<{ id: string }>).map((e) => e.id)).toEqual([ids.huchen]);
    const county = await api('ninghai.supervisor', 'get', '/enterprises?sort=["name","ASC"]');
    expect((county.body as Array<{ id: string }>).map((e) => e.id).sort()).toEqual([ids.chalu, ids.huchen].sort());
  });

  it('answers 404 to another township on show, change and delete, whatever the role', async () => {
    for (const user of ['huchen.township_admin', 'huchen.intake_operator', 'huchen.mediator']) {
      for (const [method, body] of [['get', undefined], ['patch', { workers: 1 }], ['delete', undefined]] as const) {
        const response = await api(user, method, `/enterprises/${ids.chalu}`, body);
        expect(response.status, `${user} ${method}`).toBe(404);
        expect(response.body.error.code).toBe('NOT_FOUND');
      }
    }
    const filtered = await api('huchen.mediator', 'get', `/enterprises?filter=${encodeURIComponent(JSON.stringify({ id: ids.chalu }))}`);
    expect(filtered.body).toEqual([]);
  });

  it('answers 404 when creating into a union outside the subtree', async () => {
    expect((await api('huchen.intake_operator', 'post', '/enterprises', { name: '越界企业', tenantId: 'gaotan' })).status).toBe(404);
  });

  it('lets the county show and change both townships, and create into one', async () => {
    for (const id of [ids.chalu, ids.huchen]) {
      expect((await api('ninghai.supervisor', 'get', `/enterprises/${id}`)).status).toBe(200);
      expect((await api('ninghai.county_admin', 'patch', `/enterprises/${id}`, { industry: 'services' })).body.industry).toBe('services');
    }
    const created = await api('ninghai.county_admin', 'post', '/enterprises', { name: '高坛鞋业', tenantId: 'gaotan' });
    expect(created.status).toBe(201);
    expect(created.body.tenantId).toBe('gaotan');
    expect((await api('chalu.mediator', 'get', `/enterprises/${created.body.id as string}`)).status).toBe(200);
  });
});

describe('enterprises: roles', () => {
  it('answers 403 to a role that may not write a visible enterprise', async () => {
    for (const user of ['chalu.mediator', 'ninghai.supervisor']) {
      const created = await api(user, 'post', '/enterprises', { name: '无权企业' });
      expect(created.status).toBe(403);
      expect(created.body.error.code).toBe('FORBIDDEN');
      expect((await api(user, 'patch', `/enterprises/${ids.chalu}`, { workers: 3 })).status).toBe(403);
      expect((await api(user, 'delete', `/enterprises/${ids.chalu}`)).status).toBe(403);
    }
  });

  it('lets an intake operator create and change but not delete', async () => {
    const created = await api('chalu.intake_operator', 'post', '/enterprises', { name: '临时企业' });
    expect(created.status).toBe(201);
    expect((await api('chalu.intake_operator', 'patch', `/enterprises/${created.body.id as string}`, { workers: 5 })).status).toBe(200);
    expect((await api('chalu.intake_operator', 'delete', `/enterprises/${created.body.id as string}`)).status).toBe(403);
    expect((await api('chalu.township_admin', 'delete', `/enterprises/${created.body.id as string}`)).status).toBe(200);
  });
});

describe('enterprises: reading and writing', () => {
  it('shows an enterprise', async () => {
    const response = await api('chalu.mediator', 'get', `/enterprises/${ids.chalu}`);
    expect(response.body).toEqual({ id: ids.chalu, tenantId: 'chalu', name: '岔路竹木制品厂', creditCode: creditCode(1), industry: expect.any(String), workers: 80, createdAt: expect.any(String) });
  });

  it('stores a credit code in upper case and filters on it', async () => {
    const created = await api('chalu.township_admin', 'post', '/enterprises', { name: '小写代码公司', creditCode: ` ${creditCode(2).toLowerCase()} ` });
    expect(created.status).toBe(201);
    expect(created.body.creditCode).toBe(creditCode(2));
    const found = await api('chalu.mediator', 'get', `/enterprises?filter=${encodeURIComponent(JSON.stringify({ creditCode: creditCode(2).toLowerCase() }))}`);
    expect((found.body as Array<{ id: string }>).map((e) => e.id)).toEqual([created.body.id]);
    const q = await api('chalu.mediator', 'get', `/enterprises?filter=${encodeURIComponent('{"q":"竹木"}')}`);
    expect((q.body as Array<{ id: string }>).map((e) => e.id)).toEqual([ids.chalu]);
  });

  it('clears optional fields with null', async () => {
    const created = await api('chalu.township_admin', 'post', '/enterprises', { name: '可清空公司', creditCode: creditCode(3), industry: 'x', workers: 1 });
    const changed = await api('chalu.township_admin', 'patch', `/enterprises/${created.body.id as string}`, { creditCode: null, industry: null, workers: null, name: '已清空公司' });
    expect(changed.body).toMatchObject({ name: '已清空公司', creditCode: null, industry: null, workers: null });
  });

  it('answers 409 IN_USE when deleting an enterprise that a case names, and deletes one that none does', async () => {
    const now = new Date();
    await ctx.db
      .insertInto('cases')
      .values({ tenant_id: 'chalu', case_id: 'c-enterprise-use', reference: 'T-1', workflow_tenant_id: 'ninghai', workflow_key: 'union-grievance', workflow_version: 1, state: 'intake', status: 'open', warning: 'green', channel: 'walk_in', enterprise_id: ids.chalu, title: 't', description: '', search_words: '', data: '{}', snapshot: '{}', version: 0, opened_at: now, updated_at: now })
      .execute();
    const refused = await api('chalu.township_admin', 'delete', `/enterprises/${ids.chalu}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('IN_USE');
    expect((await api('chalu.mediator', 'get', `/enterprises/${ids.chalu}`)).status).toBe(200);
    const spare = await api('chalu.township_admin', 'post', '/enterprises', { name: '可删除公司' });
    const deleted = await api('chalu.township_admin', 'delete', `/enterprises/${spare.body.id as string}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.name).toBe('可删除公司');
    expect((await api('chalu.township_admin', 'get', `/enterprises/${spare.body.id as string}`)).status).toBe(404);
  });
});

describe('enterprises: every 4xx', () => {
  it('answers 400 MALFORMED_BODY to a body that is not JSON', async () => {
    for (const [method, path] of [['post', '/enterprises'], ['patch', `/enterprises/${ids.chalu}`]] as const) {
      const response = await api('chalu.township_admin', method, path).set('Content-Type', 'application/json').send('{"name": [');
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('MALFORMED_BODY');
    }
  });

  it.each([
    ['91350100M000100Y44', 'check character'],
    ['91350100M000100Y4', '18'],
    ['91350100M000100YO3', '"O"'],
    ['9135010AM000100Y43', 'region code'],
  ])('answers 400 to the invalid credit code %s, on create and on change', async (code, words) => {
    const created = await api('chalu.township_admin', 'post', '/enterprises', { name: '坏代码公司', creditCode: code });
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe('INVALID_INPUT');
    expect(created.body.error.message).toContain(words);
    expect((await api('chalu.township_admin', 'patch', `/enterprises/${ids.chalu}`, { creditCode: code })).status).toBe(400);
  });

  it.each([[{}], [{ name: '' }], [{ name: 'x', workers: -1 }], [{ name: 'x', workers: 2.5 }], [{ name: 'x', colour: 'red' }], [{ name: 'x', tenantId: '' }]])('answers 400 to the create body %j', async (body) => {
    expect((await api('chalu.township_admin', 'post', '/enterprises', body)).status).toBe(400);
  });

  it.each([[{}], [{ workers: '12' }], [{ id: 'x' }]])('answers 400 to the change body %j', async (body) => {
    expect((await api('chalu.township_admin', 'patch', `/enterprises/${ids.chalu}`, body)).status).toBe(400);
  });

  it.each([['sort', '["password","ASC"]'], ['sort', '["name","sideways"]'], ['range', '[-5,2]'], ['range', '"all"'], ['filter', '{"workers":3}'], ['filter', '[]']])('answers 400 INVALID_QUERY to %s=%s', async (key, value) => {
    const response = await api('chalu.mediator', 'get', `/enterprises?${key}=${encodeURIComponent(value)}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_QUERY');
  });

  it('answers 404 to an unknown id', async () => {
    for (const [method, body] of [['get', undefined], ['patch', { workers: 1 }], ['delete', undefined]] as const) {
      expect((await api('ninghai.county_admin', method, '/enterprises/no-such-enterprise', body)).status).toBe(404);
    }
  });

  it('answers 409 CONFLICT to a duplicate credit code in the same union, on create and on change', async () => {
    const created = await api('chalu.township_admin', 'post', '/enterprises', { name: '重复', creditCode: creditCode(1) });
    expect(created.status).toBe(409);
    expect(created.body.error.code).toBe('CONFLICT');
    const other = await api('chalu.township_admin', 'post', '/enterprises', { name: '另一家', creditCode: creditCode(9) });
    expect((await api('chalu.township_admin', 'patch', `/enterprises/${other.body.id as string}`, { creditCode: creditCode(1) })).status).toBe(409);
    expect((await api('chalu.township_admin', 'patch', `/enterprises/${ids.chalu}`, { creditCode: creditCode(1) })).status).toBe(200);
  });

  it('answers 400 to NUL in a body, an id or a filter', async () => {
    expect((await api('chalu.township_admin', 'post', '/enterprises', { name: 'a\u0000b' })).status).toBe(400);
    expect((await api('chalu.township_admin', 'get', '/enterprises/a%00')).status).toBe(400);
    expect((await api('chalu.township_admin', 'get', `/enterprises?filter=${encodeURIComponent(JSON.stringify({ industry: '\u0000' }))}`)).status).toBe(400);
  });

  it('never answers 5xx to random bodies', async () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constant('a\u0000b'));
    const value = fc.oneof(text, fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }));
    const body = fc.oneof(
      value,
      fc.record(
        {
          name: fc.oneof(value, text),
          creditCode: fc.oneof(value, fc.integer({ min: 0, max: 30 }).map(creditCode), fc.stringMatching(/^[0-9A-Z]{18}$/)),
          industry: value,
          workers: fc.oneof(value, fc.integer(), fc.double()),
          tenantId: fc.oneof(value, fc.constantFrom('chalu', 'gaotan', 'huchen')),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const response = await api('chalu.intake_operator', 'post', '/enterprises').set('Content-Type', 'application/json').send(JSON.stringify(b));
        expect(response.status === 201 || (response.status >= 400 && response.status < 500), `${response.status} ${JSON.stringify(response.body)}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
