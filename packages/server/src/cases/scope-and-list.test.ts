import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import type { CaseDto } from './schemas.js';
import { openCase, SLEEVES_DATA, tokenCache } from './test-helpers.js';

let ctx: TestContext;
let token: (username: string) => Promise<string>;
let chaluCase: CaseDto;
let huchenCase: CaseDto;
let gaotanCase: CaseDto;
let attachmentId: string;

const NIGHT_SHIFT = { title: '下夜班打车难', description: '下夜班要走3公里才能打到车，希望开通夜班公交。', worker_name: '王师傅', worker_phone: '13900001111' };

async function get(username: string, path: string) {
  return request(ctx.app).get(`/api${path}`).set('Authorization', `Bearer ${await token(username)}`);
}

async function post(username: string, path: string, body: unknown) {
  return request(ctx.app).post(`/api${path}`).set('Authorization', `Bearer ${await token(username)}`).send(body as object);
}

async function listIds(username: string, filter: unknown, extra = ''): Promise<string[]> {
  const response = await get(username, `/cases?filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as CaseDto[]).map((c) => c.id);
}

beforeAll(async () => {
  ctx = await createTestContext();
  token = tokenCache(ctx);
  chaluCase = await openCase(ctx, await token('chalu.intake_operator'), { data: { ...SLEEVES_DATA, category: 'wages' } });
  huchenCase = await openCase(ctx, await token('huchen.intake_operator'), { channel: 'phone', data: { ...NIGHT_SHIFT, workers_affected: 30 } });
  gaotanCase = await openCase(ctx, await token('ninghai.intake_operator'), { tenantId: 'gaotan', channel: 'online' });
  const uploaded = await post('chalu.intake_operator', `/cases/${chaluCase.id}/attachments`, { filename: 'photo.txt', contentType: 'text/plain', contentBase64: Buffer.from('袖套').toString('base64') });
  expect(uploaded.status).toBe(201);
  attachmentId = uploaded.body.id;
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('tenant isolation', () => {
  it("answers 404 to a Huchen user on every endpoint of a Chalu case", async () => {
    const huchen = 'huchen.township_admin';
    const id = chaluCase.id;
    const calls: Array<[string, () => ReturnType<typeof get>]> = [
      ['show', () => get(huchen, `/cases/${id}`)],
      ['reveal', () => get(huchen, `/cases/${id}?reveal=true`)],
      ['timeline', () => get(huchen, `/cases/${id}/timeline`)],
      ['available events', () => get(huchen, `/cases/${id}/events/available`)],
      ['event', () => post(huchen, `/cases/${id}/events`, { type: 'accept', version: 1 })],
      ['assign', () => post(huchen, `/cases/${id}/assign`, { assigneeId: null, version: 1 })],
      ['upload', () => post(huchen, `/cases/${id}/attachments`, { filename: 'x.txt', contentType: 'text/plain', contentBase64: 'eA==' })],
      ['attachments', () => get(huchen, `/cases/${id}/attachments`)],
      ['download', () => get(huchen, `/cases/${id}/attachments/${attachmentId}`)],
    ];
    for (const [name, call] of calls) {
      const response = await call();
      expect(response.status, name).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    const untouched = await ctx.db.selectFrom('cases').select(['version', 'state']).where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(untouched).toEqual({ version: 1, state: 'intake' });
  });

  it('lets the county see and act on both townships', async () => {
    for (const id of [chaluCase.id, huchenCase.id]) {
      for (const path of [`/cases/${id}`, `/cases/${id}/timeline`, `/cases/${id}/events/available`, `/cases/${id}/attachments`]) {
        expect((await get('ninghai.county_admin', path)).status, path).toBe(200);
      }
    }
    expect((await get('ninghai.county_admin', `/cases/${chaluCase.id}/attachments/${attachmentId}`)).status).toBe(200);
    const ids = await listIds('ninghai.county_admin', {});
    expect(ids).toEqual(expect.arrayContaining([chaluCase.id, huchenCase.id, gaotanCase.id]));
  });

  it('scopes lists to the caller\'s subtree', async () => {
    expect(await listIds('huchen.intake_operator', {})).toEqual([huchenCase.id]);
    expect(await listIds('huchen.intake_operator', { tenantId: 'chalu' })).toEqual([]);
    expect((await listIds('chalu.intake_operator', {})).sort()).toEqual([chaluCase.id, gaotanCase.id].sort());
    expect(await listIds('ninghai.county_admin', { tenantId: 'gaotan' })).toEqual([gaotanCase.id]);
    expect((await listIds('ninghai.county_admin', { tenantId: 'chalu' })).sort()).toEqual([chaluCase.id, gaotanCase.id].sort());
  });

  it('lets a township see the cases of the unions below it', async () => {
    expect((await get('chalu.mediator', `/cases/${gaotanCase.id}`)).status).toBe(200);
    expect((await get('huchen.mediator', `/cases/${gaotanCase.id}`)).status).toBe(404);
  });
});

describe('the cases list', () => {
  const county = 'ninghai.county_admin';

  it('answers a Content-Range header and pages', async () => {
    const response = await get(county, '/cases?range=[0,1]&sort=["reference","ASC"]');
    expect(response.status).toBe(200);
    expect(response.body).toHaveLength(2);
    expect(response.headers['content-range']).toBe('cases 0-1/3');
    expect(response.headers['access-control-expose-headers']).toContain('Content-Range');
    expect((response.body as CaseDto[]).map((c) => c.id)).toEqual([chaluCase.id, huchenCase.id]);
  });

  it('filters on state, warning, status, channel, workflow, enterprise and data', async () => {
    expect(await listIds(county, { warning: 'red' })).toEqual([huchenCase.id]);
    expect(await listIds(county, { warning: ['yellow'] })).toEqual([chaluCase.id]);
    expect(await listIds(county, { channel: 'online' })).toEqual([gaotanCase.id]);
    expect((await listIds(county, { state: 'intake', status: 'open', workflowKey: 'union-grievance' })).length).toBe(3);
    expect(await listIds(county, { state: [] })).toEqual([]);
    expect(await listIds(county, { data: { category: 'wages' } })).toEqual([chaluCase.id]);
    expect(await listIds(county, { enterpriseId: 'nobody' })).toEqual([]);
  });

  it('searches Chinese text in the title and description, and references', async () => {
    expect(await listIds(county, { q: '夜班' })).toEqual([huchenCase.id]);
    expect((await listIds(county, { q: '袖套' })).sort()).toEqual([chaluCase.id, gaotanCase.id].sort());
    expect(await listIds(county, { q: '可拆卸 袖套 夜班' })).toEqual([]);
    expect(await listIds(county, { q: huchenCase.reference.toLowerCase() })).toEqual([huchenCase.id]);
    expect((await listIds(county, { q: '，。' })).length).toBe(0);
  });

  it('sorts by warning, red first', async () => {
    const ids = await listIds(county, {}, '&sort=["warning","DESC"]');
    expect(ids.slice(0, 2)).toEqual([huchenCase.id, chaluCase.id]);
  });

  it('filters on the assignee after an assignment', async () => {
    const assigned = await post('chalu.township_admin', `/cases/${chaluCase.id}/assign`, { assigneeId: 'chalu.mediator', version: chaluCase.version });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.case).toMatchObject({ assigneeId: 'chalu.mediator', version: 2 });
    expect(await listIds(county, { assigneeId: 'chalu.mediator' })).toEqual([chaluCase.id]);
    expect((await listIds(county, { assigneeId: null })).sort()).toEqual([huchenCase.id, gaotanCase.id].sort());
    const foreign = await post('chalu.township_admin', `/cases/${chaluCase.id}/assign`, { assigneeId: 'huchen.mediator', version: 2 });
    expect(foreign.status).toBe(404);
  });

  it('masks personal fields in lists, and refuses a filter on them without a PII role', async () => {
    const response = await get('chalu.supervisor', `/cases?filter=${encodeURIComponent(JSON.stringify({ id: [chaluCase.id] }))}`);
    expect(response.body[0].data).toMatchObject({ worker_name: '***', worker_phone: '138****5678' });
    const refused = await get('chalu.supervisor', `/cases?filter=${encodeURIComponent(JSON.stringify({ data: { worker_name: '李阿姨' } }))}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('worker_name');
  });

  it.each([
    ['sort=["password","ASC"]', 'INVALID_QUERY'],
    ['filter={"galaxy":1}', 'INVALID_QUERY'],
    ['filter={"warning":"purple"}', 'INVALID_QUERY'],
    ['filter={"data":{"Bad Key":1}}', 'INVALID_QUERY'],
    ['range=[3,1]', 'INVALID_QUERY'],
  ])('answers 400 to %s', async (query, code) => {
    const response = await get(county, `/cases?${query.replace(/[{}[\]"]/g, encodeURIComponent)}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
  });

  it('filters overdue cases once the SLA has run out', async () => {
    expect(await listIds(county, { overdue: true })).toEqual([]);
    ctx.clock.advance(30 * 86_400_000);
    const overdue = await listIds(county, { overdue: true });
    expect(overdue.sort()).toEqual([chaluCase.id, huchenCase.id, gaotanCase.id].sort());
    expect(await listIds(county, { overdue: 'false' })).toEqual([]);
    const shown = await get(county, `/cases/${huchenCase.id}`);
    expect(shown.body.overdue).toBe(true);
  });
});
