import { unionGrievance } from '@shuoshi/engine';
import fc from 'fast-check';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenCache } from '../cases/test-helpers.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import type { PublicMatter, UnionsResponse } from './schemas.js';
import { filed, publicTestApp, staffStepper } from './test-helpers.js';
import { hashTrackingCode, normaliseTrackingCode } from './tracking-code.js';

let ctx: TestContext;
let app: Express;
let step: ReturnType<typeof staffStepper>;

const NIGHT_BUS = { unionId: 'chalu', title: '下夜班打不到车', description: '下夜班要走3公里才能打到车，希望开通夜班公交。' };

beforeAll(async () => {
  ctx = await createTestContext();
  app = publicTestApp(ctx);
  step = staffStepper(ctx, app, tokenCache(ctx));
  // Chalu's own version of the grievance flow, which shows staff names to the worker.
  const own = { ...unionGrievance, key: 'chalu-grievance', public: { disclosure: false, showStaffNames: true } };
  await ctx.db
    .insertInto('workflows')
    .values({ tenant_id: 'chalu', workflow_id: 'chalu-grievance@1', key: own.key, version: 1, status: 'published', title_zh: own.title.zh, title_en: own.title.en, definition: JSON.stringify(own), published_at: new Date() })
    .execute();
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

const file = (body: Record<string, unknown>, key?: string) => {
  const req = request(app).post('/api/public/matters');
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};

async function caseRow(reference: string) {
  return ctx.db.selectFrom('cases').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
}

describe('filing a matter', () => {
  it('files an anonymous matter that stores no identity, only the hash of its code', async () => {
    const response = await file({ ...NIGHT_BUS, anonymous: true, category: 'commute' });
    const { trackingCode, matter } = filed(response);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(trackingCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(matter).toMatchObject({ union: { id: 'chalu' }, workflow: { key: 'union-grievance' }, title: NIGHT_BUS.title, state: 'intake', status: 'open', awaitingRating: false, rating: null, answer: null });
    const row = await caseRow(matter.reference);
    expect(row.tracking_hash).toBe(hashTrackingCode(normaliseTrackingCode(trackingCode) ?? ''));
    expect(row).toMatchObject({ channel: 'online', opened_by: null, enterprise_id: null });
    expect(row.data).toEqual({ title: NIGHT_BUS.title, description: NIGHT_BUS.description, category: 'commute' });
    const events = await ctx.db.selectFrom('case_events').selectAll().where('case_id', '=', row.case_id).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: '$open', actor_id: `worker:${row.tracking_hash?.slice(0, 12)}`, actor_roles: ['worker'] });
    expect(events[0]?.data).toEqual(row.data);
    // The code itself is nowhere in the case, its log, timers or outbox.
    const stored = JSON.stringify([row, events, await ctx.db.selectFrom('outbox').selectAll().where('case_id', '=', row.case_id).execute()]);
    for (const form of [trackingCode, normaliseTrackingCode(trackingCode) ?? '']) expect(stored).not.toContain(form);
    expect(stored).not.toMatch(/worker_name|worker_phone/);
  });

  it('files a named matter with the name and phone in the personal fields, and never shows them', async () => {
    const { trackingCode, matter } = filed(await file({ ...NIGHT_BUS, anonymous: false, name: '王师傅', phone: '138 1234 5678', enterprise: '宁海县交通集团', channel: 'mini_program' }));
    const row = await caseRow(matter.reference);
    expect(row.channel).toBe('mini_program');
    expect(row.data).toMatchObject({ worker_name: '王师傅', worker_phone: '138 1234 5678', enterprise: '宁海县交通集团' });
    const status = await request(app).get(`/api/public/matters/${trackingCode}`);
    expect(status.status).toBe(200);
    expect(JSON.stringify(status.body)).not.toMatch(/王师傅|1234/);
  });

  it('refuses a name or phone on an anonymous matter, and a named matter without them', async () => {
    const anonymous = await file({ ...NIGHT_BUS, anonymous: true, name: '王师傅', phone: '13812345678' });
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['name', 'phone']);
    const named = await file({ ...NIGHT_BUS, anonymous: false, name: '王师傅' });
    expect(named.status).toBe(400);
    expect(named.body.error.details.issues).toEqual([expect.objectContaining({ path: 'phone' })]);
    expect((await file({ ...NIGHT_BUS })).status).toBe(400);
    expect((await file({ ...NIGHT_BUS, anonymous: true, title: '   ' })).status).toBe(400);
  });

  it('checks the form against the workflow: options and lengths are 400', async () => {
    const category = await file({ ...NIGHT_BUS, anonymous: true, category: 'bus' });
    expect(category.status).toBe(400);
    expect(category.body.error.message).toContain('commute');
    const long = await file({ ...NIGHT_BUS, anonymous: true, title: '长'.repeat(150) });
    expect(long.status).toBe(400);
    expect(long.body.error.details.issues[0].path).toBe('title');
  });

  it('answers 404 for an unknown union and 422 for a workflow the union does not take from the public', async () => {
    expect((await file({ ...NIGHT_BUS, anonymous: true, unionId: 'nowhere' })).status).toBe(404);
    for (const workflow of ['legal-aid', 'no-such-flow']) {
      const response = await file({ ...NIGHT_BUS, anonymous: true, workflow });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe('NOT_A_PUBLIC_WORKFLOW');
    }
    // Chalu's own flow is not Huchen's.
    expect((await file({ ...NIGHT_BUS, anonymous: true, unionId: 'huchen', workflow: 'chalu-grievance' })).status).toBe(422);
  });

  it("files a golden idea into the workflow's own fields", async () => {
    const { matter } = filed(await file({ unionId: 'hengxiang', workflow: 'golden-idea', anonymous: false, name: '张工', phone: '13900001111', title: '扫帚加长柄', description: '加长扫帚柄，减少弯腰。', category: 'worker_services' }));
    expect(matter).toMatchObject({ workflow: { key: 'golden-idea' }, state: 'submitted', title: '扫帚加长柄' });
    expect((await caseRow(matter.reference)).data).toEqual({ idea_title: '扫帚加长柄', idea_detail: '加长扫帚柄，减少弯腰。', idea_category: 'worker_services', proposer_name: '张工', proposer_phone: '13900001111' });
  });

  it('files one matter for retries with the same Idempotency-Key, with a new code each time', async () => {
    const key = `retry-${Date.now()}-0123456789`;
    const first = filed(await file({ ...NIGHT_BUS, anonymous: true }, key));
    const retry = await file({ ...NIGHT_BUS, anonymous: true }, key);
    const second = filed(retry);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(second.matter.reference).toBe(first.matter.reference);
    expect(second.trackingCode).not.toBe(first.trackingCode);
    expect((await ctx.db.selectFrom('cases').select('case_id').where('reference', '=', first.matter.reference).execute()).length).toBe(1);
    expect((await request(app).get(`/api/public/matters/${first.trackingCode}`)).status).toBe(404);
    expect((await request(app).get(`/api/public/matters/${second.trackingCode}`)).status).toBe(200);
    const other = await file({ ...NIGHT_BUS, anonymous: true, title: '另一件事' }, key);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await file({ ...NIGHT_BUS, anonymous: true }, 'short')).status).toBe(400);
  });
});

