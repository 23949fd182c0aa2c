import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import type { CaseDto } from './schemas.js';
import { openCase, SLEEVES_DATA, tokenCache } from './test-helpers.js';

let ctx: TestContext;
let token: (username: string) => Promise<string>;
const intake = 'chalu.intake_operator';

beforeAll(async () => {
  ctx = await createTestContext();
  token = tokenCache(ctx);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

async function send(id: string, body: unknown, options: { username?: string; key?: string } = {}) {
  let call = request(ctx.app).post(`/api/cases/${id}/events`).set('Authorization', `Bearer ${await token(options.username ?? intake)}`);
  if (options.key !== undefined) call = call.set('Idempotency-Key', options.key);
  return call.send(body as object);
}

async function eventCount(id: string): Promise<number> {
  const rows = await ctx.db.selectFrom('case_events').select('seq').where('case_id', '=', id).execute();
  return rows.length;
}

async function open(): Promise<CaseDto> {
  return openCase(ctx, await token(intake));
}

describe('concurrent events', () => {
  it('lets exactly one of 20 requests with the same version through; the rest get 409', async () => {
    const opened = await open();
    const responses = await Promise.all(Array.from({ length: 20 }, () => send(opened.id, { type: 'accept', version: 1 })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const conflict of responses.filter((r) => r.status === 409)) {
      expect(conflict.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2, sentVersion: 1 } });
    }
    expect(await eventCount(opened.id)).toBe(2);
  });

  it('loses and doubles no event when 20 clients retry until each gets through', async () => {
    const opened = await open();
    let version = opened.version;
    for (const [type, data] of [['accept', undefined], ['handle_directly', { category: 'welfare' }]] as const) {
      const response = await send(opened.id, { type, version, ...(data ? { data } : {}) });
      expect(response.status).toBe(200);
      version = response.body.case.version;
    }
    const client = async () => {
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const current = await request(ctx.app).get(`/api/cases/${opened.id}`).set('Authorization', `Bearer ${await token(intake)}`);
        const response = await send(opened.id, { type: 'claim', version: current.body.version });
        if (response.status === 200) return attempt;
        expect(response.status).toBe(409);
      }
      throw new Error('a client never got through');
    };
    await Promise.all(Array.from({ length: 20 }, client));
    const events = await ctx.db.selectFrom('case_events').select(['seq', 'type']).where('case_id', '=', opened.id).orderBy('seq').execute();
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(events.filter((e) => e.type === 'claim')).toHaveLength(20);
    const row = await ctx.db.selectFrom('cases').select('version').where('case_id', '=', opened.id).executeTakeFirstOrThrow();
    expect(row.version).toBe(23);
  });
});

describe('Idempotency-Key', () => {
  it('answers a retry with the first response and no second event', async () => {
    const opened = await open();
    const first = await send(opened.id, { type: 'accept', version: 1 }, { key: 'accept-1' });
    expect(first.status).toBe(200);
    const retry = await send(opened.id, { version: 1, type: 'accept' }, { key: 'accept-1' });
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await eventCount(opened.id)).toBe(2);
  });

  it('answers concurrent retries with the one response', async () => {
    const opened = await open();
    const responses = await Promise.all(Array.from({ length: 5 }, () => send(opened.id, { type: 'accept', version: 1 }, { key: 'same-key-5' })));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (const response of responses) expect(response.body).toEqual(responses[0]?.body);
    expect(await eventCount(opened.id)).toBe(2);
  });

  it('refuses the same key with a different body', async () => {
    const opened = await open();
    expect((await send(opened.id, { type: 'accept', version: 1 }, { key: 'k-reused' })).status).toBe(200);
    const reused = await send(opened.id, { type: 'handle_directly', version: 2, data: { category: 'wages' } }, { key: 'k-reused' });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await eventCount(opened.id)).toBe(2);
  });

  it('keeps keys per user, and forgets a request that failed', async () => {
    const opened = await open();
    const refused = await send(opened.id, { type: 'accept', version: 9 }, { key: 'k-failed' });
    expect(refused.status).toBe(409);
    expect((await send(opened.id, { type: 'accept', version: 1 }, { key: 'k-failed' })).status).toBe(200);
    const other = await send(opened.id, { type: 'handle_directly', version: 2, data: { category: 'wages' } }, { key: 'k-failed', username: 'chalu.township_admin' });
    expect(other.status).toBe(200);
    expect(await eventCount(opened.id)).toBe(3);
  });

  it('opens one case for a retried POST /cases', async () => {
    const body = { workflow: { key: 'union-grievance' }, channel: 'phone', data: SLEEVES_DATA };
    const post = async () => request(ctx.app).post('/api/cases').set('Authorization', `Bearer ${await token(intake)}`).set('Idempotency-Key', 'open-once').send(body);
    const first = await post();
    const second = await post();
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
  });

  it('refuses a key that is not visible ASCII', async () => {
    const opened = await open();
    const response = await send(opened.id, { type: 'accept', version: 1 }, { key: 'x'.repeat(201) });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_IDEMPOTENCY_KEY');
  });
});

