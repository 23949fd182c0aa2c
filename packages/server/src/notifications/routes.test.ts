import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDto } from '../cases/schemas.js';
import { openCase, SLEEVES_DATA, tokenCache } from '../cases/test-helpers.js';
import { createOutboxWorker } from '../outbox/outbox-worker.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import type { Notification } from './schemas.js';

let ctx: TestContext;
let token: (username: string) => Promise<string>;
const opened: CaseDto[] = [];

async function api(user: string, method: 'get' | 'post', path: string, query: Record<string, string> = {}) {
  return request(ctx.app)[method](`/api${path}`).query(query).set('Authorization', `Bearer ${await token(user)}`);
}

async function mine(user: string, filter: Record<string, unknown> = {}): Promise<Notification[]> {
  const response = await api(user, 'get', '/notifications', { filter: JSON.stringify(filter) });
  expect(response.status).toBe(200);
  return response.body as Notification[];
}

beforeAll(async () => {
  ctx = await createTestContext();
  token = tokenCache(ctx);
  const worker = createOutboxWorker(ctx.deps);
  // Two matters affecting many workers, a minute apart: each tells the supervisors above it.
  for (const tenantId of ['chalu', 'huchen']) {
    opened.push(await openCase(ctx, await token(`${tenantId}.intake_operator`), { data: { ...SLEEVES_DATA, workers_affected: 12 } }));
    ctx.clock.advance(60_000);
  }
  opened.push(await openCase(ctx, await token('chalu.intake_operator'), { data: { ...SLEEVES_DATA, workers_affected: 30 } }));
  await worker.runOnce();
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('notifications API: reading your own', () => {
  it('lists the caller notifications newest first, with the case and the message', async () => {
    const [chaluFirst, , chaluSecond] = opened;
    const response = await api('chalu.supervisor', 'get', '/notifications');
    expect(response.status).toBe(200);
    expect(response.headers['content-range']).toBe('notifications 0-1/2');
    const body = response.body as Notification[];
    expect(body.map((n) => n.caseId)).toEqual([chaluSecond?.id, chaluFirst?.id]);
    expect(body[0]).toEqual({
      id: expect.any(String),
      caseId: chaluSecond?.id,
      caseTenantId: 'chalu',
      reference: chaluSecond?.reference,
      type: 'notify',
      reason: 'rule',
      state: 'intake',
      message: { zh: expect.any(String), en: expect.any(String) },
      read: false,
      readAt: null,
      createdAt: expect.any(String),
    });
  });

  it('shows the county supervisor every township, and a township only its own', async () => {
    expect((await mine('ninghai.supervisor')).map((n) => n.caseTenantId).sort()).toEqual(['chalu', 'chalu', 'huchen']);
    expect((await mine('huchen.supervisor')).map((n) => n.caseId)).toEqual([opened[1]?.id]);
    const none = await api('chalu.mediator', 'get', '/notifications');
    expect(none.body).toEqual([]);
    expect(none.headers['content-range']).toBe('notifications */0');
  });

  it('filters by case and reason', async () => {
    expect((await mine('ninghai.supervisor', { caseId: opened[1]?.id })).map((n) => n.caseTenantId)).toEqual(['huchen']);
    expect(await mine('ninghai.supervisor', { reason: 'entry' })).toEqual([]);
  });
});

describe('notifications API: read and unread', () => {
  it('marks one read, keeps its first read time, and filters read and unread', async () => {
    const [newest, other] = await mine('ninghai.supervisor');
    const first = await api('ninghai.supervisor', 'post', `/notifications/${newest?.id ?? ''}/read`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id: newest?.id, read: true, readAt: expect.any(String) });
    ctx.clock.advance(60_000);
    const again = await api('ninghai.supervisor', 'post', `/notifications/${newest?.id ?? ''}/read`);
    expect(again.body.readAt).toBe(first.body.readAt);
    expect((await mine('ninghai.supervisor', { read: true })).map((n) => n.id)).toEqual([newest?.id]);
    expect((await mine('ninghai.supervisor', { read: false })).map((n) => n.id)).toContain(other?.id);
    expect(await mine('ninghai.supervisor', { read: false })).toHaveLength(2);
  });

  it('marks all read for the caller only', async () => {
    const response = await api('ninghai.supervisor', 'post', '/notifications/read-all');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ updated: 2 });
    expect(await mine('ninghai.supervisor', { read: false })).toEqual([]);
    expect((await api('ninghai.supervisor', 'post', '/notifications/read-all')).body).toEqual({ updated: 0 });
    expect(await mine('chalu.supervisor', { read: false })).toHaveLength(2);
  });

  it('answers 404 to another user notification, even for the county', async () => {
    const [chalu] = await mine('chalu.supervisor');
    for (const user of ['ninghai.supervisor', 'ninghai.county_admin', 'chalu.township_admin']) {
      const response = await api(user, 'post', `/notifications/${chalu?.id ?? ''}/read`);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
      expect(await mine(user, { id: chalu?.id })).toEqual([]);
    }
    expect((await mine('chalu.supervisor', { id: chalu?.id }))[0]?.read).toBe(false);
  });
});

describe('notifications API: bad input', () => {
  it.each([
    ['filter', '{"read":"yes"}', 'read must be true or false'],
    ['filter', '{"unread":true}', 'unread'],
    ['sort', '["message","ASC"]', 'cannot be sorted on'],
    ['range', '[0', 'JSON'],
  ])('answers 400 INVALID_QUERY to %s=%s', async (key, value, words) => {
    const response = await api('chalu.supervisor', 'get', '/notifications', { [key]: value });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_QUERY');
    expect(response.body.error.message).toContain(words);
  });

  it('answers 400 to an id PostgreSQL cannot store, 404 to an unknown one and 401 without a token', async () => {
    expect((await api('chalu.supervisor', 'post', '/notifications/a%00b/read')).status).toBe(400);
    expect((await api('chalu.supervisor', 'post', '/notifications/no-such-id/read')).status).toBe(404);
    expect((await request(ctx.app).get('/api/notifications')).status).toBe(401);
    expect((await request(ctx.app).post('/api/notifications/read-all')).status).toBe(401);
  });
});