describe('the status by tracking code', () => {
  it('finds the matter however the code is typed', async () => {
    const { trackingCode, matter } = filed(await file({ ...NIGHT_BUS, anonymous: true }));
    const typed = ` ${trackingCode.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
    const response = await request(app).get(`/api/public/matters/${encodeURIComponent(typed)}`);
    expect(response.status).toBe(200);
    expect((response.body as PublicMatter).reference).toBe(matter.reference);
    expect((response.body as PublicMatter).timeline).toEqual([expect.objectContaining({ event: '$open', from: null, to: 'intake', by: 'worker' })]);
  });

  it('answers an unknown code and a malformed one alike', async () => {
    const unknown = await request(app).get('/api/public/matters/0000-0000-0000');
    const malformed = await request(app).get('/api/public/matters/not-a-code');
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(malformed.body).toEqual(unknown.body);
  });

  it('shows staff names only when the workflow allows, and never warnings or assignees', async () => {
    const { trackingCode: own } = filed(await file({ ...NIGHT_BUS, anonymous: true, workflow: 'chalu-grievance' }));
    const { trackingCode: county, matter } = filed(await file({ ...NIGHT_BUS, anonymous: true }));
    const ownRow = await ctx.db.selectFrom('cases').select('case_id').where('tracking_hash', '=', hashTrackingCode(normaliseTrackingCode(own) ?? '')).executeTakeFirstOrThrow();
    expect((await step('chalu.intake_operator', ownRow.case_id, 'accept')).status).toBe(200);
    expect((await step('chalu.intake_operator', (await caseRow(matter.reference)).case_id, 'accept')).status).toBe(200);
    const shown = (await request(app).get(`/api/public/matters/${own}`)).body as PublicMatter;
    expect(shown.timeline[1]).toMatchObject({ event: 'accept', by: 'staff', staffName: 'chalu intake_operator', toTitle: { zh: '研判分流', en: 'Triage' } });
    const hidden = (await request(app).get(`/api/public/matters/${county}`)).body as PublicMatter;
    expect(hidden.timeline[1]).toEqual(expect.objectContaining({ event: 'accept', by: 'staff' }));
    expect(JSON.stringify(hidden)).not.toMatch(/intake_operator|warning|dueAt|assignee/);
  });
});

describe('the union tree', () => {
  it("lists every union with the public forms it takes, its own and its county's", async () => {
    const response = await request(app).get('/api/public/unions');
    expect(response.status).toBe(200);
    const { unions, workflows } = response.body as UnionsResponse;
    const keys = (id: string) => unions.find((u) => u.id === id)?.workflows.map((w) => w.key);
    expect(unions.find((u) => u.id === 'chalu')).toMatchObject({ name: { zh: '岔路镇总工会' }, level: 'township', parentId: 'ninghai' });
    expect(keys('huchen')).toEqual(['golden-idea', 'union-grievance']);
    expect(keys('gaotan')).toEqual(['chalu-grievance', 'golden-idea', 'union-grievance']);
    const form = workflows['ninghai:union-grievance:1'];
    expect(form).toMatchObject({ anonymousAllowed: true, namedAllowed: true, title: { zh: '职工诉求处理' } });
    expect(form?.fields.map((f) => [f.input, f.field, f.required])).toEqual([
      ['title', 'title', 'always'],
      ['description', 'description', 'always'],
      ['category', 'category', 'no'],
      ['enterprise', 'enterprise', 'no'],
      ['name', 'worker_name', 'when_named'],
      ['phone', 'worker_phone', 'when_named'],
    ]);
    expect(form?.fields.find((f) => f.input === 'category')?.options).toContainEqual({ value: 'commute', label: { zh: '通勤出行', en: 'Commute' } });
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After past each limit, per route group', async () => {
    const limited = publicTestApp(ctx, { read: { limit: 2, windowMs: 60_000 }, lookup: { limit: 1, windowMs: 60_000 }, write: { limit: 1, windowMs: 60_000 } });
    expect((await request(limited).get('/api/public/unions')).status).toBe(200);
    expect((await request(limited).get('/api/public/disclosures')).status).toBe(200);
    const read = await request(limited).get('/api/public/unions');
    expect(read.status).toBe(429);
    expect(Number(read.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request(limited).get('/api/public/matters/0000-0000-0000')).status).toBe(404);
    expect((await request(limited).get('/api/public/matters/0000-0000-0000')).status).toBe(429);
    expect((await request(limited).post('/api/public/matters').send({ ...NIGHT_BUS, anonymous: true })).status).toBe(201);
    const write = await request(limited).post('/api/public/matters/0000-0000-0000/rating').send({ satisfaction: 5 });
    expect(write.status).toBe(429);
    expect(write.body.error.code).toBe('RATE_LIMITED');
  });

  it('limits each address on its own', async () => {
    const limited = publicTestApp(ctx, { lookup: { limit: 1, windowMs: 60_000 } });
    // The app trusts X-Forwarded-For from loopback (a reverse proxy on the same machine).
    expect((await request(limited).get('/api/public/matters/0000-0000-0000').set('X-Forwarded-For', '198.51.100.1')).status).toBe(404);
    expect((await request(limited).get('/api/public/matters/0000-0000-0000').set('X-Forwarded-For', '198.51.100.1')).status).toBe(429);
    expect((await request(limited).get('/api/public/matters/0000-0000-0000').set('X-Forwarded-For', '198.51.100.2')).status).toBe(404);
  });
});

describe('any input', () => {
  it('never answers 5xx on any public endpoint, whatever the bodies, headers and codes', async () => {
    const { trackingCode } = filed(await file({ ...NIGHT_BUS, anonymous: true }));
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constant('a\u0000b'), fc.constant('下夜班'), fc.constant('x'.repeat(6000)));
    const value = fc.oneof(text, fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }));
    const pick = <T>(...options: T[]) => fc.oneof(value, fc.constantFrom(...options));
    const header = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);
    const headers = fc.record(
      { 'Idempotency-Key': fc.oneof(header, fc.uuid()), 'X-Forwarded-For': header, 'Content-Type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded'), Accept: header },
      { requiredKeys: [] },
    );
    const matter = fc.record(
      {
        unionId: pick('chalu', 'huchen', 'hengxiang', 'nowhere'),
        workflow: pick('union-grievance', 'golden-idea', 'legal-aid', 'chalu-grievance'),
        anonymous: fc.oneof(fc.boolean(), value),
        name: fc.oneof(text, value),
        phone: pick('13812345678', '+86 574 1234', '12'),
        title: fc.oneof(text, fc.constant(NIGHT_BUS.title)),
        description: fc.oneof(text, fc.constant(NIGHT_BUS.description)),
        category: pick('wages', 'commute', 'worker_services', 'nope'),
        enterprise: text,
        channel: pick('online', 'mini_program', 'phone'),
      },
      { requiredKeys: [] },
    );
    // Mostly valid filings with one field varied, so the property also walks the success path.
    const nearlyValid = fc.record({ unionId: fc.constantFrom('chalu', 'gaotan_ws'), anonymous: fc.constant(true), title: fc.constant(NIGHT_BUS.title), description: fc.constant(NIGHT_BUS.description), category: pick('wages', 'commute'), enterprise: fc.oneof(text, fc.constant('某厂')) }, { requiredKeys: ['unionId', 'anonymous', 'title', 'description'] });
    const rating = fc.record({ satisfaction: fc.oneof(value, fc.integer({ min: -1, max: 7 })), comment: fc.oneof(text, value) }, { requiredKeys: [] });
    // Codes as typed, as garbage, and as raw path text (broken percent-encoding included).
    const code = fc.oneof(
      fc.constant(trackingCode),
      fc.constant(trackingCode.toLowerCase().replace(/-/g, ' ')),
      fc.string({ unit: 'grapheme' }).map(encodeURIComponent),
      fc.stringMatching(/^(%[0-9A-Fa-z]{0,2}|[A-Za-z0-9._~-]){1,30}$/),
    );
    const seen = new Set<number>();
    const ok = (response: request.Response, success: number) => {
      seen.add(response.status);
      expect(response.status === success || (response.status >= 400 && response.status < 500), `${response.status} ${JSON.stringify(response.body).slice(0, 400)}`).toBe(true);
    };
    const send = (req: request.Test, given: Record<string, string>) => Object.entries(given).reduce((r, [name, v]) => r.set(name, v), req);

    await fc.assert(
      fc.asyncProperty(fc.oneof(value, matter, nearlyValid), headers, async (body, given) => {
        ok(await send(request(app).post('/api/public/matters'), given).send(JSON.stringify(body)), 201);
      }),
      { numRuns: 120 },
    );
    await fc.assert(
      fc.asyncProperty(code, headers, async (c, given) => {
        ok(await send(request(app).get(`/api/public/matters/${c}`), given), 200);
      }),
      { numRuns: 120 },
    );
    await fc.assert(
      fc.asyncProperty(code, fc.oneof(value, rating), headers, async (c, body, given) => {
        ok(await send(request(app).post(`/api/public/matters/${c}/rating`), given).send(JSON.stringify(body)), 200);
      }),
      { numRuns: 120 },
    );
    const listQuery = fc.record({ unionId: fc.oneof(text, fc.constantFrom('chalu', 'ninghai')), sort: fc.oneof(text, fc.constant('["closedOn","ASC"]')), range: fc.oneof(text, fc.constant('[0,9]')), filter: fc.oneof(text, value.map((v) => JSON.stringify(v)), fc.constant('{"closedAfter":"2025-02-29"}')) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(listQuery, headers, async (query, given) => {
        ok(await send(request(app).get('/api/public/disclosures'), given).query(query), 200);
        ok(await send(request(app).get('/api/public/unions'), given).query(query), 200);
      }),
      { numRuns: 60 },
    );
    // The runs reached filings, look-ups and refusals, not only the body parser.
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 201, 400, 404]));
  });
});
