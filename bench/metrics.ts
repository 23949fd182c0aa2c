// Benchmark: the metrics endpoints on a generated county of BENCH_CASES cases on PostgreSQL, against
// the raw SQL of the same aggregates in the same run; and timers fired per second by one server
// process against three. Measures, never asserts: prints a table, the targets of issue 4 with the
// measured figures, and as the last line
//   township_dashboard_ms=N county_dashboard_ms=M county_raw_sql_ms=K timers_3proc_over_1proc=R
// (medians; the dashboards for the current month; raw SQL = the metrics repository's queries for
// the county's current month, run from this process).
//
// Data (bench/metrics-generate.ts, bench/metrics-prototypes.ts): a fresh schema `benchm_<random>`,
// migrated; a county with 20 townships and 3-5 enterprise unions each; the built-in templates
// published by the county; cases copied in SQL from the Ninghai demo's case stories walked through
// the real engine, spread over two years. The real server (`shuoshi start`, SHUOSHI_SEED=false) is
// started on it; a county user and a township user sign in.
//
// Knobs (environment):
//   BENCH_DATABASE_URL  else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test
//   BENCH_CASES         1000000 (cases generated)
//   BENCH_BATCH         100000 (cases per INSERT ... SELECT)
//   BENCH_PROTOTYPES    3000 (demo cases walked through the engine; the overlays' are left out)
//   BENCH_KEEP          false (keep the schema; rerun with BENCH_SCHEMA=<name> to skip generation)
//   BENCH_SCHEMA        a kept schema to reuse (never dropped)
//   BENCH_REBUILD       false (with BENCH_SCHEMA: fold the rollups again from the log first, e.g.
//                       after a change of what they hold)
//   BENCH_REQUESTS      20 (measured requests per endpoint and runs per raw query)
//   BENCH_RAW_REQUESTS  BENCH_REQUESTS (measured runs of each raw SQL reference at most: the
//                       county's takes half a minute; the endpoints still get BENCH_REQUESTS)
//   BENCH_WARMUP        3 (unmeasured requests per endpoint first; 1 when one takes over 2 s)
//   BENCH_BUDGET_S      180 (the extra groups, townships/trend/12 months/plain scan, stop after
//                       this many seconds once they have 3 rounds; the two dashboards and the
//                       county's raw SQL always get BENCH_REQUESTS)
//   BENCH_EXPLAIN       false (print EXPLAIN ANALYZE of the county's month query)
//   BENCH_TIMERS        2000 (due timers per drain; 0 skips the timers part)
//   BENCH_TIMERS_WARMUP 1500 (due timers drained unmeasured first, so that every process has
//                       compiled the event path: a server runs warm for hours)
//   BENCH_METRICS       true (false skips the data and the metrics part)
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { BUILTIN_TEMPLATES, createEngine } from '@shuoshi/engine';
import { createDatabase, migrateToLatest, rebuildRollups, type DatabaseHandle } from '@shuoshi/server';
import { SERVER_NODE_FLAGS } from '../packages/server/bin/server-bundle.js';
import { monthOf, shanghaiDate } from '../packages/server/src/metrics/metrics-period.js';
import { COUNTY, COUNTY_USER, generateCounty, TOWNSHIP_USER, townshipId, upsertBenchUsers } from './metrics-generate.js';
import { WORKFLOW_MIX } from './metrics-prototypes.js';
import { q, run } from './metrics-sql.js';
import { timeTimerDrain, type TimerRun } from './metrics-timers.js';
import { explainRepositoryQuery, getJson, metricsScope, plainScan, rawRepositoryQuery, timeInterleaved, type TimedOp, type Timing, type TimingPlan } from './metrics-timing.js';
import { killAllServers, startServer } from './server-child.js';
import { createJsonClient, login } from './server-load.js';
import { fmt, table } from './server-stats.js';

