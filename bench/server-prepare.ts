// Database preparation for bench/server.ts: one union, one user, the union-grievance workflow as
// published; and, once the server has opened cases through its API, copies of one of them for
// pgbench and the in-process Kysely loop to step.
import { unionGrievance } from '@shuoshi/engine';
import { hashPassword, type DatabaseHandle } from '@shuoshi/server';

/** The Kysely instance of a database handle. */
export type BenchDb = DatabaseHandle['db'];

/** Who the benchmark acts as. */
export const BENCH_TENANT = 'bench';
export const BENCH_USER = 'bench.user';
export const BENCH_ROLES = ['township_admin', 'intake_operator', 'mediator'];

/**
 * Inserts the union `bench` (path `/bench/`), its user with the roles above, and union-grievance
 * as a published workflow of the union (as publishing it through the API would store it).
 * @example
 * await prepareDatabase(db, 'bench-password-1');
 */
export async function prepareDatabase(db: BenchDb, password: string): Promise<void> {
  await db.insertInto('tenants').values({ tenant_id: BENCH_TENANT, parent_id: null, level: 'county', name_zh: '基准测试工会', name_en: 'Benchmark union', path: `/${BENCH_TENANT}/` }).execute();
  await db
    .insertInto('users')
    .values({ tenant_id: BENCH_TENANT, user_id: BENCH_USER, username: BENCH_USER, display_name: '基准测试', password_hash: await hashPassword(password), roles: BENCH_ROLES })
    .execute();
  await db
    .insertInto('workflows')
    .values({
      tenant_id: BENCH_TENANT,
      workflow_id: `${unionGrievance.key}@${unionGrievance.version}`,
      key: unionGrievance.key,
      version: unionGrievance.version,
      status: 'published',
      title_zh: unionGrievance.title.zh,
      title_en: unionGrievance.title.en,
      definition: JSON.stringify(unionGrievance),
      published_at: new Date(),
    })
    .execute();
}

/** The id of the i-th case that pgbench and the Kysely loop step (pgbench's `:client_id` is i). */
export function copyId(i: number): string {
  return `pgbench-${i}`;
}

/**
 * Copies a case the server opened into `count` cases `pgbench-0..count-1` (same columns, same
 * snapshot, same version), and returns the stored snapshot as JSON text, to be written back by
 * every transaction.
 * @example
 * const snapshot = await copyCasesForPgbench(db, cases[0].id, 16);
 */
export async function copyCasesForPgbench(db: BenchDb, sourceCaseId: string, count: number): Promise<string> {
  const row = await db.selectFrom('cases').selectAll().where('tenant_id', '=', BENCH_TENANT).where('case_id', '=', sourceCaseId).executeTakeFirstOrThrow();
  // metric_facts_pending is PostgreSQL's to compute (a generated column).
  const { overdue, metric_facts_pending: _pending, ...columns } = row;
  for (let i = 0; i < count; i++) {
    await db
      .insertInto('cases')
      .values({ ...columns, overdue, case_id: copyId(i), reference: `PGB-${i}`, data: JSON.stringify(row.data), snapshot: JSON.stringify(row.snapshot), metric_facts: null })
      .execute();
  }
  return JSON.stringify(row.snapshot);
}
