import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDto } from '../cases/schemas.js';
import { openCase, SLEEVES_DATA, tokenCache } from '../cases/test-helpers.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { createOutboxWorker } from './outbox-worker.js';
import type { OutboxEntry } from './schemas.js';
import { startWebhookReceiver, type WebhookReceiver } from './start-webhook-receiver.js';

let ctx: TestContext;
let token: (username: string) => Promise<string>;
let receiver: WebhookReceiver;
const cases: Record<'chalu' | 'gaotan' | 'huchen', CaseDto | undefined> = { chalu: undefined, gaotan: undefined, huchen: undefined };

function caseOf(tenant: keyof typeof cases): CaseDto {
  const found = cases[tenant];
  if (!found) throw new Error(`no ${tenant} case`);
  return found;
}

async function api(user: string, method: 'get' | 'post', path: string, query: Record<string, string> = {}) {
  return request(ctx.app)[method](`/api${path}`).query(query).set('Authorization', `Bearer ${await token(user)}`);
}

async function list(user: string, filter: Record<string, unknown> = {}, extra: Record<string, string> = {}) {
  return api(user, 'get', '/outbox', { filter: JSON.stringify(filter), ...extra });
}

const ids = (response: { body: unknown }) => (response.body as OutboxEntry[]).map((entry) => entry.id).sort();
const rowIds = async (caseId: string) => (await ctx.db.selectFrom('outbox').select('outbox_id').where('case_id', '=', caseId).execute()).map((row) => row.outbox_id).sort();

beforeAll(async () => {
  ctx = await createTestContext();
  token = tokenCache(ctx);
  receiver = await startWebhookReceiver();
  const data = { ...SLEEVES_DATA, workers_affected: 12 };
  const worker = createOutboxWorker(ctx.deps, { webhook: { url: receiver.url, secret: 'routes-test-secret-0123', timeoutMs: 2000 }, maxAttempts: 1 });
  cases.chalu = await openCase(ctx, await token('chalu.intake_operator'), { data });
  cases.gaotan = await openCase(ctx, await token('chalu.township_admin'), { data, tenantId: 'gaotan' });
  await worker.runOnce();
  // The huchen case's deliveries fail, and with one attempt allowed they are dead at once.
  cases.huchen = await openCase(ctx, await token('huchen.intake_operator'), { data });
  receiver.status = 500;
  await worker.runOnce();
}, 60_000);

afterAll(async () => {
  await receiver?.close();
  await ctx?.close();
});

describe('outbox API: roles', () => {
  it.each(['chalu.mediator', 'chalu.intake_operator', 'chalu.lawyer', 'huchen.early_warning_officer', 'ninghai.counsellor'])('answers 403 with the roles needed to %s', async (user) => {
    const huchenRow = (await rowIds(caseOf('huchen').id))[0] ?? '';
    for (const response of [await list(user), await list(user, { status: 'lost' }), await api(user, 'get', `/outbox/${huchenRow}`), await api(user, 'post', `/outbox/${huchenRow}/retry`)]) {
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
      expect(response.body.error.message).toContain('county_admin or township_admin or supervisor');
    }
  });

  it('lets county admins, township admins and supervisors read', async () => {
    for (const user of ['ninghai.county_admin', 'ninghai.supervisor', 'chalu.township_admin', 'chalu.supervisor']) expect((await list(user)).status).toBe(200);
  });
});

describe('outbox API: tenant isolation', () => {
  it('lists the rows of the caller subtree only', async () => {
    const [chalu, gaotan, huchen] = await Promise.all([rowIds(caseOf('chalu').id), rowIds(caseOf('gaotan').id), rowIds(caseOf('huchen').id)]);
    expect(ids(await list('chalu.township_admin', {}, { range: '[0,499]' }))).toEqual([...chalu, ...gaotan].sort());
    expect(ids(await list('huchen.supervisor', {}, { range: '[0,499]' }))).toEqual(huchen);
    expect(ids(await list('ninghai.supervisor', {}, { range: '[0,499]' }))).toEqual([...chalu, ...gaotan, ...huchen].sort());
    const filtered = await list('chalu.township_admin', { tenantId: 'huchen' });
    expect(filtered.body).toEqual([]);
    expect(filtered.headers['content-range']).toBe('outbox */0');
    expect((await list('chalu.supervisor', { caseId: caseOf('huchen').id })).body).toEqual([]);
  });

  it('answers 404 to a row of another township on show and retry', async () => {
    const [huchenRow] = await rowIds(caseOf('huchen').id);
    for (const response of [await api('chalu.township_admin', 'get', `/outbox/${huchenRow ?? ''}`), await api('chalu.supervisor', 'post', `/outbox/${huchenRow ?? ''}/retry`)]) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    const row = await ctx.db.selectFrom('outbox').select('status').where('outbox_id', '=', huchenRow ?? '').executeTakeFirstOrThrow();
    expect(row.status).toBe('dead');
    expect((await api('huchen.township_admin', 'get', `/outbox/${huchenRow ?? ''}`)).body).toMatchObject({ id: huchenRow, tenantId: 'huchen', status: 'dead' });
  });
});