function flag(name: string, fallback: boolean): boolean {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : !['false', '0', 'no'].includes(value.toLowerCase());
}
function count(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, e.g. ${fallback}; got ${JSON.stringify(process.env[name])}`);
  return value;
}

const DATABASE_URL = process.env['BENCH_DATABASE_URL'] || process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
const CASES = count('BENCH_CASES', 1_000_000);
const BATCH = Math.max(1, count('BENCH_BATCH', 100_000));
const PROTOTYPES = count('BENCH_PROTOTYPES', 3000);
const KEEP = flag('BENCH_KEEP', false);
const REUSE = process.env['BENCH_SCHEMA'] || undefined;
const REQUESTS = Math.max(1, count('BENCH_REQUESTS', 20));
const WARMUP = count('BENCH_WARMUP', 3);
const RAW_REQUESTS = Math.max(1, count('BENCH_RAW_REQUESTS', REQUESTS));
const TIMERS = count('BENCH_TIMERS', 2000);
const TIMERS_WARMUP = count('BENCH_TIMERS_WARMUP', 1500);
const WITH_METRICS = flag('BENCH_METRICS', true);
const BUDGET_MS = count('BENCH_BUDGET_S', 180) * 1000;
const EXPLAIN = flag('BENCH_EXPLAIN', false);
const PASSWORD = `benchm-${randomBytes(8).toString('hex')}`;
const TOWNSHIP = townshipId(1);
// The county publishes these built-in templates (bench/metrics-prototypes.ts): they classify the states.
const WORKFLOWS = BUILTIN_TEMPLATES.filter((w) => WORKFLOW_MIX.some(([key]) => key === w.key));

if (REUSE !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(REUSE)) throw new Error(`BENCH_SCHEMA must be a schema name like benchm_0a1b2c3d4e5f; got ${JSON.stringify(REUSE)}`);

const cleanups: Array<() => Promise<void>> = [];
// However this process ends (even a closed pipe on stdout), it leaves no server running.
process.once('exit', killAllServers);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    killAllServers();
    void (async () => {
      for (let next = cleanups.pop(); next; next = cleanups.pop()) await next().catch(() => undefined);
    })().finally(() => process.exit(130));
  });
}

const log = (line: string) => console.log(line);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function openSchema(): Promise<{ handle: DatabaseHandle; schema: string; generatedMs: number | undefined }> {
  const schema = REUSE ?? `benchm_${randomBytes(6).toString('hex')}`;
  const handle = await createDatabase({ databaseUrl: DATABASE_URL, schema });
  cleanups.push(async () => {
    if (!KEEP && REUSE === undefined) await handle.db.schema.dropSchema(schema).ifExists().cascade().execute();
    else log(`kept schema ${schema}: rerun with BENCH_SCHEMA=${schema}; drop it with psql -c 'drop schema ${schema} cascade'`);
    await handle.close();
  });
  await migrateToLatest(handle.db);
  if (REUSE !== undefined) {
    const rows = await run<{ note: string | null }>(handle.db, q`select obj_description(oid, 'pg_namespace') as note from pg_namespace where nspname = ${schema}`);
    if (!rows[0]?.note?.startsWith('bench:metrics')) throw new Error(`Schema ${schema} holds no complete generated county (no "bench:metrics" comment); run without BENCH_SCHEMA to generate one.`);
    log(`reusing schema ${schema} (${rows[0].note})`);
    await upsertBenchUsers(handle.db, PASSWORD);
    if (flag('BENCH_REBUILD', false)) {
      const started = performance.now();
      const folded = await rebuildRollups(handle.db, createEngine({ workflows: [...BUILTIN_TEMPLATES] }), { batch: 2000 });
      for (const table of ['cases', 'metric_rollups', 'metric_deltas']) await run(handle.db, `vacuum (analyze) ${table}`);
      log(`folded the rollups of ${folded} cases from their logs again in ${seconds(performance.now() - started)}`);
    }
    return { handle, schema, generatedMs: undefined };
  }
  log(`generating ${CASES} cases in schema ${schema} on ${DATABASE_URL.replace(/\/\/[^@]*@/, '//')} ...`);
  const started = performance.now();
  const generated = await generateCounty(handle.db, { cases: CASES, batch: BATCH, prototypes: PROTOTYPES, password: PASSWORD, log });
  const generatedMs = performance.now() - started;
  log(`generated ${generated.cases} cases and ${generated.events} events in ${seconds(generatedMs)} (staging ${seconds(generated.stageMs)}, load ${seconds(generated.loadMs)}, indexes ${seconds(generated.indexMs)}, rollups ${seconds(generated.rollupMs)}, vacuum analyze ${seconds(generated.vacuumMs)})`);
  await run(handle.db, `comment on schema ${schema} is 'bench:metrics ${generated.cases} cases, ${generated.events} events, generated ${new Date().toISOString()}'`);
  return { handle, schema, generatedMs };
}

async function dataFigures(handle: DatabaseHandle): Promise<string> {
  const rows = await run<Record<string, string>>(
    handle.db,
    q`
    select (select count(*) from cases) as cases, (select count(*) from case_events) as events,
      (select count(*) from cases where status = 'open') as open,
      (select count(*) from cases c join tenants t on t.tenant_id = c.tenant_id where t.path like ${`/${COUNTY}/${TOWNSHIP}/%`}) as township,
      (select pg_size_pretty(pg_total_relation_size('cases') + pg_total_relation_size('case_events'))) as size`,
  );
  const r = rows[0] ?? {};
  return `data: ${r['cases']} cases (${r['open']} open), ${r['events']} events, ${r['township']} cases in ${TOWNSHIP}'s subtree; cases + case_events ${r['size']} with indexes`;
}

