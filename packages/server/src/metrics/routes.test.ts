import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, tokenCache } from '../cases/test-helpers.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import type { Metrics, Townships, Trend } from './schemas.js';

let ctx: TestContext;
let token: (username: string) => Promise<string>;

async function api(user: string, path: string, query: Record<string, string | number> = {}) {
  return request(ctx.app).get(`/api${path}`).query(query).set('Authorization', `Bearer ${await token(user)}`);
}

async function step(user: string, id: string, version: number, type: string, data?: Record<string, unknown>): Promise<number> {
  const response = await request(ctx.app).post(`/api/cases/${id}/events`).set('Authorization', `Bearer ${await token(user)}`).send({ type, version, ...(data ? { data } : {}) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as { case: { version: number } }).case.version;
}

beforeAll(async () => {
  ctx = await createTestContext();
  token = tokenCache(ctx);
  const operator = await token('chalu.intake_operator');
  // Chalu: one case handled through to a rating, one accepted, one untouched.
  const handled = await openCase(ctx, operator);
  let v = await step('chalu.intake_operator', handled.id, 1, 'accept');
  v = await step('chalu.intake_operator', handled.id, v, 'handle_directly', { category: 'wages' });
  v = await step('chalu.intake_operator', handled.id, v, 'resolve', { resolution: '已协调企业补发工资。' });
  v = await step('chalu.intake_operator', handled.id, v, 'reply_to_worker');
  await step('ninghai.county_admin', handled.id, v, 'rate', { satisfaction: 5 });
  const accepted = await openCase(ctx, operator);
  await step('chalu.intake_operator', accepted.id, 1, 'accept');
  await openCase(ctx, operator, { channel: 'online' });
  // Huchen: one phoned-in case, accepted. Hengxiang (under Nanbu): a golden idea.
  const phoned = await openCase(ctx, await token('huchen.intake_operator'), { channel: 'phone' });
  await step('huchen.intake_operator', phoned.id, 1, 'accept');
  await openCase(ctx, await token('hengxiang.intake_operator'), { workflow: { key: 'golden-idea' }, data: { idea_title: '袖套改为可拆卸', idea_detail: '夏天拆下袖子更凉快。' } });
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

describe('GET /api/metrics', () => {
  it('counts the current month of the caller subtree, every rate with its numerator and denominator', async () => {
    const response = await api('chalu.supervisor', '/metrics');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const m = response.body as Metrics;
    expect(m.tenant.id).toBe('chalu');
    expect(m.period).toMatchObject({ from: '2025-09-01', to: '2025-09-30', start: '2025-08-31T16:00:00.000Z', end: '2025-09-30T16:00:00.000Z', timeZone: 'Asia/Shanghai' });
    expect(m.received).toBe(3);
    expect(m.completion).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3, resolved: 1, endedUnresolved: 0 });
    expect(m.onTime).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    expect(m.response).toEqual({ numerator: 2, denominator: 3, rate: 2 / 3 });
    expect(m.satisfaction).toEqual({ count: 1, average: 5, satisfied: { numerator: 1, denominator: 1, rate: 1 } });
    expect(m.open.total).toBe(2);
    expect(m.open.byState.map((s) => [s.workflow, s.state, s.count, s.title.zh])).toEqual([
      ['union-grievance', 'intake', 1, '受理'],
      ['union-grievance', 'triage', 1, '研判分流'],
    ]);
    expect(m.open.byWarning).toEqual({ green: 2, yellow: 0, red: 0 });
    expect(m.referrals).toEqual({ awaiting: 0, overdue: 0 });
    expect(m.goldenIdeas).toEqual({ count: 0, adopted: 0, value: 0 });
  });

  it('covers the whole county for the county, and a township below it on request', async () => {
    const county = (await api('ninghai.supervisor', '/metrics')).body as Metrics;
    expect(county.received).toBe(5);
    expect(county.goldenIdeas.count).toBe(1);
    const chalu = (await api('ninghai.supervisor', '/metrics', { tenantId: 'chalu' })).body as Metrics;
    expect(chalu.received).toBe(3);
    const nanbu = (await api('ninghai.supervisor', '/metrics', { tenantId: 'nanbu' })).body as Metrics;
    expect(nanbu.received).toBe(1);
  });

  it('filters by workflow, category and channel', async () => {
    const figures = async (query: Record<string, string>) => ((await api('ninghai.supervisor', '/metrics', query)).body as Metrics).received;
    expect(await figures({ workflow: 'union-grievance' })).toBe(4);
    expect(await figures({ workflow: 'golden-idea' })).toBe(1);
    expect(await figures({ category: 'wages' })).toBe(1);
    expect(await figures({ category: 'golden_idea' })).toBe(1);
    expect(await figures({ category: 'grievance' })).toBe(4);
    expect(await figures({ channel: 'phone' })).toBe(1);
    expect(await figures({ channel: 'online', workflow: 'union-grievance' })).toBe(1);
    expect(await figures({ channel: 'mini_program' })).toBe(0);
  });

  it('reads a past period as the log stood at its end', async () => {
    const response = await api('ninghai.supervisor', '/metrics', { from: '2025-08-01', to: '2025-08-31' });
    expect(response.status).toBe(200);
    const m = response.body as Metrics;
    expect(m.period.asOf).toBe('2025-08-31T16:00:00.000Z');
    expect([m.received, m.open.total, m.satisfaction.count]).toEqual([0, 0, 0]);
    expect(m.completion.rate).toBeNull();
    expect(m.satisfaction.average).toBeNull();
  });

  it('answers 404 for a union outside the caller subtree, or none at all', async () => {
    for (const tenantId of ['huchen', 'ninghai', 'atlantis']) {
      const response = await api('chalu.supervisor', '/metrics', { tenantId });
      expect(response.status, tenantId).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    expect((await api('chalu.supervisor', '/metrics/townships', { tenantId: 'huchen' })).status).toBe(404);
    expect((await api('chalu.supervisor', '/metrics/trend', { tenantId: 'huchen' })).status).toBe(404);
    expect((await request(ctx.app).get('/api/metrics')).status).toBe(401);
  });

  it.each([
    [{ from: '2025-13-01' }, 'INVALID_PERIOD', 'YYYY-MM-DD'],
    [{ from: '2025-09-31' }, 'INVALID_PERIOD', '2025-09-31'],
    [{ to: 'yesterday' }, 'INVALID_PERIOD', 'yesterday'],
    [{ from: '2025-09-30', to: '2025-09-01' }, 'INVALID_PERIOD', 'after'],
    [{ workflow: 'no-such-flow' }, 'UNKNOWN_WORKFLOW', 'union-grievance'],
    [{ channel: 'fax' }, 'INVALID_INPUT', 'walk_in'],
    [{ category: 'Wage Arrears' }, 'INVALID_INPUT', 'lower snake case'],
    [{ format: 'xml' }, 'INVALID_INPUT', 'csv'],
  ])('answers 400 to %j with a message that says how to fix it', async (query, code, words) => {
    const response = await api('chalu.supervisor', '/metrics', query);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).toContain(words);
  });
});

describe('GET /api/metrics: fuzzed queries', () => {
  it('never answers 5xx, whatever the query', async () => {
    const value = fc.oneof(fc.string(), fc.constantFrom('', '2025-09-01', '2025-02-29', '9999-12-31', 'chalu', 'union-grievance', 'wages', 'phone', 'csv', '12', '-1', 'a\u0000b'));
    const query = fc.record({ tenantId: value, from: value, to: value, workflow: value, category: value, channel: value, format: value, months: value }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom('/metrics', '/metrics.csv', '/metrics/townships', '/metrics/trend'), async (q, path) => {
        const response = await api('chalu.supervisor', path, q);
        expect(response.status < 500, `${path} ${JSON.stringify(q)}: ${response.status} ${JSON.stringify(response.body)}`).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});

describe('GET /api/metrics/townships and /api/metrics/trend', () => {
  it('ranks the direct child unions, each on its own subtree', async () => {
    const response = await api('ninghai.supervisor', '/metrics/townships');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const table = response.body as Townships;
    const byId = new Map(table.rows.map((row) => [row.tenant.id, row]));
    expect([...byId.keys()].sort()).toEqual(['chalu', 'huchen', 'nanbu']);
    expect(byId.get('chalu')).toMatchObject({ received: 3, completion: { numerator: 1, denominator: 3, rank: 1 }, response: { numerator: 2, rank: 2 }, satisfaction: { numerator: 1, denominator: 1, rank: 1, average: 5 } });
    expect(byId.get('huchen')).toMatchObject({ received: 1, completion: { numerator: 0, rank: 2 }, onTime: { rate: null, rank: null }, response: { numerator: 1, denominator: 1, rank: 1 } });
    expect(byId.get('nanbu')).toMatchObject({ received: 1, completion: { rate: 0, rank: 2 }, response: { rate: 0, rank: 3 } });
    expect(table.rows.map((r) => [r.tenant.id, r.overallRank])).toEqual([['chalu', 1], ['huchen', 2], ['nanbu', 3]]);
    const chalu = (await api('chalu.supervisor', '/metrics/townships')).body as Townships;
    expect(chalu.rows.map((r) => [r.tenant.id, r.received])).toEqual([['gaotan', 0]]);
  });

  it('gives the last months oldest first, ending with the current one', async () => {
    const response = await api('ninghai.supervisor', '/metrics/trend', { months: 3 });
    expect(response.status).toBe(200);
    const trend = response.body as Trend;
    expect(trend.months.map((m) => [m.month, m.received])).toEqual([['2025-07', 0], ['2025-08', 0], ['2025-09', 5]]);
    expect(trend.months[2]?.completion).toEqual({ numerator: 1, denominator: 5, rate: 0.2 });
    expect(((await api('ninghai.supervisor', '/metrics/trend')).body as Trend).months).toHaveLength(12);
    for (const months of ['0', '37', 'x']) expect((await api('ninghai.supervisor', '/metrics/trend', { months })).status, months).toBe(400);
  });
});

describe('CSV', () => {
  function csvOf(response: request.Response): string[] {
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"/);
    const text = response.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    return text.slice(1).trimEnd().split('\r\n');
  }

  it('exports the metrics with a bilingual header, the same with format=csv and the .csv path', async () => {
    const lines = csvOf(await api('chalu.supervisor', '/metrics.csv'));
    expect(lines[0]).toBe('指标 Metric,分子 Numerator,分母 Denominator,比率 Rate,数值 Value');
    expect(lines).toContain('办结率 Completion rate,1,3,33.33%,');
    expect(lines).toContain('满意度均分 Average rating,,,,5');
    expect(lines).toContain('"在办·受理 Open, Intake (union-grievance)",,,,1');
    // The same figures but for the moment they were read.
    const asOf = (line: string) => line.startsWith('统计截至 As of');
    expect(csvOf(await api('chalu.supervisor', '/metrics', { format: 'csv' })).filter((l) => !asOf(l))).toEqual(lines.filter((l) => !asOf(l)));
    expect(lines).toContain('筛选 Filters,,,,无 none');
    expect((await api('chalu.supervisor', '/metrics.csv', { tenantId: 'huchen' })).status).toBe(404);
  });

  it('exports the townships table and the trend', async () => {
    const table = csvOf(await api('ninghai.supervisor', '/metrics/townships.csv'));
    expect(table[0]?.startsWith('综合排名 Overall rank,单位 Union,单位编号 Union id,收件数 Received,办结率 Completion rate')).toBe(true);
    expect(table[1]).toMatch(/^1,岔路镇总工会,chalu,3,33\.33%,1,/);
    expect(table).toHaveLength(4);
    const trend = csvOf(await api('ninghai.supervisor', '/metrics/trend', { months: 2, format: 'csv' }));
    expect(trend).toEqual(['月份 Month,收件数 Received,办结率 Completion rate,按时办结率 On-time rate,按时响应率 Response rate,评价数 Ratings,满意度均分 Average rating,满意率 Satisfied (4-5)', '2025-08,0,,,,0,,', '2025-09,5,20.00%,100.00%,60.00%,1,5,100.00%']);
  });
});
