import type { Engine } from '@shuoshi/engine';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../app/app-deps.js';
import { openCase, OPEN_EVENT } from '../cases/index.js';
import type { Clock } from '../clock/clock.js';
import { emptyCounts, loadMetricsCounts, loadRatingCounts, type MetricsCounts, type MetricsScope, type RatingCounts } from '../metrics/metrics-repository.js';
import { monthOf, resolvePeriod, shanghaiDate } from '../metrics/metrics-period.js';
import { hasUnfoldedCases, loadRollupFigures } from '../metrics/rollup-repository.js';
import { IDEA_CATEGORY, stateClasses } from '../metrics/state-classes.js';
import { createSeededDemoContext, type SeededDemoContext } from '../testing/seeded-demo-context.js';
import { fireDueTimers } from '../timers/index.js';
import { compactRollups, createRollupWorker, rebuildRollups, verifyRollups } from './index.js';

// The demo is seeded as of DEMO_NOW; the clock starts there and moves on.
let ctx: SeededDemoContext;
let engine: Engine;
let clock: Clock;
let deps: AppDeps;

beforeAll(async () => {
  ctx = await createSeededDemoContext({ label: 'rollups' });
  ({ engine, clock, deps } = ctx);
}, 180_000);

afterAll(async () => {
  await ctx?.close();
});

// Periods are relative to the clock, which moves: 'month' (this one), 'year' (the 12 months up to
// this one's end) or 'days' (from 20 days back to 5 days ahead): each runs now.
type ScopeFilters = Pick<MetricsScope, 'workflowKey' | 'channel' | 'groupByChild' | 'cohortOnly'> & { tenantPath: string; category?: string; period?: 'month' | 'year' | 'days' };

function periodOf(kind: ScopeFilters['period']): { from?: string; to?: string } {
  const today = shanghaiDate(clock.now());
  const month = monthOf(today);
  const shift = (days: number) => shanghaiDate(new Date(clock.now().getTime() + days * 86_400_000));
  if (kind === 'year') return { from: monthOf(shanghaiDate(new Date(Date.parse(`${month.first}T00:00:00Z`) - 330 * 86_400_000))).first, to: month.last };
  if (kind === 'days') return { from: shift(-20), to: shift(5) };
  return {};
}

function scopeOf(filters: ScopeFilters): MetricsScope {
  const workflows = engine.workflows();
  const refsOf = (category: string) => workflows.filter((w) => w.category === category).map((w) => ({ key: w.key, version: w.version }));
  const { category, period, ...rest } = filters;
  return {
    ...rest,
    classes: stateClasses(workflows),
    ideaRefs: refsOf(IDEA_CATEGORY),
    category: category === undefined ? undefined : { value: category, workflowRefs: refsOf(category) },
    period: resolvePeriod(periodOf(period), clock.now()),
  };
}

// Both sides per group, a group missing on one side reading as zeros, so that a difference names its figure.
async function bothWays(filters: ScopeFilters) {
  const scope = scopeOf(filters);
  const { groups: rollups } = await loadRollupFigures(ctx.db, scope);
  const [counts, ratings] = [await loadMetricsCounts(ctx.db, scope), await loadRatingCounts(ctx.db, scope)];
  // By child, the rollups answer the children only (the union's own cases are in no child's row).
  const groups = [...new Set([...rollups.keys(), ...counts.keys(), ...ratings.keys()])].filter((g) => !filters.groupByChild || g !== '').sort();
  const shape = (c: MetricsCounts | undefined, r: RatingCounts | undefined) => {
    const figures = c ?? emptyCounts();
    // With the cohort only, the stock is not read (the log's would be partial): flows and ratings are compared.
    const stock = filters.cohortOnly ? { openTotal: 0, openByWarning: { green: 0, yellow: 0, red: 0 }, openByState: [], overdue: 0, referralsAwaiting: 0, referralsOverdue: 0 } : {};
    return { ...figures, ...stock, ideasValue: Number(figures.ideasValue.toFixed(2)), ratings: r ?? { count: 0, sum: 0, satisfied: 0 } };
  };
  return {
    fromRollups: groups.map((g) => [g, shape(rollups.get(g)?.counts, rollups.get(g)?.ratings)] as const),
    fromLog: groups.map((g) => [g, shape(counts.get(g), ratings.get(g))] as const),
  };
}

