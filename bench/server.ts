// Benchmark: the server's event path through HTTP against pgbench running the same transaction
// pattern, at 1, 4 and 16 concurrent clients, on PostgreSQL; then the same server on embedded
// PGlite against the same pattern through Kysely in-process (pgbench cannot talk to PGlite).
// Measures, never asserts: prints a table, the targets of issue 3 with the measured figures, and
// as the last line `server_events_per_s_c16=N pgbench_tps_c16=M ratio=R` (PostgreSQL, 16 clients).
//
// Server: the real CLI, built (`node packages/server/dist/cli/main.js start`, as `pnpm start` runs
// it; built first when stale) as a child process, on a fresh PostgreSQL schema `bench_<random>`
// (or a temporary PGlite folder) that this script migrates and seeds with one union, one user and
// union-grievance as published. The cases are opened through the API (POST /api/cases, then accept,
// handle_directly, claim) into `direct_handling`, whose `claim` (assign the actor, no target) can
// be sent again and again. Each client then sends `claim` to its own case with the version it last
// saw, each on its own keep-alive connection, for a warm-up and a measured window; any status but
// 200 is an error. The clients are wrk's (bench/server-wrk.ts and .lua: C, as pgbench's clients
// are, so neither latency carries its client's JavaScript) when wrk is installed, else the node
// load generator's (bench/server-http-connection.ts).
// Per event the server authenticates the token (a query, or the caller cache for a token seen in
// the last 5 s), reads the case and checks the version, steps the engine, then writes in ONE
// statement guarded by that version and the row's xmin: the case row (locked by the update), the
// log entry, timers and outbox rows (packages/server/src/cases/write-step.ts) — two round trips in
// all. Each client's next event is for the version the server wrote, which the server holds in its
// case row cache: that read is skipped, one round trip (BENCH_CASE_CACHE=false: two).
//
// pgbench: bench/pgbench-event.sql — lock the case row, versioned update with the stored snapshot,
// insert the event — each client on its own copy of a case the server opened.
//
// Two references split the gap: "bare http" (bench/server-floor.ts: node:http + the same
// transaction through Kysely, driven by the same load generator) and "kysely" (the transaction
// through Kysely in this process, no HTTP).
//
// Knobs (environment):
//   BENCH_DATABASE_URL        else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test
//   BENCH_CLIENTS             1,4,16
//   BENCH_WARMUP_MS           1000 (per run, unmeasured)
//   BENCH_DURATION_MS         5000 (measured per run; whole seconds, as pgbench -T takes them)
//   BENCH_SERVER_WARMUP_MS    3000 (load at the highest client count once the server is up,
//                             unmeasured, so that V8 has compiled the hot path)
//   BENCH_PGLITE              true (the PGlite part)
//   BENCH_DIRECT              true (the in-process Kysely reference on PostgreSQL too)
//   BENCH_FLOOR               true (the bare node:http + Kysely reference, bench/server-floor.ts)
//   BENCH_CPU_PROF            a folder: run the server under `node --cpu-prof`, profiles there;
//                             summarise one with `npx tsx bench/server-profile.ts FILE`
//   BENCH_SERVER_NODE_OPTIONS NODE_OPTIONS for the server (experiments only)
//   BENCH_SERVER_FLAGS        node and V8 flags added to the server's command line (experiments only;
//                             e.g. --single-threaded-gc, which NODE_OPTIONS refuses)
//   BENCH_SERVER_MAIN         the server's entry instead of packages/server/dist/cli/main.js (e.g.
//                             packages/server/src/cli/main.ts: the sources through tsx's loader)
//   BENCH_SERVER_WORKERS      1 (SHUOSHI_WORKERS of the PostgreSQL server, as the product's default;
//                             "auto" for one process per CPU)
//   BENCH_LOADGEN             wrk when it is installed (apt-get install -y wrk), else node
//   BENCH_CASE_CACHE          true (false: the servers run with SHUOSHI_CASE_CACHE_SIZE=0, so every
//                             event reads its case)
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDatabase, migrateToLatest, type DatabaseHandle } from '@shuoshi/server';
import { ensureServerMain, killAllServers, startServer, type ServerChild } from './server-child.js';
import { runDirectLoad } from './server-direct.js';
import { runWrkLoad, wrkAvailable, type RefreshVersions } from './server-wrk.js';
import { createJsonClient, login, openBenchCases, runEventLoad, type BenchCase, type LoadFigures } from './server-load.js';
import { postgresCpuMs } from './postgres-cpu.js';
import { pgbenchVersion, runPgbench, type PgbenchTarget } from './server-pgbench.js';
import { BENCH_TENANT, BENCH_USER, copyCasesForPgbench, copyId, prepareDatabase, type BenchDb } from './server-prepare.js';
import { fmt, mb, table, type RunFigures } from './server-stats.js';

