// The in-process reference of bench/server.ts: the same transaction pattern as
// bench/pgbench-event.sql, through Kysely in this process, K concurrent loops each on its own case.
import { ErrorLog, Latencies, type RunFigures } from './server-stats.js';
import { BENCH_ROLES, BENCH_TENANT, BENCH_USER, copyId, type BenchDb } from './server-prepare.js';

/**
 * The same transaction pattern as bench/pgbench-event.sql, through Kysely in this process: lock
 * the case and read its version, write the next version with the snapshot, append the event.
 * @example
 * await directEvent(db, 'pgbench-0', snapshot);
 */
export async function directEvent(db: BenchDb, caseId: string, snapshot: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('cases').select('version').where('tenant_id', '=', BENCH_TENANT).where('case_id', '=', caseId).forUpdate().executeTakeFirstOrThrow();
    const next = row.version + 1;
    await trx.updateTable('cases').set({ version: next, snapshot, updated_at: new Date() }).where('tenant_id', '=', BENCH_TENANT).where('case_id', '=', caseId).execute();
    await trx
      .insertInto('case_events')
      .values({
        tenant_id: BENCH_TENANT,
        case_id: caseId,
        seq: next,
        type: 'claim',
        actor_id: BENCH_USER,
        actor_roles: BENCH_ROLES,
        data: '{}',
        effects: '[]',
        state_from: 'direct_handling',
        state_to: 'direct_handling',
        warning: 'green',
        created_at: new Date(),
      })
      .execute();
  });
}

/**
 * Runs `clients` loops of directEvent, each on its own copied case, for `warmupMs + durationMs`;
 * counts the transactions committed within the measured window and records their latency.
 * @example
 * const figures = await runDirectLoad(db, snapshot, { clients: 16, warmupMs: 1000, durationMs: 5000 });
 */
export async function runDirectLoad(db: BenchDb, snapshot: string, options: { clients: number; warmupMs: number; durationMs: number }): Promise<RunFigures> {
  const latencies = new Latencies();
  const errors = new ErrorLog();
  const windowStart = performance.now() + options.warmupMs;
  const windowEnd = windowStart + options.durationMs;
  let completed = 0;
  async function loop(i: number): Promise<void> {
    let failures = 0;
    for (;;) {
      const started = performance.now();
      if (started >= windowEnd) return;
      try {
        await directEvent(db, copyId(i), snapshot);
      } catch (error) {
        errors.add((error as Error).message);
        if (++failures >= 100) throw new Error(`100 transactions in a row failed: ${errors.samples.join('; ')}`);
        continue;
      }
      const done = performance.now();
      if (done >= windowStart && done <= windowEnd) {
        completed++;
        latencies.add(done - started);
      }
    }
  }
  await Promise.all(Array.from({ length: options.clients }, (_, i) => loop(i)));
  return { perSecond: completed / (options.durationMs / 1000), p50Ms: latencies.percentile(0.5), p99Ms: latencies.percentile(0.99), count: completed, errors: errors.count, errorSamples: errors.samples };
}