const SCOPES: Array<[string, ScopeFilters]> = [
  ['the county, this month', { tenantPath: '/ninghai/', groupByChild: false }],
  ['the county by township, this month', { tenantPath: '/ninghai/', groupByChild: true }],
  ['a township over the year', { tenantPath: '/ninghai/chalu/', groupByChild: false, period: 'year' }],
  ['a park by union, a few days', { tenantPath: '/ninghai/chalu/gaotan/', groupByChild: true, period: 'days' }],
  ['one workflow over the year', { tenantPath: '/ninghai/', groupByChild: false, workflowKey: 'union-grievance', period: 'year' }],
  ['one channel over the year', { tenantPath: '/ninghai/', groupByChild: false, channel: 'phone', period: 'year' }],
  ['a data category over the year', { tenantPath: '/ninghai/', groupByChild: false, category: 'wages', period: 'year' }],
  ['the county by township for one workflow, this month', { tenantPath: '/ninghai/', groupByChild: true, workflowKey: 'union-grievance' }],
  ['golden ideas over the year', { tenantPath: '/ninghai/', groupByChild: false, category: IDEA_CATEGORY, period: 'year' }],
  ['the trend point of this month (flows only)', { tenantPath: '/ninghai/', groupByChild: false, cohortOnly: true }],
];

async function expectAllScopesAgree(): Promise<void> {
  for (const [label, filters] of SCOPES) {
    const { fromRollups, fromLog } = await bothWays(filters);
    expect(fromRollups, label).toEqual(fromLog);
  }
}