// Waits for the risk register's first sweep (a full pass the first time a server starts on the
// schema each day), so that it does not run under the measurements.
async function settle(handle: DatabaseHandle): Promise<number> {
  const started = performance.now();
  for (;;) {
    // A schema without the risk register (an older tree) has nothing to wait for.
    const rows = await run<{ done: boolean }>(handle.db, 'select exists (select 1 from risk_watermarks where last_full_at is not null) as done').catch(() => [{ done: true }]);
    if (rows[0]?.done || performance.now() - started > 600_000) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

type MetricsBody = {
  received: number; completion: { numerator: number }; onTime: { numerator: number }; response: { numerator: number }; satisfaction: { count: number; average: number | null };
  open: { total: number; overdue: number; byWarning: Record<string, number> }; referrals: { awaiting: number; overdue: number }; goldenIdeas: { count: number; adopted: number; value: number };
};

function figuresOf(body: Record<string, unknown>): Record<string, number> {
  const m = body as unknown as MetricsBody;
  return {
    received: m.received, completed: m.completion.numerator, onTime: m.onTime.numerator, responded: m.response.numerator, ratings: m.satisfaction.count,
    satisfaction: Number((m.satisfaction.average ?? 0).toFixed(2)), open: m.open.total, overdue: m.open.overdue, yellow: m.open.byWarning['yellow'] ?? 0, red: m.open.byWarning['red'] ?? 0,
    referralsAwaiting: m.referrals.awaiting, referralsOverdue: m.referrals.overdue, ideas: m.goldenIdeas.count, ideasAdopted: m.goldenIdeas.adopted, ideasValue: m.goldenIdeas.value,
  };
}

// The sanity check: every figure of the county is non-zero this month or over the 12 months (an
// idea's value is recorded weeks after it is submitted, at its reward, so rarely this month).
function sanity(month: Record<string, unknown>, year: Record<string, unknown>): string {
  const [m, y] = [figuresOf(month), figuresOf(year)];
  const zero = Object.keys(m).filter((k) => !m[k] && !y[k]);
  const line = (f: Record<string, number>) => Object.entries(f).map(([k, v]) => `${k}=${v}`).join(' ');
  return `county metrics, this month: ${line(m)}\ncounty metrics, 12 months: ${line(y)}\n${zero.length ? `WARNING: zero in both: ${zero.join(', ')}` : 'sanity: every figure is non-zero this month or over 12 months'}`;
}

async function benchMetrics(): Promise<Timing[]> {
  const { handle, schema } = await openSchema();
  log(await dataFigures(handle));
  const started = performance.now();
  const server = await startServer({ env: { DATABASE_URL, SHUOSHI_DB_SCHEMA: schema } });
  cleanups.push(async () => void (await server.stop()));
  log(`server ready in ${seconds(performance.now() - started)}; the risk register's first sweep took ${seconds(await settle(handle))} more`);
  const client = createJsonClient(server.baseUrl, 4);
  try {
    const county = await login(client, COUNTY_USER, PASSWORD);
    const township = await login(client, TOWNSHIP_USER, PASSWORD);

    const now = new Date();
    const thisMonth = monthOf(shanghaiDate(now));
    const yearFrom = monthOf(shanghaiDate(new Date(Date.parse(`${thisMonth.first}T00:00:00Z`) - 335 * 86_400_000))).first;
    const year = { from: yearFrom, to: thisMonth.last };
    const get = (label: string, path: string, token: string): TimedOp => ({ label, run: () => getJson(client, path, token) });
    const raw = (label: string, path: string, period: { from?: string; to?: string }): TimedOp => ({ label, run: () => rawRepositoryQuery(handle.db, metricsScope(WORKFLOWS, path, period, new Date())), rounds: RAW_REQUESTS });
    const yearQuery = `from=${year.from}&to=${year.to}`;
    log(sanity(await getJson(client, '/api/metrics', county), await getJson(client, `/api/metrics?${yearQuery}`, county)));
    const full: TimingPlan = { warmup: WARMUP, rounds: REQUESTS };
    const budgeted: TimingPlan = { warmup: WARMUP, rounds: REQUESTS, budgetMs: BUDGET_MS, minRounds: 3 };
    const groups: Array<[TimedOp[], TimingPlan]> = [
      [[get(`township: GET /api/metrics?tenantId=${TOWNSHIP} (month)`, `/api/metrics?tenantId=${TOWNSHIP}`, township), raw('township: raw SQL, repository queries (month)', `/${COUNTY}/${TOWNSHIP}/`, {})], full],
      [[get('township: GET /api/metrics/townships (its unions, month)', `/api/metrics/townships?tenantId=${TOWNSHIP}`, township), get('township: GET /api/metrics/trend (12 months)', `/api/metrics/trend?tenantId=${TOWNSHIP}&months=12`, township)], budgeted],
      [[get('county: GET /api/metrics (month)', '/api/metrics', county), raw('county: raw SQL, repository queries (month)', `/${COUNTY}/`, {})], full],
      [[{ label: 'county: raw SQL, plain scan (month; not the same definitions)', run: () => plainScan(handle.db, metricsScope(WORKFLOWS, `/${COUNTY}/`, {}, new Date())) }], budgeted],
      [[get('county: GET /api/metrics/townships (20 townships, month)', '/api/metrics/townships', county), get('county: GET /api/metrics/trend (12 months)', '/api/metrics/trend?months=12', county)], budgeted],
      [[get(`county: GET /api/metrics?${yearQuery} (12 months)`, `/api/metrics?${yearQuery}`, county), raw('county: raw SQL, repository queries (12 months)', `/${COUNTY}/`, year)], budgeted],
    ];
    const timings: Timing[] = [];
    for (const [ops, plan] of groups) {
      const measured = await timeInterleaved(ops, plan);
      for (const t of measured) log(`  ${t.label}: median ${fmt(t.median, 1)} ms, p90 ${fmt(t.p90, 1)} ms over ${t.samples.length}${t.errors ? `, ${t.errors} errors (${t.error})` : ''}`);
      timings.push(...measured);
    }
    if (EXPLAIN) log(`\nplan of the repository's metrics query, county, this month:\n${await explainRepositoryQuery(handle.db, metricsScope(WORKFLOWS, `/${COUNTY}/`, {}, new Date()))}\n`);
    return timings;
  } finally {
    client.close();
    // The server runs under the heap cap (SERVER_NODE_FLAGS): the million-case county is the
    // heaviest read it serves, so its peak resident set is worth a line.
    const peakKb = await server.stop();
    log(`server peak RSS ${peakKb === undefined ? '?' : fmt(peakKb / 1024, 1)} MB (node ${SERVER_NODE_FLAGS.join(' ')})`);
  }
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  log(`metrics and timers benchmark: ${WITH_METRICS ? `${REUSE ? `schema ${REUSE}` : `${CASES} cases`}, ${REQUESTS} requests per endpoint after ${WARMUP} warm-up` : 'metrics skipped'}; ${TIMERS ? `${TIMERS} timers` : 'timers skipped'}`);
  let timings: Timing[] = [];
  try {
    if (WITH_METRICS) timings = await benchMetrics();
  } finally {
    for (let next = cleanups.pop(); next; next = cleanups.pop()) await next().catch((error: Error) => console.error(`cleanup failed: ${error.message}`));
  }
  const timers: TimerRun[] = [];
  if (TIMERS > 0) for (const processes of [1, 3]) timers.push(await timeTimerDrain({ url: DATABASE_URL, processes, timers: TIMERS, warmupTimers: TIMERS_WARMUP, log }));
  const loadAfter = loadavg();

  log('');
  if (timings.length) log(table(['measurement', 'median ms', 'p90 ms', 'min ms', 'max ms', 'n', 'errors'], timings.map((t) => [t.label, fmt(t.median, 1), fmt(t.p90, 1), fmt(t.min, 1), fmt(t.max, 1), String(t.samples.length), String(t.errors)])));
  if (timers.length) {
    log('');
    log(
      table(
        ['timers', 'due', 'fired', 'cancelled', 'drain ms', 'timers/s', 'from commit ms', 'timers/s from commit', 'server cpu ms/timer'],
        timers.map((r) => [`${r.processes} process${r.processes > 1 ? 'es' : ''}`, String(r.due), String(r.fired), String(r.cancelled), String(r.drainMs), fmt(r.perSecond), String(r.fromCommitMs), fmt(r.perSecondFromCommit), fmt(r.serverCpuMsPerTimer, 2)]),
      ),
    );
  }
  const rows = await (async () => {
    const handle = await createDatabase({ databaseUrl: DATABASE_URL });
    try {
      return await run<{ v: string }>(handle.db, `select current_setting('server_version') as v`);
    } finally {
      await handle.close();
    }
  })();
  log('');
  log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, PostgreSQL ${rows[0]?.v ?? '?'}; load average (1/5/15 min) ${loadBefore.map((l) => l.toFixed(1)).join('/')} before, ${loadAfter.map((l) => l.toFixed(1)).join('/')} after`);

  const find = (prefix: string) => timings.find((t) => t.label.startsWith(prefix));
  const townshipMs = find('township: GET /api/metrics?')?.median;
  const countyMs = find('county: GET /api/metrics (month)')?.median;
  const rawMs = find('county: raw SQL, repository queries (month)')?.median;
  const sum = (prefixes: string[]) => prefixes.reduce((total, prefix) => total + (find(prefix)?.median ?? Number.NaN), 0);
  if (timings.length) {
    log(`township admin's dashboard (metrics + its unions ranked + 12-month trend), sum of medians: ${fmt(sum(['township: GET /api/metrics?', 'township: GET /api/metrics/townships', 'township: GET /api/metrics/trend']), 1)} ms`);
    log(`county admin's dashboard (metrics + 20 townships ranked + 12-month trend), sum of medians: ${fmt(sum(['county: GET /api/metrics (month)', 'county: GET /api/metrics/townships', 'county: GET /api/metrics/trend']), 1)} ms`);
  }
  const ratio = timers.length === 2 ? (timers[1]?.perSecond ?? 0) / (timers[0]?.perSecond ?? 1) : undefined;
  const met = (value: number | undefined, ok: (v: number) => boolean) => (value === undefined ? 'not measured' : ok(value) ? 'met' : 'NOT met');
  log(`target township dashboard < 5 ms at the median: ${fmt(townshipMs, 1)} ms ${met(townshipMs, (v) => v < 5)}`);
  log(`target county dashboard < 20 ms at the median: ${fmt(countyMs, 1)} ms ${met(countyMs, (v) => v < 20)} (raw SQL of the same aggregates ${fmt(rawMs, 1)} ms)`);
  log(`target timers/s with 3 processes >= 1 process: ${fmt(timers[1]?.perSecond)} vs ${fmt(timers[0]?.perSecond)} = ${fmt(ratio, 2)} ${met(ratio, (v) => v >= 1)}`);
  log(`township_dashboard_ms=${fmt(townshipMs, 1)} county_dashboard_ms=${fmt(countyMs, 1)} county_raw_sql_ms=${fmt(rawMs, 1)} timers_3proc_over_1proc=${fmt(ratio, 2)}`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
  killAllServers();
}
