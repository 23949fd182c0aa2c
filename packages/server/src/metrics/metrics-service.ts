import type { Workflow } from '@shuoshi/engine';
import { sql, type Kysely } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { createMetricsContextResolver, type MetricsContext } from './metrics-context.js';
import { monthlyPeriods, resolvePeriod, type MetricsPeriod } from './metrics-period.js';
import { loadMetricsCounts, loadRatingCounts, type MetricsCounts, type MetricsScope, type RatingCounts } from './metrics-repository.js';
import { createClosedPeriods, type ClosedPeriods } from './closed-periods.js';
import { emptyRollupFigures, loadRollupFigures, type RollupFigures } from './rollup-repository.js';
import { rankTownships } from './rank-townships.js';
import { rateOf } from './rate-of.js';
import type { Metrics, MetricsQuery, Townships, Trend, TrendQuery } from './schemas.js';

/**
 * Runs a request's queries in one read-only snapshot (so the flows, stocks and ratings agree with
 * each other), with room to sort a large county's replay in memory rather than on disk; inside
 * one already, in that one.
 */
function inSnapshot<T>(db: Kysely<Database>, run: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return run(db);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set local work_mem = '32MB'`.execute(trx);
      return run(trx);
    });
}

/**
 * The figures of a scope, by group, from the log: a period that has ended is replayed as of its
 * end (its figures never change), one that runs now when some case is not folded into the rollups.
 */
async function replayFigures(trx: Kysely<Database>, scope: MetricsScope): Promise<Map<string, RollupFigures>> {
  const [counts, ratings] = [await loadMetricsCounts(trx, scope), await loadRatingCounts(trx, scope)];
  const groups = new Map<string, RollupFigures>();
  for (const grp of new Set([...counts.keys(), ...ratings.keys()])) {
    const empty = emptyRollupFigures();
    groups.set(grp, { counts: counts.get(grp) ?? empty.counts, ratings: ratings.get(grp) ?? empty.ratings });
  }
  return groups;
}

/**
 * The figures of a scope, by group: a period that runs now is read from the rollups kept in step
 * with the log, in one statement; anything else is replayed from the log in one snapshot (see
 * replayFigures), an ended period once per process (see createClosedPeriods).
 */
async function loadFigures(db: Kysely<Database>, scope: MetricsScope, closed: ClosedPeriods): Promise<Map<string, RollupFigures>> {
  if (scope.period.asOf < scope.period.end) {
    const read = await loadRollupFigures(db, scope);
    if (!read.unfolded) return read.groups;
    return inSnapshot(db, (trx) => replayFigures(trx, scope));
  }
  return closed.get(scope, () => inSnapshot(db, (trx) => replayFigures(trx, scope)));
}

function periodOut(period: MetricsPeriod): Metrics['period'] {
  return { from: period.from, to: period.to, start: period.start.toISOString(), end: period.end.toISOString(), asOf: period.asOf.toISOString(), timeZone: 'Asia/Shanghai' };
}

function satisfactionOf(ratings: RatingCounts): Metrics['satisfaction'] {
  return { count: ratings.count, average: ratings.count === 0 ? null : ratings.sum / ratings.count, satisfied: rateOf(ratings.satisfied, ratings.count) };
}

function stateTitle(workflows: readonly Workflow[], key: string, state: string): { zh: string; en: string } {
  // The newest version that has the state names it.
  const holder = [...workflows].reverse().find((w) => w.key === key && w.states[state] !== undefined);
  const title = holder?.states[state]?.title;
  return title ? { zh: title.zh, en: title.en } : { zh: state, en: state };
}

function mainRates(counts: MetricsCounts) {
  return {
    completion: rateOf(counts.completed, counts.received),
    onTime: rateOf(counts.onTime, counts.completed),
    response: rateOf(counts.respondedOnTime, counts.received),
  };
}

function metricsOf(context: MetricsContext, period: MetricsPeriod, counts: MetricsCounts, ratings: RatingCounts): Metrics {
  const { completion, onTime, response } = mainRates(counts);
  return {
    tenant: { id: context.tenant.id, name: context.tenant.name },
    period: periodOut(period),
    filters: context.filters,
    received: counts.received,
    completion: { ...completion, resolved: counts.completedResolved, endedUnresolved: counts.completed - counts.completedResolved },
    onTime,
    response,
    satisfaction: satisfactionOf(ratings),
    open: {
      total: counts.openTotal,
      overdue: counts.overdue,
      byWarning: counts.openByWarning,
      byState: counts.openByState.map((entry) => ({ ...entry, title: stateTitle(context.workflows, entry.workflow, entry.state) })),
    },
    referrals: { awaiting: counts.referralsAwaiting, overdue: counts.referralsOverdue },
    goldenIdeas: { count: counts.ideas, adopted: counts.ideasAdopted, value: counts.ideasValue },
  };
}

/** How long a process keeps a union's workflow versions for its figures (see createMetricsContextResolver). */
const CONTEXT_TTL_MS = 5000;

/**
 * The metrics service: the figures of a union's subtree for a period, the ranked table of its
 * direct children, and the monthly trend; every figure from the event log (see docs/metrics.md).
 * @example
 * const service = createMetricsService(deps);
 * const figures = await service.metrics(caller, { tenantId: 'chalu' });
 */
export function createMetricsService(deps: Pick<AppDeps, 'db' | 'engine' | 'clock'>) {
  const { db, clock } = deps;
  const closed = createClosedPeriods();
  const resolveMetricsContext = createMetricsContextResolver(deps, { ttlMs: CONTEXT_TTL_MS });

  return {
    /** GET /metrics: the figures of the union's subtree for the period. */
    async metrics(caller: Caller, query: Omit<MetricsQuery, 'format'>): Promise<Metrics> {
      const period = resolvePeriod(query, clock.now());
      const context = await resolveMetricsContext(caller, query);
      const scope = { ...context.scope, period, groupByChild: false };
      const { counts, ratings } = (await loadFigures(db, scope, closed)).get('') ?? emptyRollupFigures();
      return metricsOf(context, period, counts, ratings);
    },

    /** GET /metrics/townships: the direct child unions ranked on the main rates (the monthly 通报). */
    async townships(caller: Caller, query: Omit<MetricsQuery, 'format'>): Promise<Townships> {
      const period = resolvePeriod(query, clock.now());
      const context = await resolveMetricsContext(caller, query);
      const scope = { ...context.scope, period, groupByChild: true };
      const groups = await loadFigures(db, scope, closed);
      const children = await db.selectFrom('tenants').select(['tenant_id', 'name_zh', 'name_en']).where('parent_id', '=', context.tenant.id).orderBy('tenant_id').execute();
      const rows = rankTownships(
        children.map((child) => {
          const { counts: c, ratings: r } = groups.get(child.tenant_id) ?? emptyRollupFigures();
          const satisfaction = satisfactionOf(r);
          return {
            tenant: { id: child.tenant_id, name: { zh: child.name_zh, en: child.name_en } },
            received: c.received,
            ...mainRates(c),
            satisfaction: { ...satisfaction.satisfied, average: satisfaction.average },
            open: c.openTotal,
            overdue: c.overdue,
            referralsOverdue: c.referralsOverdue,
          };
        }),
      );
      return { tenant: { id: context.tenant.id, name: context.tenant.name }, period: periodOut(period), filters: context.filters, rows };
    },

    /** GET /metrics/trend: the main rates month by month, oldest first, up to the current month. */
    async trend(caller: Caller, query: Omit<TrendQuery, 'format'>): Promise<Trend> {
      const context = await resolveMetricsContext(caller, query);
      const months = await inSnapshot(db, async (trx) => {
        const points: Trend['months'] = [];
        for (const period of monthlyPeriods(query.months, clock.now())) {
          const scope = { ...context.scope, period, groupByChild: false, cohortOnly: true };
          const { counts, ratings } = (await loadFigures(trx, scope, closed)).get('') ?? emptyRollupFigures();
          points.push({ month: period.from.slice(0, 7), period: periodOut(period), received: counts.received, ...mainRates(counts), satisfaction: satisfactionOf(ratings) });
        }
        return points;
      });
      return { tenant: { id: context.tenant.id, name: context.tenant.name }, filters: context.filters, months };
    },
  };
}

/**
 * The metrics service.
 * @example
 * const service: MetricsService = createMetricsService(deps);
 */
export type MetricsService = ReturnType<typeof createMetricsService>;
