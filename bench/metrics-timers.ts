// The timers part of bench/metrics.ts: on a fresh PostgreSQL schema, K real server processes
// (bench/server-child.ts) are started and drain a warm-up backlog unmeasured; then union-grievance
// cases dated 30 days back are opened in ONE transaction (tests/server/open-cases-in-the-past.ts),
// so that all their timers, already due, appear at once when it commits; the servers' timer workers
// drain them unaided, and this process polls the timers table until no due pending row is left.
import { randomBytes } from 'node:crypto';
import { createDatabase, migrateToLatest } from '@shuoshi/server';
import { openCasesInThePast } from '../tests/server/open-cases-in-the-past.js';
import { q, run } from './metrics-sql.js';
import { startServer, type ServerChild } from './server-child.js';
import { BENCH_TENANT, prepareDatabase } from './server-prepare.js';

/**
 * What one drain measured. `perSecond` counts handled timers (fired, or cancelled as no longer
 * applying) over the time from the first claim (the earliest `fired_at`, which the claiming round
 * stamps) to the poll that found none left; `perSecondFromCommit` over the time from the commit.
 * @example
 * const run: TimerRun = await timeTimerDrain({ url, processes: 3, timers: 2000, warmupTimers: 1500, log: console.log });
 */
export interface TimerRun {
  processes: number;
  cases: number;
  due: number;
  fired: number;
  cancelled: number;
  timerEvents: number;
  drainMs: number;
  fromCommitMs: number;
  perSecond: number;
  perSecondFromCommit: number;
  openMs: number;
  leftPending: number;
  /** User + system CPU of the server processes (all together) per handled timer, in ms. */
  serverCpuMsPerTimer: number;
}

const POLL_MS = 50;

async function countDuePending(db: Awaited<ReturnType<typeof createDatabase>>['db']): Promise<number> {
  const row = await db.selectFrom('timers').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'pending').where('due_at', '<=', new Date()).executeTakeFirstOrThrow();
  return Number(row.n);
}

// Polls until no due timer is pending (or the deadline passes); answers how many are left.
async function drain(db: Awaited<ReturnType<typeof createDatabase>>['db'], deadline: number): Promise<number> {
  let left = await countDuePending(db);
  while (left > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    left = await countDuePending(db);
  }
  return left;
}

/**
 * Measures K processes draining `timers` due timers on a schema of their own (dropped afterwards).
 * @example
 * const one = await timeTimerDrain({ url, processes: 1, timers: 2000, warmupTimers: 1500, log: console.log });
 */
export async function timeTimerDrain(options: { url: string; processes: number; timers: number; warmupTimers: number; timeoutMs?: number; log: (line: string) => void }): Promise<TimerRun> {
  const schema = `benchmt_${randomBytes(6).toString('hex')}`;
  const handle = await createDatabase({ databaseUrl: options.url, schema });
  const servers: ServerChild[] = [];
  try {
    await migrateToLatest(handle.db);
    await prepareDatabase(handle.db, `timers-${randomBytes(6).toString('hex')}`);
    servers.push(...(await Promise.all(Array.from({ length: options.processes }, () => startServer({ env: { DATABASE_URL: options.url, SHUOSHI_DB_SCHEMA: schema } })))));

    // Unmeasured: a first backlog, so that each process has compiled the event path (JIT) before the drain.
    if (options.warmupTimers > 0) {
      await openCasesInThePast(handle.db, { tenantId: BENCH_TENANT, timers: options.warmupTimers, daysAgo: 30 });
      await drain(handle.db, Date.now() + (options.timeoutMs ?? 300_000));
      // Let the outbox deliver what the warm-up's steps queued.
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    const cpu = () => servers.reduce((total, server) => total + (server.cpuMs() ?? 0), 0);
    const measuredFrom = new Date();
    const openStarted = performance.now();
    const cases = await openCasesInThePast(handle.db, { tenantId: BENCH_TENANT, timers: options.timers, daysAgo: 30 });
    const committedAt = Date.now();
    const cpuBefore = cpu();
    const openMs = performance.now() - openStarted;
    const left = await drain(handle.db, committedAt + (options.timeoutMs ?? 300_000));
    const drainedAt = Date.now();
    const cpuMs = cpu() - cpuBefore;

    // Only the measured timers: those of the warm-up were handled before `cpuBefore`.
    const stats = await run<{ fired: string; cancelled: string; pending: string; first: Date | string | null }>(
      handle.db,
      q`
      select count(*) filter (where status = 'fired') as fired, count(*) filter (where status = 'cancelled') as cancelled,
             count(*) filter (where status = 'pending') as pending, min(fired_at) as first
      from timers where status = 'pending' or fired_at >= ${measuredFrom}`,
    );
    const events = await handle.db.selectFrom('case_events').select((eb) => eb.fn.countAll<string>().as('n')).where('type', '=', '$timer').where('created_at', '>=', measuredFrom).executeTakeFirstOrThrow();
    const row = stats[0];
    const fired = Number(row?.fired ?? 0);
    const cancelled = Number(row?.cancelled ?? 0);
    const firstClaim = row?.first ? new Date(row.first).getTime() : committedAt;
    const drainMs = Math.max(1, drainedAt - Math.max(firstClaim, committedAt - 1000));
    const fromCommitMs = Math.max(1, drainedAt - committedAt);
    const handled = fired + cancelled;
    const result: TimerRun = {
      processes: options.processes, cases, due: handled + left, fired, cancelled, timerEvents: Number(events.n), drainMs, fromCommitMs,
      perSecond: handled / (drainMs / 1000), perSecondFromCommit: handled / (fromCommitMs / 1000), openMs, leftPending: left,
      serverCpuMsPerTimer: handled > 0 ? cpuMs / handled : Number.NaN,
    };
    options.log(
      `timers, ${options.processes} process${options.processes > 1 ? 'es' : ''}: ${cases} cases opened in the past in ${(openMs / 1000).toFixed(1)} s; ` +
        `${fired} fired + ${cancelled} cancelled (${result.timerEvents} $timer log entries), ${left} still due; drained in ${drainMs} ms from the first claim ` +
        `(${fromCommitMs} ms from the commit): ${result.perSecond.toFixed(0)}/s (${result.perSecondFromCommit.toFixed(0)}/s from the commit); ` +
        `server CPU ${result.serverCpuMsPerTimer.toFixed(2)} ms per timer`,
    );
    return result;
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await handle.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await handle.close();
  }
}