describe('every 4xx of the event path', () => {
  it.each([
    ['no type', { version: 1 }],
    ['a version that is a string', { type: 'accept', version: '1' }],
    ['a version of 0', { type: 'accept', version: 0 }],
    ['data that is a list', { type: 'accept', version: 1, data: [1] }],
    ['a field id that is not snake case', { type: 'accept', version: 1, data: { 'Worker Name': 'x' } }],
    ['a NUL character', { type: 'accept', version: 1, data: { handling_note: 'a\u0000b' } }],
  ])('answers 400 to a body with %s', async (_name, body) => {
    const opened = await open();
    const response = await send(opened.id, body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_INPUT');
    expect(response.body.error.details.issues.length).toBeGreaterThan(0);
  });

  it('answers 400 to malformed JSON and 401 without a token', async () => {
    const opened = await open();
    const malformed = await request(ctx.app).post(`/api/cases/${opened.id}/events`).set('Authorization', `Bearer ${await token(intake)}`).set('Content-Type', 'application/json').send('{"type":');
    expect(malformed.status).toBe(400);
    expect((await request(ctx.app).post(`/api/cases/${opened.id}/events`).send({ type: 'accept', version: 1 })).status).toBe(401);
  });

  it('answers 404 to an unknown case, also with odd ids', async () => {
    for (const id of ['no-such-case', '%00', '%E0%A4%A', 'x'.repeat(300)]) {
      const response = await request(ctx.app).get(`/api/cases/${id}`).set('Authorization', `Bearer ${await token(intake)}`);
      expect([400, 404], `${id}: ${response.status}`).toContain(response.status);
    }
    expect((await send('no-such-case', { type: 'accept', version: 1 })).status).toBe(404);
  });

  it('answers 409 with the current version to a stale version', async () => {
    const opened = await open();
    expect((await send(opened.id, { type: 'accept', version: 1 })).status).toBe(200);
    const stale = await send(opened.id, { type: 'handle_directly', version: 1, data: { category: 'wages' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
  });

  it.each([
    ['NOT_ALLOWED', 'chalu.counsellor', [{ type: 'accept' }]],
    ['UNKNOWN_EVENT', intake, [{ type: 'fly_to_the_moon' }]],
    ['MISSING_FIELDS', intake, [{ type: 'accept' }, { type: 'handle_directly' }]],
    ['INVALID_DATA', intake, [{ type: 'accept', data: { workers_affected: 'many' } }]],
    ['CASE_CLOSED', 'chalu.township_admin', [{ type: 'decline', data: { decline_reason: '不属于工会职责' } }, { type: 'accept' }]],
  ] as const)('answers 422 %s with the engine code', async (code, username, events) => {
    const opened = await open();
    let version = opened.version;
    for (const [index, event] of events.entries()) {
      const response = await send(opened.id, { ...event, version }, { username });
      if (index < events.length - 1) {
        expect(response.status).toBe(200);
        version = response.body.case.version;
      } else {
        expect(response.status).toBe(422);
        expect(response.body.error.code).toBe(code);
        expect(response.body.error.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('never answers 5xx to random event bodies', async () => {
    const opened = await open();
    const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));
    const fieldId = fc.oneof(fc.constantFrom('title', 'description', 'category', 'worker_phone', 'workers_affected', 'satisfaction', 'resolution', '__proto__', 'constructor'), fc.string({ maxLength: 12 }));
    const body = fc.oneof(
      fc.record({ type: fc.oneof(fc.constantFrom('accept', 'decline', 'claim', 'rate', 'handle_directly'), fc.string()), version: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double(), fc.string()), data: fc.option(fc.dictionary(fieldId, value, { maxKeys: 4 })) }, { requiredKeys: [] }),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const response = await request(ctx.app).post(`/api/cases/${opened.id}/events`).set('Authorization', `Bearer ${await token('chalu.township_admin')}`).set('Content-Type', 'application/json').send(JSON.stringify(payload) ?? 'null');
        expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('never answers 5xx to random case openings', async () => {
    const body = fc.record({ workflow: fc.oneof(fc.record({ key: fc.oneof(fc.constant('union-grievance'), fc.string()), version: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }) }), fc.anything()), channel: fc.oneof(fc.constantFrom('walk_in', 'phone'), fc.string()), tenantId: fc.option(fc.constantFrom('chalu', 'huchen', 'gaotan', ''), { nil: undefined }), enterpriseId: fc.option(fc.string(), { nil: undefined }), data: fc.oneof(fc.constant(SLEEVES_DATA), fc.dictionary(fc.string(), fc.anything(), { maxKeys: 3 })) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const response = await request(ctx.app).post('/api/cases').set('Authorization', `Bearer ${await token(intake)}`).send(payload);
        expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});
