import type { Effect } from '@shuoshi/engine';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededDemoContext, type SeededDemoContext } from '../testing/seeded-demo-context.js';
import { monthlyPeriods, resolvePeriod, type MetricsPeriod } from './metrics-period.js';
import { recomputeMetrics, type RawLog, type RecomputeQuery, type Recomputed } from './recompute-metrics.fixture.js';
import type { Metrics, Townships, Trend } from './schemas.js';

// The demo is seeded as of DEMO_NOW; the server's test clock starts there.
let ctx: SeededDemoContext;
let app: Express;
let log: RawLog;

async function get(user: string, path: string, query: Record<string, string | number> = {}) {
  const response = await request(app).get(`/api${path}`).query(query).set('Authorization', `Bearer ${await ctx.login(user)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as unknown;
}

function expectSame(api: Metrics, expected: Recomputed, label: string): void {
  const sum = expected.ratings.reduce((a, b) => a + b, 0);
  expect({
    received: api.received,
    completion: [api.completion.numerator, api.completion.denominator],
    resolved: api.completion.resolved,
    onTime: [api.onTime.numerator, api.onTime.denominator],
    response: [api.response.numerator, api.response.denominator],
    ratings: api.satisfaction.count,
    satisfied: api.satisfaction.satisfied.numerator,
    average: api.satisfaction.average === null ? null : api.satisfaction.average.toFixed(9),
    open: api.open.total,
    overdue: api.open.overdue,
    byWarning: api.open.byWarning,
    byState: Object.fromEntries(api.open.byState.map((s) => [`${s.workflow}:${s.state}`, s.count])),
    referrals: api.referrals,
    ideas: api.goldenIdeas,
  }, label).toEqual({
    received: expected.received,
    completion: [expected.completed, expected.received],
    resolved: expected.resolved,
    onTime: [expected.onTime, expected.completed],
    response: [expected.respondedOnTime, expected.received],
    ratings: expected.ratings.length,
    satisfied: expected.ratings.filter((r) => r >= 4).length,
    average: expected.ratings.length === 0 ? null : (sum / expected.ratings.length).toFixed(9),
    open: expected.open,
    overdue: expected.overdue,
    byWarning: { green: expected.byWarning['green'] ?? 0, yellow: expected.byWarning['yellow'] ?? 0, red: expected.byWarning['red'] ?? 0 },
    byState: expected.byState,
    referrals: { awaiting: expected.referralsAwaiting, overdue: expected.referralsOverdue },
    ideas: { count: expected.ideas, adopted: expected.ideasAdopted, value: expected.ideasValue },
  });
}

function queryOf(path: string, period: MetricsPeriod, extra: Partial<RecomputeQuery> = {}): RecomputeQuery {
  return { tenantPath: path, start: period.start, asOf: period.asOf, ...extra };
}

beforeAll(async () => {
  ctx = await createSeededDemoContext({ label: 'metrics' });
  const { db, engine } = ctx;
  app = ctx.app;
  const cases = await db.selectFrom('cases').select(['tenant_id', 'case_id', 'workflow_key', 'workflow_version', 'channel', 'data']).execute();
  const events = await db.selectFrom('case_events').selectAll().execute();
  const tenants = await db.selectFrom('tenants').select(['tenant_id', 'path']).execute();
  log = {
    cases: cases.map((c) => ({ tenantId: c.tenant_id, caseId: c.case_id, workflowKey: c.workflow_key, workflowVersion: c.workflow_version, channel: c.channel, data: c.data })),
    events: events.map((e) => ({
      tenantId: e.tenant_id, caseId: e.case_id, seq: e.seq, type: e.type, actorRoles: e.actor_roles, data: e.data as Record<string, unknown>, effects: e.effects as Effect[],
      stateFrom: e.state_from, stateTo: e.state_to, warning: e.warning, createdAt: new Date(e.created_at),
    })),
    tenantPaths: new Map(tenants.map((t) => [t.tenant_id, t.path])),
    workflow: (key, version) => engine.workflow({ key, version }),
  };
}, 180_000);

afterAll(async () => {
  await ctx?.close();
});

describe('the metrics of the Ninghai demo, recomputed from case_events', () => {
  const year = { from: '2025-12-01', to: '2026-11-30' };

  it('match for the whole county over the year, and the figures are not empty', async () => {
    const api = (await get('ninghai.supervisor', '/metrics', year)) as Metrics;
    const expected = recomputeMetrics(log, queryOf('/ninghai/', resolvePeriod(year, new Date(api.period.asOf))));
    expectSame(api, expected, 'county, year');
    expect(api.received).toBeGreaterThan(250);
    expect(api.completion.numerator).toBeGreaterThan(100);
    expect(api.onTime.numerator).toBeLessThan(api.onTime.denominator);
    expect(api.response.numerator).toBeGreaterThan(0);
    expect(api.satisfaction.count).toBeGreaterThan(50);
    expect(api.open.overdue).toBeGreaterThan(0);
    expect(api.open.byWarning.yellow + api.open.byWarning.red).toBeGreaterThan(5);
    expect(api.referrals.overdue).toBeGreaterThan(0);
    expect(api.goldenIdeas.value).toBeGreaterThan(0);
  });

  it('agree with the cases table on what is open now, by colour, and overdue', async () => {
    const api = (await get('ninghai.supervisor', '/metrics')) as Metrics;
    const open = await ctx.db.selectFrom('cases').select(['warning', 'overdue']).where('status', '=', 'open').execute();
    expect(api.open.total).toBe(open.length);
    expect(api.open.byWarning).toEqual({ green: open.filter((c) => c.warning === 'green').length, yellow: open.filter((c) => c.warning === 'yellow').length, red: open.filter((c) => c.warning === 'red').length });
    expect(api.open.overdue).toBe(open.filter((c) => c.overdue).length);
  });

  it('match for the current month (the default period), a township and a workflow', async () => {
    const month = (await get('ninghai.supervisor', '/metrics')) as Metrics;
    expect(month.period.from).toBe('2026-11-01');
    expectSame(month, recomputeMetrics(log, queryOf('/ninghai/', resolvePeriod({}, new Date(month.period.asOf)))), 'county, month');
    const chalu = (await get('chalu.supervisor', '/metrics', year)) as Metrics;
    expect(chalu.tenant.id).toBe('chalu');
    expectSame(chalu, recomputeMetrics(log, queryOf('/ninghai/chalu/', resolvePeriod(year, new Date(chalu.period.asOf)))), 'chalu, year');
    const grievance = (await get('ninghai.supervisor', '/metrics', { ...year, workflow: 'union-grievance' })) as Metrics;
    expectSame(grievance, recomputeMetrics(log, queryOf('/ninghai/', resolvePeriod(year, new Date(grievance.period.asOf)), { workflowKey: 'union-grievance' })), 'union-grievance, year');
  });

  it('match under the category and channel filters', async () => {
    for (const filter of [{ category: 'wages' }, { category: 'golden_idea' }, { channel: 'phone' }] as Array<Record<string, string>>) {
      const api = (await get('ninghai.supervisor', '/metrics', { ...year, ...filter })) as Metrics;
      expectSame(api, recomputeMetrics(log, queryOf('/ninghai/', resolvePeriod(year, new Date(api.period.asOf)), filter)), JSON.stringify(filter));
      expect(api.received, JSON.stringify(filter)).toBeGreaterThan(0);
    }
  });

  it('rank the townships on rates that match their own recomputation', async () => {
    const table = (await get('ninghai.supervisor', '/metrics/townships', year)) as Townships;
    expect(table.rows.map((r) => r.tenant.id).sort()).toEqual(['chalu', 'huchen', 'nanbu']);
    const asOf = new Date(table.period.asOf);
    for (const row of table.rows) {
      const expected = recomputeMetrics(log, queryOf(`/ninghai/${row.tenant.id}/`, resolvePeriod(year, asOf)));
      expect([row.received, row.completion.numerator, row.onTime.numerator, row.response.numerator, row.satisfaction.denominator, row.overdue], row.tenant.id).toEqual([
        expected.received, expected.completed, expected.onTime, expected.respondedOnTime, expected.ratings.length, expected.overdue,
      ]);
    }
    const scores = table.rows.map((r) => r.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(table.rows[0]?.overallRank).toBe(1);
  });

  it('give a monthly trend whose every month matches its recomputation', async () => {
    const trend = (await get('ninghai.supervisor', '/metrics/trend', { months: 12 })) as Trend;
    expect(trend.months).toHaveLength(12);
    expect(trend.months.at(-1)?.month).toBe('2026-11');
    const periods = monthlyPeriods(12, new Date(trend.months.at(-1)?.period.asOf ?? 0));
    trend.months.forEach((point, index) => {
      const expected = recomputeMetrics(log, queryOf('/ninghai/', periods[index] as MetricsPeriod));
      expect([point.received, point.completion.numerator, point.onTime.numerator, point.response.numerator, point.satisfaction.count], point.month).toEqual([
        expected.received, expected.completed, expected.onTime, expected.respondedOnTime, expected.ratings.length,
      ]);
    });
    expect(trend.months.reduce((n, m) => n + m.received, 0)).toBeGreaterThan(250);
  });
});