function flag(name: string, fallback: boolean): boolean {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : !['false', '0', 'no'].includes(value.toLowerCase());
}

const DATABASE_URL = process.env['BENCH_DATABASE_URL'] || process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
const CLIENTS = (process.env['BENCH_CLIENTS'] ?? '1,4,16').split(',').map((c) => Number(c.trim()));
const WARMUP_MS = Number(process.env['BENCH_WARMUP_MS'] ?? 1000);
const SERVER_WARMUP_MS = Number(process.env['BENCH_SERVER_WARMUP_MS'] ?? 3000);
const DURATION_S = Math.max(1, Math.round(Number(process.env['BENCH_DURATION_MS'] ?? 5000) / 1000));
const DURATION_MS = DURATION_S * 1000;
const WITH_PGLITE = flag('BENCH_PGLITE', true);
const WITH_DIRECT = flag('BENCH_DIRECT', true);
const WITH_FLOOR = flag('BENCH_FLOOR', true);
const SERVER_WORKERS = process.env['BENCH_SERVER_WORKERS'] || '1';
const CASE_CACHE_ENV: Record<string, string> = flag('BENCH_CASE_CACHE', true) ? {} : { SHUOSHI_CASE_CACHE_SIZE: '0' };
const LOADGEN = process.env['BENCH_LOADGEN'] || (wrkAvailable() ? 'wrk' : 'node');
const CPU_PROF = process.env['BENCH_CPU_PROF'] ? resolve(process.env['BENCH_CPU_PROF']) : undefined;
const PASSWORD = `bench-${randomBytes(8).toString('hex')}`;
const MAX_CLIENTS = Math.max(...CLIENTS);

if (CLIENTS.some((c) => !Number.isInteger(c) || c < 1 || c > 64)) throw new Error(`BENCH_CLIENTS must list client counts from 1 to 64, e.g. "1,4,16"; got ${JSON.stringify(process.env['BENCH_CLIENTS'])}`);
if (LOADGEN !== 'wrk' && LOADGEN !== 'node') throw new Error(`BENCH_LOADGEN must be wrk or node, got ${JSON.stringify(LOADGEN)}`);
if (LOADGEN === 'wrk' && !wrkAvailable()) throw new Error('BENCH_LOADGEN=wrk, but wrk is not installed: apt-get install -y wrk');
if (!Number.isFinite(WARMUP_MS) || WARMUP_MS < 0) throw new Error(`BENCH_WARMUP_MS must be a number of milliseconds, got ${JSON.stringify(process.env['BENCH_WARMUP_MS'])}`);

