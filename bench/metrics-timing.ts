// Timing for bench/metrics.ts: metrics requests to the server over keep-alive HTTP, and the same
// aggregates as raw SQL from this process: the metrics repository's own queries (what the service
// runs, in the same read-only snapshot) and a plain hand-written scan for scale.
import type { Workflow } from '@shuoshi/engine';
import { resolvePeriod } from '../packages/server/src/metrics/metrics-period.js';
import { loadMetricsCounts, loadRatingCounts, type MetricsScope } from '../packages/server/src/metrics/metrics-repository.js';
import { IDEA_CATEGORY, stateClasses } from '../packages/server/src/metrics/state-classes.js';
import { q, run } from './metrics-sql.js';
import type { JsonClient } from './server-load.js';
import type { BenchDb } from './server-prepare.js';

/**
 * One timed operation: how it is labelled in the table and how to run it once (throws on failure).
 * @example
 * const op: TimedOp = { label: 'GET /api/metrics (county, month)', run: () => getJson(client, '/api/metrics', token) };
 */
export interface TimedOp {
  label: string;
  run: () => Promise<unknown>;
  /** Measured rounds of this operation at most (fewer than the plan's, for a slow reference). */
  rounds?: number | undefined;
}

/**
 * Latency figures of one operation, in ms.
 * @example
 * const t: Timing = { label: 'x', samples: [3.1, 2.9], median: 3, p90: 3.1, min: 2.9, max: 3.1, errors: 0, error: undefined };
 */
export interface Timing {
  label: string;
  samples: number[];
  median: number;
  p90: number;
  min: number;
  max: number;
  errors: number;
  error: string | undefined;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * How a group is measured: `warmup` unmeasured runs of each operation first (one only when a run
 * takes over 2 s: the caches are warm by then), then up to `rounds` measured rounds; with a
 * `budgetMs`, rounds stop once the group has used it, after at least `minRounds`.
 * @example
 * const plan: TimingPlan = { warmup: 3, rounds: 20, budgetMs: 180_000, minRounds: 3 };
 */
export interface TimingPlan {
  warmup: number;
  rounds: number;
  budgetMs?: number | undefined;
  minRounds?: number;
}

/**
 * Runs a group of operations one at a time, taking them in turn (rotating which goes first each
 * round) so that the noise of a shared machine falls on all of them alike; see {@link TimingPlan}.
 * @example
 * const [http, raw] = await timeInterleaved([httpOp, rawOp], { warmup: 3, rounds: 20 });
 */
export async function timeInterleaved(ops: TimedOp[], plan: TimingPlan): Promise<Timing[]> {
  const samples = ops.map(() => [] as number[]);
  const errors = ops.map(() => ({ count: 0, first: undefined as string | undefined }));
  const once = async (index: number, measured: boolean): Promise<number> => {
    const op = ops[index];
    if (!op) return 0;
    const started = performance.now();
    try {
      await op.run();
      const ms = performance.now() - started;
      if (measured) samples[index]?.push(ms);
      return ms;
    } catch (error) {
      const slot = errors[index];
      if (slot) {
        slot.count++;
        slot.first ??= (error as Error).message;
      }
      return performance.now() - started;
    }
  };
  for (let i = 0; i < ops.length; i++) {
    for (let w = 0; w < plan.warmup; w++) if ((await once(i, false)) > 2000) break;
  }
  const started = performance.now();
  for (let round = 0; round < plan.rounds; round++) {
    if (plan.budgetMs !== undefined && round >= (plan.minRounds ?? 3) && performance.now() - started > plan.budgetMs) break;
    for (let k = 0; k < ops.length; k++) {
      const index = (round + k) % ops.length;
      const cap = ops[index]?.rounds;
      if (cap === undefined || (samples[index]?.length ?? 0) < cap) await once(index, true);
    }
  }
  return ops.map((op, i) => {
    const sorted = [...(samples[i] ?? [])].sort((a, b) => a - b);
    return { label: op.label, samples: sorted, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, errors: errors[i]?.count ?? 0, error: errors[i]?.first };
  });
}

/**
 * GETs a path with a bearer token and answers the parsed body; any status but 200 throws.
 * @example
 * const metrics = await getJson(client, '/api/metrics', token);
 */
export async function getJson(client: JsonClient, path: string, token: string): Promise<Record<string, unknown>> {
  const response = await client.send('GET', path, undefined, token);
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
  return response.body as Record<string, unknown>;
}

/**
 * The metrics repository's scope for a union's subtree and a period, as the service builds it for
 * a request without filters (the county's workflows classify the states).
 * @example
 * const scope = metricsScope(workflows, '/benchm/', {}, new Date());
 */
export function metricsScope(workflows: readonly Workflow[], tenantPath: string, period: { from?: string; to?: string }, now: Date): MetricsScope {
  return {
    tenantPath,
    groupByChild: false,
    classes: stateClasses(workflows),
    ideaRefs: workflows.filter((w) => w.category === IDEA_CATEGORY).map((w) => ({ key: w.key, version: w.version })),
    period: resolvePeriod(period, now),
  };
}

/**
 * Runs the repository's two queries (flow and stock counts by replaying the log; ratings) in one
 * repeatable-read transaction with the service's work_mem, as GET /api/metrics does.
 * @example
 * await rawRepositoryQuery(db, scope);
 */
export async function rawRepositoryQuery(db: BenchDb, scope: MetricsScope): Promise<{ received: number; ratings: number }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await run(trx, `set local work_mem = '32MB'`);
      const counts = (await loadMetricsCounts(trx, scope)).get('');
      const ratings = (await loadRatingCounts(trx, scope)).get('');
      return { received: counts?.received ?? 0, ratings: ratings?.count ?? 0 };
    });
}

