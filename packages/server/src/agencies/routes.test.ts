import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';

let ctx: TestContext;
const tokens = new Map<string, string>();
const USERS = ['ninghai.county_admin', 'ninghai.supervisor', 'chalu.township_admin', 'chalu.mediator', 'huchen.township_admin', 'huchen.mediator'];
const ids: Record<'chalu' | 'huchen' | 'gaotan', string> = { chalu: '', huchen: '', gaotan: '' };

function api(user: string, method: 'get' | 'post' | 'patch' | 'delete', path: string, body?: unknown) {
  const call = request(ctx.app)[method](`/api${path}`).set('Authorization', `Bearer ${tokens.get(user) ?? ''}`);
  return body === undefined ? call : call.send(body as object);
}

function name(zh: string) {
  return { zh, en: `${zh} (en)` };
}

beforeAll(async () => {
  ctx = await createTestContext();
  for (const user of USERS) tokens.set(user, await ctx.login(user));
  const created = await Promise.all([
    api('chalu.township_admin', 'post', '/agencies', { code: 'judicial_office', name: name('岔路司法所'), contact: '0574-1111' }),
    api('huchen.township_admin', 'post', '/agencies', { code: 'judicial_office', name: name('胡陈司法所') }),
    api('chalu.township_admin', 'post', '/agencies', { code: 'chamber_of_commerce', name: name('高坛商会'), tenantId: 'gaotan' }),
  ]);
  for (const response of created) expect(response.status, JSON.stringify(response.body)).toBe(201);
  [ids.chalu, ids.huchen, ids.gaotan] = created.map((r) => r.body.id as string) as [string, string, string];
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('agencies: tenant isolation', () => {
  it('lists only the caller subtree, and everything for the county', async () => {
    const chalu = await api('chalu.mediator', 'get', '/agencies');
    expect(chalu.status).toBe(200);
    expect((chalu.body as Array<{ id: string }>).map((a) => a.id).sort()).toEqual([ids.chalu, ids.gaotan].sort());
    expect(chalu.headers['content-range']).toBe('agencies 0-1/2');
    expect(chalu.headers['access-control-expose-headers']).toContain('Content-Range');
    const huchen = await api('huchen.mediator', 'get', '/agencies');
    expect((huchen.body as Array<{ id: string }>).map((a) => a.id)).toEqual([ids.huchen]);
    const county = await api('ninghai.supervisor', 'get', '/agencies');
    expect((county.body as Array<{ id: string }>).map((a) => a.id).sort()).toEqual([ids.chalu, ids.huchen, ids.gaotan].sort());
  });

  it('answers 404 to another township on show, change and delete, whatever the role', async () => {
    for (const user of ['huchen.township_admin', 'huchen.mediator']) {
      for (const [method, body] of [['get', undefined], ['patch', { contact: 'x' }], ['delete', undefined]] as const) {
        const response = await api(user, method, `/agencies/${ids.chalu}`, body);
        expect(response.status, `${user} ${method}`).toBe(404);
        expect(response.body.error.code).toBe('NOT_FOUND');
      }
    }
    const filtered = await api('huchen.township_admin', 'get', `/agencies?filter=${encodeURIComponent(JSON.stringify({ id: [ids.chalu, ids.gaotan] }))}`);
    expect(filtered.body).toEqual([]);
    expect(filtered.headers['content-range']).toBe('agencies */0');
  });

  it('answers 404 when creating into a union outside the subtree', async () => {
    const response = await api('huchen.township_admin', 'post', '/agencies', { code: 'court', name: name('法院'), tenantId: 'chalu' });
    expect(response.status).toBe(404);
    const unknown = await api('huchen.township_admin', 'post', '/agencies', { code: 'court', name: name('法院'), tenantId: 'atlantis' });
    expect(unknown.status).toBe(404);
  });

  it('lets the county show and change both townships', async () => {
    for (const id of [ids.chalu, ids.huchen]) {
      expect((await api('ninghai.supervisor', 'get', `/agencies/${id}`)).status).toBe(200);
      const changed = await api('ninghai.county_admin', 'patch', `/agencies/${id}`, { contact: '0574-6556 0000' });
      expect(changed.status).toBe(200);
      expect(changed.body.contact).toBe('0574-6556 0000');
    }
  });
});

describe('agencies: roles', () => {
  it('answers 403 to a role that may not write a visible agency', async () => {
    for (const user of ['chalu.mediator', 'ninghai.supervisor']) {
      const created = await api(user, 'post', '/agencies', { code: 'court', name: name('法院') });
      expect(created.status).toBe(403);
      expect(created.body.error.code).toBe('FORBIDDEN');
      expect((await api(user, 'patch', `/agencies/${ids.chalu}`, { contact: 'x' })).status).toBe(403);
      expect((await api(user, 'delete', `/agencies/${ids.chalu}`)).status).toBe(403);
    }
  });
});

describe('agencies: reading and writing', () => {
  it('shows an agency', async () => {
    const response = await api('chalu.mediator', 'get', `/agencies/${ids.chalu}`);
    expect(response.body).toEqual({ id: ids.chalu, tenantId: 'chalu', code: 'judicial_office', name: name('岔路司法所'), contact: expect.any(String), createdAt: expect.any(String) });
  });

  it('filters, sorts and pages', async () => {
    const q = await api('ninghai.county_admin', 'get', `/agencies?filter=${encodeURIComponent('{"q":"司法"}')}&sort=${encodeURIComponent('["name","DESC"]')}`);
    expect((q.body as Array<{ name: { zh: string } }>).map((a) => a.name.zh)).toEqual(['胡陈司法所', '岔路司法所']);
    const code = await api('ninghai.county_admin', 'get', `/agencies?filter=${encodeURIComponent('{"code":"chamber_of_commerce","tenantId":"gaotan"}')}`);
    expect((code.body as Array<{ id: string }>).map((a) => a.id)).toEqual([ids.gaotan]);
    const page = await api('ninghai.county_admin', 'get', `/agencies?sort=${encodeURIComponent('["code","ASC"]')}&range=${encodeURIComponent('[1,1]')}`);
    expect(page.body).toHaveLength(1);
    expect(page.headers['content-range']).toBe('agencies 1-1/3');
    const literal = await api('ninghai.county_admin', 'get', `/agencies?filter=${encodeURIComponent('{"q":"%"}')}`);
    expect(literal.body).toEqual([]);
  });

  it('changes code, names and contact, and clears the contact with null', async () => {
    const created = await api('chalu.township_admin', 'post', '/agencies', { code: 'traffic_police', name: name('交通执法队'), contact: '110' });
    const response = await api('chalu.township_admin', 'patch', `/agencies/${created.body.id as string}`, { code: 'traffic_enforcement', name: { en: 'Traffic Enforcement Team' }, contact: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: 'traffic_enforcement', name: { zh: '交通执法队', en: 'Traffic Enforcement Team' }, contact: null });
  });

  it('deletes an agency and answers it', async () => {
    const created = await api('chalu.township_admin', 'post', '/agencies', { code: 'transport_group', name: name('县交通集团') });
    const deleted = await api('chalu.township_admin', 'delete', `/agencies/${created.body.id as string}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.code).toBe('transport_group');
    expect((await api('chalu.township_admin', 'get', `/agencies/${created.body.id as string}`)).status).toBe(404);
  });
});

describe('agencies: every 4xx', () => {
  it('answers 400 MALFORMED_BODY to a body that is not JSON', async () => {
    for (const [method, path] of [['post', '/agencies'], ['patch', `/agencies/${ids.chalu}`]] as const) {
      const response = await api('chalu.township_admin', method, path).set('Content-Type', 'application/json').send('{"code": ');
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('MALFORMED_BODY');
    }
  });

  it.each([
    [{ code: 'Judicial-Office', name: name('x') }, 'lower snake case'],
    [{ code: 'court' }, 'name'],
    [{ code: 'court', name: { zh: '法院' } }, 'name.en'],
    [{ code: 'court', name: { zh: ' ', en: 'Court' } }, 'empty'],
    [{ code: 'court', name: name('法院'), colour: 'red' }, 'colour'],
  ])('answers 400 to the create body %j', async (body, words) => {
    const response = await api('chalu.township_admin', 'post', '/agencies', body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(response.body.error.message).toContain(words);
  });

  it.each([[{}], [{ code: 'Bad Code' }], [{ id: 'x' }]])('answers 400 to the change body %j', async (body) => {
    expect((await api('chalu.township_admin', 'patch', `/agencies/${ids.chalu}`, body)).status).toBe(400);
  });

  it.each([['sort', '["contact","ASC"]'], ['sort', 'name'], ['range', '[10,2]'], ['range', '[0'], ['filter', '{"colour":"red"}'], ['filter', '"q"']])('answers 400 INVALID_QUERY to %s=%s', async (key, value) => {
    const response = await api('chalu.mediator', 'get', `/agencies?${key}=${encodeURIComponent(value)}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_QUERY');
  });

  it('answers 404 to an unknown id', async () => {
    for (const [method, body] of [['get', undefined], ['patch', { contact: 'x' }], ['delete', undefined]] as const) {
      expect((await api('ninghai.county_admin', method, '/agencies/no-such-agency', body)).status).toBe(404);
    }
  });

  it('answers 400 to text PostgreSQL cannot store (NUL) in a body, an id or a filter', async () => {
    expect((await api('chalu.township_admin', 'post', '/agencies', { code: 'court', name: { zh: '法\u0000院', en: 'Court' } })).status).toBe(400);
    expect((await api('chalu.township_admin', 'patch', `/agencies/${ids.chalu}`, { contact: '\u0000' })).status).toBe(400);
    expect((await api('chalu.township_admin', 'get', '/agencies/a%00b')).status).toBe(400);
    expect((await api('chalu.township_admin', 'get', `/agencies?filter=${encodeURIComponent(JSON.stringify({ q: '\u0000' }))}`)).status).toBe(400);
  });

  it('answers 409 CONFLICT to a duplicate code in the same union, on create and on change', async () => {
    const created = await api('chalu.township_admin', 'post', '/agencies', { code: 'judicial_office', name: name('重复') });
    expect(created.status).toBe(409);
    expect(created.body.error.code).toBe('CONFLICT');
    const other = await api('chalu.township_admin', 'post', '/agencies', { code: 'labour_bureau', name: name('人社局') });
    const changed = await api('chalu.township_admin', 'patch', `/agencies/${other.body.id as string}`, { code: 'judicial_office' });
    expect(changed.status).toBe(409);
    // Keeping its own code is not a conflict.
    expect((await api('chalu.township_admin', 'patch', `/agencies/${ids.chalu}`, { code: 'judicial_office' })).status).toBe(200);
  });

  it('never answers 5xx to random bodies and list queries', async () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constant('a\u0000b'));
    const value = fc.oneof(text, fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }));
    const name = fc.oneof(value, fc.record({ zh: text, en: text }, { requiredKeys: [] }));
    const body = fc.oneof(value, fc.record({ code: fc.oneof(value, fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/)), name, contact: fc.oneof(value, text), tenantId: fc.oneof(value, fc.constantFrom('chalu', 'gaotan', 'huchen')) }, { requiredKeys: [] }));
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const response = await api('chalu.township_admin', 'post', '/agencies').set('Content-Type', 'application/json').send(JSON.stringify(b));
        expect(response.status === 201 || (response.status >= 400 && response.status < 500), `${response.status} ${JSON.stringify(response.body)}`).toBe(true);
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.record({ sort: fc.string(), range: fc.string(), filter: fc.oneof(fc.string(), value.map((v) => JSON.stringify(v))) }, { requiredKeys: [] }), async (query) => {
        const response = await api('chalu.mediator', 'get', '/agencies').query(query);
        expect(response.status < 500, `${response.status} ${JSON.stringify(response.body)}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