// Cleanup runs last-registered first, on success, failure and Ctrl-C alike.
const cleanups: Array<{ what: string; run: () => Promise<void> | void }> = [];
async function cleanUp(): Promise<void> {
  for (let next = cleanups.pop(); next; next = cleanups.pop()) {
    try {
      await next.run();
    } catch (error) {
      console.error(`cleanup (${next.what}) failed: ${(error as Error).message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    killAllServers();
    void cleanUp().finally(() => process.exit(130));
  });
}

interface Row {
  database: 'postgresql' | 'pglite';
  clients: number;
  server?: LoadFigures;
  floor?: LoadFigures;
  pgbench?: RunFigures;
  /** PostgreSQL's CPU over pgbench's measured run (its connections' start included). */
  pgbenchDatabaseCpuMs?: number | undefined;
  direct?: RunFigures;
}

interface ServerRun {
  rows: Row[];
  processes: number;
  /** Sum of the processes' VmHWM (a cluster's); equal to peakRssKb for one process. */
  totalPeakRssKb: number | undefined;
  peakRssKb: number | undefined;
  sampledRssKb: number;
  readyRssKb: number | undefined;
  readyMs: number;
}

function line(label: string, figures: RunFigures | undefined, unit: string): string {
  if (!figures) return '';
  const errors = figures.errors > 0 ? `, ${figures.errors} errors (${figures.errorSamples.join(' | ')})` : '';
  return `${label} ${fmt(figures.perSecond)} ${unit} p50 ${fmt(figures.p50Ms, 2)} ms p99 ${fmt(figures.p99Ms, 2)} ms${errors}`;
}

type LoadOptions = Parameters<typeof runEventLoad>[3] & { refresh: RefreshVersions };

// The node load generator reads every answer, so it knows the versions; wrk needs them read (see RefreshVersions).
function runLoad(baseUrl: string, token: string, cases: BenchCase[], options: LoadOptions): Promise<LoadFigures> {
  return LOADGEN === 'wrk' ? runWrkLoad(baseUrl, token, cases, options) : runEventLoad(baseUrl, token, cases, options);
}

// Through the API, on a connection of its own: a kept-alive one may have timed out during a run.
function versionsFromApi(baseUrl: string, token: string): RefreshVersions {
  return async (cases) => {
    const client = createJsonClient(baseUrl, 1);
    try {
      for (const benchCase of cases) {
        const response = await client.send('GET', `/api/cases/${encodeURIComponent(benchCase.id)}`, undefined, token);
        const version = (response.body as { version?: unknown } | undefined)?.version;
        if (response.status !== 200 || typeof version !== 'number') throw new Error(`GET /api/cases/${benchCase.id} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
        benchCase.version = version;
      }
    } finally {
      client.close();
    }
  };
}

// The floor server has no read route: its cases' versions come from the database.
function versionsFromDatabase(db: BenchDb): RefreshVersions {
  return async (cases) => {
    const rows = await db.selectFrom('cases').select(['case_id', 'version']).where('tenant_id', '=', BENCH_TENANT).where('case_id', 'in', cases.map((c) => c.id)).execute();
    for (const benchCase of cases) benchCase.version = rows.find((r) => r.case_id === benchCase.id)?.version ?? benchCase.version;
  };
}

// `databaseCpuMs`: PostgreSQL's CPU counter, when the server runs on it (PGlite runs inside the server).
async function loadServer(server: ServerChild, cases: BenchCase[], clients: number, databaseCpuMs?: () => number | undefined): Promise<LoadFigures> {
  const client = createJsonClient(server.baseUrl, 1);
  let token: string;
  try {
    token = await login(client, BENCH_USER, PASSWORD);
  } finally {
    client.close();
  }
  return runLoad(server.baseUrl, token, cases.slice(0, clients), { warmupMs: WARMUP_MS, durationMs: DURATION_MS, refresh: versionsFromApi(server.baseUrl, token), serverCpuMs: () => server.cpuMs(), ...(databaseCpuMs ? { databaseCpuMs } : {}) });
}

// The floor server steps the copied cases; each client starts from the version stored now.
async function loadFloor(floor: ServerChild, db: BenchDb, clients: number): Promise<LoadFigures> {
  const cases = Array.from({ length: clients }, (_, i) => ({ id: copyId(i), version: 0 }));
  const refresh = versionsFromDatabase(db);
  await refresh(cases);
  return runLoad(floor.baseUrl, 'floor', cases, { warmupMs: WARMUP_MS, durationMs: DURATION_MS, refresh, serverCpuMs: () => floor.cpuMs(), databaseCpuMs: postgresCpuMs });
}

// Opens the cases, then loads the fresh server unmeasured for SERVER_WARMUP_MS (JIT warm-up).
async function openCases(server: ServerChild): Promise<BenchCase[]> {
  const client = createJsonClient(server.baseUrl, MAX_CLIENTS);
  try {
    const token = await login(client, BENCH_USER, PASSWORD);
    const cases = await openBenchCases(client, token, MAX_CLIENTS, BENCH_TENANT);
    if (SERVER_WARMUP_MS > 0) {
      const warm = await runLoad(server.baseUrl, token, cases, { warmupMs: 0, durationMs: SERVER_WARMUP_MS, refresh: versionsFromApi(server.baseUrl, token) });
      if (warm.errors > 0) throw new Error(`the warm-up got ${warm.errors} errors: ${warm.errorSamples.join(' | ')}`);
    }
    return cases;
  } finally {
    client.close();
  }
}

