import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Metrics } from '../metrics/schemas.js';
import { contributionOf, type RollupRow } from '../rollups/contribution.js';
import type { CaseFacts } from '../rollups/case-facts.js';
import { createSeededDemoContext, type SeededDemoContext } from '../testing/seeded-demo-context.js';
import { CASE_FIGURES, figureCondition, type CaseFigure } from './figure-filters.js';

// The demo is seeded as of DEMO_NOW; the server's test clock starts there.
let ctx: SeededDemoContext;
let app: Express;

async function get(user: string, path: string, query: Record<string, string> = {}) {
  const response = await request(app).get(`/api${path}`).query(query).set('Authorization', `Bearer ${await ctx.login(user)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response;
}

async function metricsOf(user: string, query: Record<string, string>): Promise<Metrics> {
  return (await get(user, '/metrics', query)).body as Metrics;
}

// The number of cases the list answers for a filter, from its Content-Range header.
async function listTotal(user: string, resource: string, filter: Record<string, unknown>): Promise<number> {
  const response = await get(user, `/${resource}`, { filter: JSON.stringify(filter), range: '[0,0]' });
  const match = /\/(\d+)$/.exec(String(response.headers['content-range']));
  if (!match?.[1]) throw new Error(`no total in Content-Range "${String(response.headers['content-range'])}"`);
  return Number(match[1]);
}

// Each figure of GET /api/metrics, by the list figure that should count the same cases.
function expectedOf(metrics: Metrics): Record<Exclude<CaseFigure, 'responded' | 'referralsAwaiting' | 'referralsOverdue' | 'inHand'>, number> {
  return {
    received: metrics.received,
    completed: metrics.completion.numerator,
    resolved: metrics.completion.resolved,
    endedUnresolved: metrics.completion.endedUnresolved,
    onTime: metrics.onTime.numerator,
    late: metrics.onTime.denominator - metrics.onTime.numerator,
    respondedOnTime: metrics.response.numerator,
    ideas: metrics.goldenIdeas.count,
    ideasAdopted: metrics.goldenIdeas.adopted,
    overdue: metrics.open.overdue,
  };
}

const STOCK: readonly CaseFigure[] = ['overdue', 'referralsAwaiting', 'referralsOverdue'];

async function listedOf(user: string, metrics: Metrics, tenantId: string | undefined): Promise<Record<string, number>> {
  const scope = tenantId ? { tenantId } : {};
  const period = { openedFrom: metrics.period.from, openedTo: metrics.period.to };
  const listed: Record<string, number> = {};
  for (const figure of Object.keys(expectedOf(metrics)) as CaseFigure[]) {
    listed[figure] = await listTotal(user, 'cases', { ...scope, figure, ...(STOCK.includes(figure) ? {} : period) });
  }
  return listed;
}

beforeAll(async () => {
  ctx = await createSeededDemoContext({ label: 'figures' });
  ({ app } = ctx);
}, 180_000);

afterAll(async () => {
  await ctx?.close();
});

describe('the cases list narrowed to a figure of the Ninghai demo', () => {
  it('lists as many cases as each figure of the current month counts, for the county', async () => {
    const metrics = await metricsOf('ninghai.supervisor', {});
    expect(metrics.period.from).toBe('2026-11-01');
    expect(await listedOf('ninghai.supervisor', metrics, undefined)).toEqual(expectedOf(metrics));
    // Not a test that cannot fail: the month has cases of every kind.
    expect(metrics.received).toBeGreaterThan(10);
    expect(metrics.onTime.numerator).toBeGreaterThan(0);
    expect(metrics.open.overdue).toBeGreaterThan(0);
  });

  it('lists as many cases as each figure of the current month counts, for a township, asked by the county or by itself', async () => {
    const county = await metricsOf('ninghai.supervisor', { tenantId: 'chalu' });
    expect(county.tenant.id).toBe('chalu');
    expect(await listedOf('ninghai.supervisor', county, 'chalu')).toEqual(expectedOf(county));
    const own = await metricsOf('chalu.supervisor', {});
    expect(await listedOf('chalu.supervisor', own, undefined)).toEqual(expectedOf(own));
    expect(own.received).toBeGreaterThan(0);
  });

  it('lists as many cases as each figure of a year that runs until now counts', async () => {
    const metrics = await metricsOf('ninghai.supervisor', { from: '2025-12-01', to: '2026-11-30' });
    expect(await listedOf('ninghai.supervisor', metrics, undefined)).toEqual(expectedOf(metrics));
    expect(metrics.goldenIdeas.adopted).toBeGreaterThan(0);
    expect(metrics.completion.endedUnresolved).toBeGreaterThan(0);
  });

  it('lists the cases with referrals awaiting a reply, and those overdue, as many as there are such referrals', async () => {
    const metrics = await metricsOf('ninghai.supervisor', {});
    // A case may wait on several referrals: the list counts the cases, the figure the referrals.
    const awaiting = await listTotal('ninghai.supervisor', 'cases', { figure: 'referralsAwaiting' });
    const overdue = await listTotal('ninghai.supervisor', 'cases', { figure: 'referralsOverdue' });
    expect(awaiting).toBeGreaterThan(0);
    expect(overdue).toBeGreaterThan(0);
    expect(awaiting).toBeLessThanOrEqual(metrics.referrals.awaiting);
    expect(overdue).toBeLessThanOrEqual(metrics.referrals.overdue);
    const rows = await ctx.db.selectFrom('cases').select(['metric_facts']).where('status', '=', 'open').execute();
    const referrals = rows.map((row) => (row.metric_facts as { referrals?: Array<{ overdue: boolean }> } | null)?.referrals ?? []);
    expect(awaiting).toBe(referrals.filter((list) => list.length > 0).length);
    expect(overdue).toBe(referrals.filter((list) => list.some((r) => r.overdue)).length);
    expect(referrals.reduce((n, list) => n + list.length, 0)).toBe(metrics.referrals.awaiting);
    // The dashboard's referral tiles open the referrals list, which counts what they count.
    expect(await listTotal('ninghai.supervisor', 'referrals', { status: 'awaiting' })).toBe(metrics.referrals.awaiting);
    expect(await listTotal('ninghai.supervisor', 'referrals', { status: 'awaiting', overdue: true })).toBe(metrics.referrals.overdue);
  });

  it('counts responses apart from responses in time, and combines a figure with the other filters', async () => {
    const year = { openedFrom: '2025-12-01', openedTo: '2026-11-30' };
    const responded = await listTotal('ninghai.supervisor', 'cases', { figure: 'responded', ...year });
    const inTime = await listTotal('ninghai.supervisor', 'cases', { figure: 'respondedOnTime', ...year });
    expect(responded).toBeGreaterThanOrEqual(inTime);
    const all = await listTotal('ninghai.supervisor', 'cases', {});
    expect(await listTotal('ninghai.supervisor', 'cases', { figure: 'received' })).toBe(all);
    const completed = await listTotal('ninghai.supervisor', 'cases', { figure: 'completed', ...year });
    const completedOpen = await listTotal('ninghai.supervisor', 'cases', { figure: 'completed', status: 'open', ...year });
    const completedClosed = await listTotal('ninghai.supervisor', 'cases', { figure: 'completed', status: 'closed', ...year });
    expect(completedOpen + completedClosed).toBe(completed);
    expect(completedOpen).toBeGreaterThan(0);
  });

  it('narrows by the day a case was opened in Asia/Shanghai, both days included', async () => {
    const rows = await ctx.db.selectFrom('cases').select(['opened_at']).execute();
    const day = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const days = rows.map((row) => day(new Date(row.opened_at)));
    const last = [...days].sort().at(-1);
    if (!last) throw new Error('the demo has no cases');
    expect(await listTotal('ninghai.supervisor', 'cases', { openedFrom: last, openedTo: last })).toBe(days.filter((d) => d === last).length);
    expect(await listTotal('ninghai.supervisor', 'cases', { openedFrom: '2026-11-01' })).toBe(days.filter((d) => d >= '2026-11-01').length);
    expect(await listTotal('ninghai.supervisor', 'cases', { openedTo: '2026-10-31' })).toBe(days.filter((d) => d <= '2026-10-31').length);
  });

  it('picks for each figure exactly the cases whose contribution to the rollups counts for it', async () => {
    const rows = await ctx.db.selectFrom('cases').select(['case_id', 'metric_facts']).execute();
    const counts = (facts: CaseFacts | null, kind: RollupRow['kind']) => (facts ? contributionOf(facts).find((row) => row.kind === kind) : undefined);
    const rules: Record<CaseFigure, (flow: RollupRow | undefined, stock: RollupRow | undefined) => boolean> = {
      received: () => true,
      completed: (flow) => flow?.completed === 1,
      resolved: (flow) => flow?.completedResolved === 1,
      endedUnresolved: (flow) => flow?.completed === 1 && flow.completedResolved === 0,
      onTime: (flow) => flow?.onTime === 1,
      late: (flow) => flow?.completed === 1 && flow.onTime === 0,
      responded: (flow) => flow?.responded === 1,
      respondedOnTime: (flow) => flow?.respondedOnTime === 1,
      ideas: (flow) => flow?.ideas === 1,
      ideasAdopted: (flow) => flow?.ideasAdopted === 1,
      referralsAwaiting: (_flow, stock) => (stock?.referralsAwaiting ?? 0) > 0,
      referralsOverdue: (_flow, stock) => (stock?.referralsOverdue ?? 0) > 0,
      overdue: (_flow, stock) => stock?.overdue === 1,
      inHand: (flow, stock) => stock !== undefined && flow?.completed === 0,
    };
    for (const figure of CASE_FIGURES) {
      const picked = await ctx.db.selectFrom('cases').select('case_id').where(figureCondition(figure)).execute();
      const expected = rows.filter((row) => {
        const facts = row.metric_facts as CaseFacts | null;
        return rules[figure](counts(facts, 'flow'), counts(facts, 'stock'));
      });
      expect(picked.map((r) => r.case_id).sort(), figure).toEqual(expected.map((r) => r.case_id).sort());
      expect(picked.length, figure).toBeGreaterThan(0);
      if (figure !== 'received') expect(picked.length, figure).toBeLessThan(rows.length);
    }
  });

  it("lists as many cases in hand for each enterprise as the risk register counts", async () => {
    const response = await get('ninghai.supervisor', '/risk-register', { range: '[0,499]' });
    const entries = response.body as Array<{ id: string; openCases: number }>;
    expect(entries.filter((e) => e.openCases > 0).length).toBeGreaterThan(3);
    for (const entry of entries) expect(await listTotal('ninghai.supervisor', 'cases', { enterpriseId: entry.id, figure: 'inHand' }), entry.id).toBe(entry.openCases);
  });

  it('rejects an unknown figure or a date that is not a calendar day, saying how to fix it', async () => {
    for (const filter of [{ figure: 'completion' }, { openedFrom: '2026-02-30' }, { openedTo: '11/01/2026' }]) {
      const response = await request(app).get('/api/cases').query({ filter: JSON.stringify(filter) }).set('Authorization', `Bearer ${await ctx.login('ninghai.supervisor')}`);
      expect(response.status, JSON.stringify(filter)).toBe(400);
    }
    const response = await request(app).get('/api/cases').query({ filter: JSON.stringify({ openedFrom: '2026-02-30' }) }).set('Authorization', `Bearer ${await ctx.login('ninghai.supervisor')}`);
    expect(JSON.stringify(response.body)).toContain('real calendar date');
  });
});