describe('outbox API: reading', () => {
  it('shows a row with its case, effect and delivery state', async () => {
    const [id] = await rowIds(caseOf('huchen').id);
    const response = await api('huchen.township_admin', 'get', `/outbox/${id ?? ''}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id,
      tenantId: 'huchen',
      caseId: caseOf('huchen').id,
      reference: caseOf('huchen').reference,
      workflow: { key: 'union-grievance', version: 1 },
      type: expect.any(String),
      status: 'dead',
      attempts: 1,
      nextAttemptAt: expect.any(String),
      lastError: expect.stringContaining('webhook'),
      deliveredChannels: expect.any(Array),
      deliveredAt: null,
      createdAt: expect.any(String),
      effect: expect.objectContaining({ type: response.body.type }),
    });
  });

  it('filters by status, type and case, sorts and pages', async () => {
    const huchen = await rowIds(caseOf('huchen').id);
    expect(ids(await list('ninghai.county_admin', { status: 'dead' }))).toEqual(huchen);
    expect(ids(await list('ninghai.county_admin', { status: ['failed', 'dead'], caseId: caseOf('huchen').id }))).toEqual(huchen);
    expect(await list('ninghai.county_admin', { status: 'pending' })).toMatchObject({ body: [] });
    const notify = await list('ninghai.county_admin', { type: 'notify' });
    expect((notify.body as OutboxEntry[]).map((entry) => entry.type)).toEqual(['notify', 'notify', 'notify']);
    const page = await list('ninghai.county_admin', {}, { sort: '["type","ASC"]', range: '[1,2]' });
    expect(page.body).toHaveLength(2);
    expect(page.headers['content-range']).toMatch(/^outbox 1-2\/\d+$/);
  });
});

describe('outbox API: retry', () => {
  it('puts a dead row back in the queue for a fresh round, due now', async () => {
    const [id] = await rowIds(caseOf('huchen').id);
    const response = await api('huchen.supervisor', 'post', `/outbox/${id ?? ''}/retry`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id, status: 'pending', attempts: 0 });
    expect(Date.parse(response.body.nextAttemptAt as string)).toBeLessThanOrEqual(ctx.clock.now().getTime());
    receiver.status = 200;
    await createOutboxWorker(ctx.deps, { webhook: { url: receiver.url, secret: 'routes-test-secret-0123', timeoutMs: 2000 } }).runOnce();
    expect((await api('huchen.supervisor', 'get', `/outbox/${id ?? ''}`)).body).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('answers 409 NOT_RETRYABLE to a row that is not failed or dead', async () => {
    const [id] = await rowIds(caseOf('chalu').id);
    const response = await api('chalu.township_admin', 'post', `/outbox/${id ?? ''}/retry`);
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'NOT_RETRYABLE', details: { status: 'sent' } });
    expect(response.body.error.message).toContain('only failed or dead deliveries can be retried');
  });
});

describe('outbox API: bad input', () => {
  it.each([
    ['filter', '{"status":"lost"}', 'status must be one of'],
    ['filter', '{"colour":"red"}', 'colour'],
    ['filter', '{"type":""}', 'type'],
    ['sort', '["payload","ASC"]', 'cannot be sorted on'],
    ['range', '[5,1]', 'must not be before'],
  ])('answers 400 INVALID_QUERY to %s=%s', async (key, value, words) => {
    const response = await api('chalu.township_admin', 'get', '/outbox', { [key]: value });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_QUERY');
    expect(response.body.error.message).toContain(words);
  });

  it('answers 400 to an id PostgreSQL cannot store and 404 to an unknown one', async () => {
    expect((await api('chalu.township_admin', 'get', '/outbox/a%00b')).status).toBe(400);
    expect((await api('chalu.township_admin', 'post', '/outbox/a%00b/retry')).status).toBe(400);
    expect((await api('chalu.township_admin', 'get', '/outbox/no-such-row')).status).toBe(404);
    expect((await api('chalu.township_admin', 'post', '/outbox/no-such-row/retry')).status).toBe(404);
  });

  it('answers 401 without a token', async () => {
    expect((await request(ctx.app).get('/api/outbox')).status).toBe(401);
  });

  it('never answers 5xx to random list queries', async () => {
    const value = fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ sort: fc.string(), range: fc.string(), filter: fc.oneof(fc.string(), value.map((v) => JSON.stringify(v)), fc.record({ status: value, type: value, caseId: value }, { requiredKeys: [] }).map((v) => JSON.stringify(v))) }, { requiredKeys: [] }),
        async (query) => {
          const response = await api('ninghai.supervisor', 'get', '/outbox', query);
          expect(response.status < 500, `${response.status} ${JSON.stringify(response.body)}`).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