function profileDir(name: string): string | undefined {
  if (!CPU_PROF) return undefined;
  const dir = join(CPU_PROF, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function settings(db: BenchDb): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.fn<string>('current_setting', [eb.val('server_version')]).as('version'),
      eb.fn<string>('current_setting', [eb.val('fsync')]).as('fsync'),
      eb.fn<string>('current_setting', [eb.val('synchronous_commit')]).as('sync'),
    ])
    .executeTakeFirstOrThrow();
  return `PostgreSQL ${row.version} (fsync ${row.fsync}, synchronous_commit ${row.sync})`;
}

async function benchPostgres(): Promise<ServerRun & { settings: string }> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const handle: DatabaseHandle = await createDatabase({ databaseUrl: DATABASE_URL, schema });
  cleanups.push({
    what: `drop schema ${schema}`,
    run: async () => {
      await handle.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await handle.close();
    },
  });
  const pgSettings = await settings(handle.db);
  await migrateToLatest(handle.db);
  await prepareDatabase(handle.db, PASSWORD);

  const started = performance.now();
  const server = await startServer({ env: { DATABASE_URL, SHUOSHI_DB_SCHEMA: schema, SHUOSHI_WORKERS: SERVER_WORKERS, ...CASE_CACHE_ENV }, cpuProfDir: profileDir('postgresql') });
  const readyMs = performance.now() - started;
  cleanups.push({ what: 'stop the PostgreSQL server', run: async () => void (await server.stop()) });
  const cases = await openCases(server);
  const snapshot = await copyCasesForPgbench(handle.db, cases[0]?.id ?? '', MAX_CLIENTS);
  const target: PgbenchTarget = { url: DATABASE_URL, schema, variables: { tenant: BENCH_TENANT, actor: BENCH_USER, snapshot } };
  let floor: ServerChild | undefined;
  if (WITH_FLOOR) {
    const started = await startServer({ env: { DATABASE_URL, SHUOSHI_DB_SCHEMA: schema, BENCH_SNAPSHOT: snapshot }, main: 'bench/server-floor.ts', args: [] });
    floor = started;
    cleanups.push({ what: 'stop the floor server', run: async () => void (await started.stop()) });
    // Its own warm-up, as the server had.
    if (SERVER_WARMUP_MS > 0) await loadFloor(started, handle.db, MAX_CLIENTS);
  }

  const rows: Row[] = [];
  for (const [index, clients] of CLIENTS.entries()) {
    const row: Row = { database: 'postgresql', clients };
    const pgbench = async () => {
      await runPgbench(target, clients, 1, { log: false }); // warm-up
      const before = postgresCpuMs();
      row.pgbench = await runPgbench(target, clients, DURATION_S);
      const after = postgresCpuMs();
      row.pgbenchDatabaseCpuMs = before === undefined || after === undefined ? undefined : after - before;
    };
    const http = async () => {
      row.server = await loadServer(server, cases, clients, postgresCpuMs);
    };
    // Alternate which runs first so drift on a shared machine hits both alike.
    for (const step of index % 2 === 0 ? [http, pgbench] : [pgbench, http]) await step();
    if (floor) row.floor = await loadFloor(floor, handle.db, clients);
    if (WITH_DIRECT) row.direct = await runDirectLoad(handle.db, snapshot, { clients, warmupMs: WARMUP_MS, durationMs: DURATION_MS });
    console.log(`postgresql c=${clients}: ${[line('server', row.server, 'events/s'), line('pgbench', row.pgbench, 'tps'), line('bare http', row.floor, 'events/s'), line('kysely', row.direct, 'tx/s')].filter(Boolean).join('; ')}; server RSS ${mb(server.rssKb())}`);
    rows.push(row);
  }
  await floor?.stop();
  const sampledRssKb = server.sampledPeakRssKb();
  const processes = server.processCount();
  const totalPeakRssKb = server.totalPeakRssKb();
  const peakRssKb = await server.stop();
  return { rows, processes, totalPeakRssKb, peakRssKb, sampledRssKb, readyRssKb: server.readyRssKb, readyMs, settings: pgSettings };
}