/**
 * A plain hand-written aggregate of the subtree's period, for scale: received and completed among
 * the cases opened in the period (completed read from the cases' current state, not replayed from the
 * log as of the period's end), the ratings given in the period, and open cases by warning colour from
 * the cases' current columns. Not the metrics' definitions: a lower bound for any scan of the data.
 * @example
 * await plainScan(db, scope);
 */
export async function plainScan(db: BenchDb, scope: MetricsScope): Promise<Record<string, unknown>> {
  const done = scope.classes.filter((c) => c.done).map((c) => `${c.key}/${c.state}`);
  const { start, asOf } = scope.period;
  const like = `${scope.tenantPath}%`;
  const rows = await run(
    db,
    q`
    with sub as (select tenant_id from tenants where path like ${like}),
    cohort as (
      select c.workflow_key || '/' || c.state as ks from cases c join sub on sub.tenant_id = c.tenant_id
      where c.opened_at >= ${start} and c.opened_at < ${asOf}
    ),
    ratings as (
      select (e.data->>'satisfaction')::numeric as score from case_events e join sub on sub.tenant_id = e.tenant_id
      where e.created_at >= ${start} and e.created_at < ${asOf} and e.type in ('rate', 'dissatisfied') and jsonb_typeof(e.data->'satisfaction') = 'number'
    ),
    stock as (
      select c.warning, c.overdue from cases c join sub on sub.tenant_id = c.tenant_id where c.status = 'open' and c.opened_at < ${asOf}
    )
    select (select count(*) from cohort) as received,
      (select count(*) from cohort where ks = any(${done}::text[])) as completed,
      (select count(*) from ratings) as ratings, (select avg(score) from ratings) as average, (select count(*) from ratings where score >= 4) as satisfied,
      (select count(*) from stock) as open, (select count(*) from stock where overdue) as overdue,
      (select jsonb_object_agg(warning, n) from (select warning, count(*) as n from stock group by warning) w) as by_warning`,
  );
  return rows[0] ?? {};
}

type Executor = ReturnType<BenchDb['getExecutor']>;

// Forwards everything to the real executor (bound to it: Kysely keeps private fields) except
// executeQuery, which runs the query under EXPLAIN, keeps the plan and answers no rows.
function explainingExecutor(executor: Executor, plans: string[]): Executor {
  return new Proxy(executor, {
    get(target, property) {
      if (property === 'executeQuery') {
        return async (compiled: Parameters<Executor['executeQuery']>[0]) => {
          const result = await target.executeQuery({ ...compiled, sql: `explain (analyze, buffers) ${compiled.sql}` });
          plans.push(result.rows.map((row) => String(Object.values(row as Record<string, unknown>)[0])).join('\n'));
          return { rows: [] };
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The plan, with timings and buffers, of the repository's main metrics query for a scope
 * (EXPLAIN (ANALYZE, BUFFERS), in the service's snapshot and work_mem): where the time goes.
 * @example
 * console.log(await explainRepositoryQuery(db, scope));
 */
export async function explainRepositoryQuery(db: BenchDb, scope: MetricsScope): Promise<string> {
  const plans: string[] = [];
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await run(trx, `set local work_mem = '32MB'`);
      const explaining = new Proxy(trx, {
        get(target, property) {
          if (property === 'getExecutor') return () => explainingExecutor(target.getExecutor(), plans);
          const value: unknown = Reflect.get(target, property);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      await loadMetricsCounts(explaining, scope);
    });
  return plans.join('\n\n');
}