describe('the metric rollups of the Ninghai demo', () => {
  it('hold what the log replay computes for a period that runs now, for every scope and filter', async () => {
    expect(await hasUnfoldedCases(ctx.db, '/ninghai/')).toBe(false);
    const { fromRollups } = await bothWays({ tenantPath: '/ninghai/', groupByChild: false, period: 'year' });
    // Not a vacuous agreement: the year has flows, stock, referrals, ratings and ideas.
    const county = fromRollups[0]?.[1];
    if (!county) throw new Error('the county has no figures');
    expect(county.received).toBeGreaterThan(250);
    expect(county.openTotal).toBeGreaterThan(20);
    expect(county.referralsOverdue).toBeGreaterThan(0);
    expect(county.ratings.count).toBeGreaterThan(50);
    expect(county.ideasValue).toBeGreaterThan(0);
    await expectAllScopesAgree();
    expect(await verifyRollups(ctx.db, engine)).toEqual([]);
  });

  it('stay in step while cases open, timers fire over three weeks and the deltas are compacted', async () => {
    for (let i = 0; i < 6; i++) {
      await ctx.db.transaction().execute((trx) =>
        openCase(trx, deps, {
          tenant: { tenantId: 'chalu', path: '/ninghai/chalu/' },
          workflow: { tenantId: 'ninghai', key: 'union-grievance', version: 1 },
          data: { title: `新的诉求 ${i}`, description: '测试', category: i % 2 ? 'wages' : 'safety' },
          channel: i % 2 ? 'phone' : 'walk_in',
          actor: { id: 'chalu.intake', roles: ['intake_operator'] },
          enterpriseId: null,
          trackingHash: null,
          openedBy: 'chalu.intake',
        }),
      );
    }
    let fired = 0;
    for (let day = 0; day < 21; day++) {
      clock.advance(86_400_000);
      for (let batch = await fireDueTimers(deps); batch.fired + batch.stale + batch.refused > 0; batch = await fireDueTimers(deps)) fired += batch.fired;
      if (day % 7 === 3) await compactRollups(ctx.db);
    }
    expect(fired).toBeGreaterThan(20);
    const pending = Number((await sql<{ n: string }>`select count(*) as n from metric_deltas`.execute(ctx.db)).rows[0]?.n);
    expect(pending).toBeGreaterThan(0);
    await expectAllScopesAgree();
    await compactRollups(ctx.db);
    expect(Number((await sql<{ n: string }>`select count(*) as n from metric_deltas`.execute(ctx.db)).rows[0]?.n)).toBe(0);
    await expectAllScopesAgree();
    expect(await verifyRollups(ctx.db, engine)).toEqual([]);
  });

  it('are rebuilt from the log to the same rows, and read from the log while cases are not folded', async () => {
    const rows = async () => (await sql<Record<string, unknown>>`select * from metric_rollups where open <> 0 or kind not like 'stock%' order by kind, bucket, tenant_id, workflow_key, data_category, channel, state, warning`.execute(ctx.db)).rows;
    await compactRollups(ctx.db);
    const kept = await rows();
    await rebuildRollups(ctx.db, engine, { batch: 50 });
    expect(await rows()).toEqual(kept);

    // An upgrade leaves cases unfolded: the worker folds them, and until then the figures come from the log.
    await sql`delete from metric_rollups`.execute(ctx.db);
    await sql`update cases set metric_facts = null`.execute(ctx.db);
    expect(await hasUnfoldedCases(ctx.db, '/ninghai/chalu/')).toBe(true);
    const worker = createRollupWorker(deps);
    while ((await worker.runOnce()) > 0);
    expect(await hasUnfoldedCases(ctx.db, '/ninghai/')).toBe(false);
    expect(await rows()).toEqual(kept);
    expect(await verifyRollups(ctx.db, engine)).toEqual([]);
  });

  it('count every step once while steps, timers and compactions run at once', async () => {
    const open = (i: number) =>
      ctx.db.transaction().execute((trx) =>
        openCase(trx, deps, {
          tenant: { tenantId: i % 2 ? 'huchen' : 'nanbu', path: i % 2 ? '/ninghai/huchen/' : '/ninghai/nanbu/' },
          workflow: { tenantId: 'ninghai', key: 'union-grievance', version: 1 },
          data: { title: `并发的诉求 ${i}`, description: '测试' },
          channel: 'mini_program',
          actor: { id: 'system', roles: ['intake_operator'] },
          enterpriseId: null,
          trackingHash: null,
          openedBy: null,
        }),
      );
    let stop = false;
    const compactor = async () => {
      while (!stop) await compactRollups(ctx.db);
    };
    const compactors = [compactor(), compactor(), compactor()];
    const streams = Array.from({ length: 6 }, async (_, s) => {
      for (let i = 0; i < 8; i++) await open(s * 8 + i);
    });
    clock.advance(3 * 86_400_000);
    const firing = [fireDueTimers(deps), fireDueTimers(deps)];
    await Promise.all([...streams, ...firing]);
    stop = true;
    await Promise.all(compactors);
    expect(await verifyRollups(ctx.db, engine)).toEqual([]);
    await expectAllScopesAgree();
  });

  it('count a case opened through the event path once, at its opening day', async () => {
    const before = (await loadRollupFigures(ctx.db, scopeOf({ tenantPath: '/ninghai/huchen/', groupByChild: false }))).groups.get('')?.counts.received ?? 0;
    const { row } = await ctx.db.transaction().execute((trx) =>
      openCase(trx, deps, {
        tenant: { tenantId: 'huchen', path: '/ninghai/huchen/' },
        workflow: { tenantId: 'ninghai', key: 'union-grievance', version: 1 },
        data: { title: '一件新事', description: '测试' },
        channel: 'online',
        actor: { id: 'huchen.intake', roles: ['intake_operator'] },
        enterpriseId: null,
        trackingHash: null,
        openedBy: 'huchen.intake',
      }),
    );
    const logged = await ctx.db.selectFrom('case_events').select('type').where('case_id', '=', row.case_id).execute();
    expect(logged.map((e) => e.type)).toEqual([OPEN_EVENT]);
    const after = (await loadRollupFigures(ctx.db, scopeOf({ tenantPath: '/ninghai/huchen/', groupByChild: false }))).groups.get('')?.counts.received ?? 0;
    expect(after).toBe(before + 1);
  });
});