async function benchPglite(): Promise<ServerRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shuoshi-bench-pglite-'));
  cleanups.push({ what: `remove ${dataDir}`, run: () => rmSync(dataDir, { recursive: true, force: true }) });
  {
    const handle = await createDatabase({ dataDir });
    try {
      await migrateToLatest(handle.db);
      await prepareDatabase(handle.db, PASSWORD);
    } finally {
      await handle.close();
    }
  }
  const started = performance.now();
  const server = await startServer({ env: { SHUOSHI_DATA_DIR: dataDir, ...CASE_CACHE_ENV }, cpuProfDir: profileDir('pglite') });
  const readyMs = performance.now() - started;
  cleanups.push({ what: 'stop the PGlite server', run: async () => void (await server.stop()) });
  const cases = await openCases(server);
  const rows: Row[] = [];
  for (const clients of CLIENTS) {
    const row: Row = { database: 'pglite', clients, server: await loadServer(server, cases, clients) };
    console.log(`pglite c=${clients}: ${line('server', row.server, 'events/s')}; server RSS ${mb(server.rssKb())}`);
    rows.push(row);
  }
  const sampledRssKb = server.sampledPeakRssKb();
  const processes = server.processCount();
  const totalPeakRssKb = server.totalPeakRssKb();
  const peakRssKb = await server.stop();

  // The reference: the same transaction pattern in-process on the same folder, the server gone.
  const handle = await createDatabase({ dataDir });
  try {
    const snapshot = await copyCasesForPgbench(handle.db, cases[0]?.id ?? '', MAX_CLIENTS);
    for (const row of rows) {
      row.direct = await runDirectLoad(handle.db, snapshot, { clients: row.clients, warmupMs: WARMUP_MS, durationMs: DURATION_MS });
      console.log(`pglite c=${row.clients}: ${line('kysely in-process', row.direct, 'tx/s')}`);
    }
  } finally {
    await handle.close();
  }
  return { rows, processes, totalPeakRssKb, peakRssKb, sampledRssKb, readyRssKb: server.readyRssKb, readyMs };
}

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

function perEvent(cpuMs: number | undefined, count: number | undefined): string {
  return cpuMs === undefined || !count ? '-' : fmt(cpuMs / count, 2);
}

function met(ok: boolean | undefined): string {
  return ok === undefined ? 'not measured' : ok ? 'met' : 'NOT met';
}

async function main(): Promise<void> {
  const pgbench = await pgbenchVersion();
  const loadBefore = loadavg()[0] ?? 0;
  console.log(`server event path vs pgbench: clients ${CLIENTS.join(', ')}, ${WARMUP_MS} ms warm-up + ${DURATION_MS} ms measured per run, ${SERVER_WARMUP_MS} ms server warm-up, load generator ${LOADGEN}${LOADGEN === 'node' ? ' (wrk is not installed: its C clients load the server as pgbench loads PostgreSQL; apt-get install -y wrk)' : ''}`);
  // The server runs built, as `pnpm start` runs it: build it now (when stale), not inside a start-up time.
  await ensureServerMain();
  const postgres = await benchPostgres();
  const pglite = WITH_PGLITE ? await benchPglite() : undefined;
  const rows = [...postgres.rows, ...(pglite?.rows ?? [])];

  console.log('');
  console.log(
    table(
      ['database', 'clients', 'server ev/s', 'p50 ms', 'p99 ms', 'errors', 'pgbench tps', 'p50 ms', 'p99 ms', 'ratio', 'bare http ev/s', 'p50 ms', 'kysely tx/s', 'p50 ms', 'server cpu ms/ev', 'bare cpu ms/ev', 'loadgen cpu ms/ev', 'db cpu ms/ev', 'db cpu ms/pgbench tx', 'db cpu ms/bare ev'],
      rows.map((r) => [
        r.database,
        String(r.clients),
        fmt(r.server?.perSecond),
        fmt(r.server?.p50Ms, 2),
        fmt(r.server?.p99Ms, 2),
        String(r.server?.errors ?? '-'),
        fmt(r.pgbench?.perSecond),
        fmt(r.pgbench?.p50Ms, 2),
        fmt(r.pgbench?.p99Ms, 2),
        fmt(ratio(r.server?.perSecond, r.pgbench?.perSecond), 2),
        fmt(r.floor?.perSecond),
        fmt(r.floor?.p50Ms, 2),
        fmt(r.direct?.perSecond),
        fmt(r.direct?.p50Ms, 2),
        perEvent(r.server?.serverCpuMs, r.server?.count),
        perEvent(r.floor?.serverCpuMs, r.floor?.count),
        perEvent(r.server?.clientCpuMs, r.server?.count),
        perEvent(r.server?.databaseCpuMs, r.server?.count),
        perEvent(r.pgbenchDatabaseCpuMs, r.pgbench?.count),
        perEvent(r.floor?.databaseCpuMs, r.floor?.count),
      ]),
    ),
  );
  console.log('');
  const cluster = postgres.processes > 1 ? `; the PostgreSQL server ran as ${postgres.processes} processes (a primary and ${postgres.processes - 1} server processes, SHUOSHI_WORKERS=${SERVER_WORKERS}): RSS figures are of the largest one, all together ${mb(postgres.totalPeakRssKb)} at most` : '';
  console.log(`server peak RSS (VmHWM): PostgreSQL ${mb(postgres.peakRssKb)} (VmRSS when ready ${mb(postgres.readyRssKb)}, highest sampled ${mb(postgres.sampledRssKb)}), PGlite ${mb(pglite?.peakRssKb)} (when ready ${mb(pglite?.readyRssKb)}, highest sampled ${mb(pglite?.sampledRssKb)})${cluster}`);
  console.log(`server case row cache: ${CASE_CACHE_ENV['SHUOSHI_CASE_CACHE_SIZE'] === '0' ? 'off (SHUOSHI_CASE_CACHE_SIZE=0: every event reads its case)' : 'on (the default: an event for the version the server wrote skips reading the case)'}`);
  console.log(`server ready after: PostgreSQL ${fmt(postgres.readyMs)} ms, PGlite ${pglite ? fmt(pglite.readyMs) : '-'} ms`);
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, ${postgres.settings}, ${pgbench}; 1-minute load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`);
  if (CPU_PROF) console.log(`server CPU profiles: ${CPU_PROF}/postgresql, ${CPU_PROF}/pglite`);

  const top = postgres.rows.find((r) => r.clients === 16) ?? postgres.rows.find((r) => r.clients === MAX_CLIENTS);
  const one = postgres.rows.find((r) => r.clients === 1);
  const topRatio = ratio(top?.server?.perSecond, top?.pgbench?.perSecond);
  const p50Ratio = ratio(one?.server?.p50Ms, one?.pgbench?.p50Ms);
  const errors = rows.reduce((n, r) => n + (r.server?.errors ?? 0) + (r.floor?.errors ?? 0), 0);
  console.log(`target ratio >= 0.5 at ${top?.clients ?? '-'} clients on PostgreSQL: ${fmt(topRatio, 2)} ${met(topRatio === undefined ? undefined : topRatio >= 0.5)}`);
  console.log(`target p50 at 1 client within 2x pgbench's: ${fmt(one?.server?.p50Ms, 2)} ms vs ${fmt(one?.pgbench?.p50Ms, 2)} ms = ${fmt(p50Ratio, 2)}x ${met(p50Ratio === undefined ? undefined : p50Ratio <= 2)}`);
  console.log(`target peak RSS <= 250 MB on PostgreSQL: ${mb(postgres.peakRssKb)} ${met(postgres.peakRssKb === undefined ? undefined : postgres.peakRssKb <= 250 * 1024)}; PGlite ${mb(pglite?.peakRssKb)} (reported only)`);
  console.log(`errors (non-200 answers) over all HTTP runs: ${errors}`);
  console.log(`server_events_per_s_c${top?.clients ?? 16}=${fmt(top?.server?.perSecond)} pgbench_tps_c${top?.clients ?? 16}=${fmt(top?.pgbench?.perSecond)} ratio=${fmt(topRatio, 2)}`);
}

try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
