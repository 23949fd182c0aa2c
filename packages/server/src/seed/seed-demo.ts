import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../auth/password.js';
import type { Database } from '../db/database.js';
import { compactRollups, insertRollupDeltas } from '../rollups/index.js';
import { buildDemoData } from './build-demo-data.js';
import { caseRows, type CaseRows } from './case-rows.js';
import { DEMO_AGENCIES, DEMO_ENTERPRISES, demoCreditCode } from './demo-organisations.js';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-staff.js';
import { DEMO_TENANTS, demoTenantPaths } from './demo-tenants.js';

/**
 * What the demo seed wrote, and how long it took.
 * @example
 * const summary = await seedDemo(db); // { tenants: 14, users: 66, cases: 300, ... }
 */
export interface SeedSummary {
  tenants: number;
  users: number;
  agencies: number;
  enterprises: number;
  workflows: number;
  cases: number;
  events: number;
  timers: number;
  pendingTimers: number;
  outbox: number;
  ms: number;
}

/**
 * Options of the seed: "now" (cases spread over the year before it; the real time by default),
 * the PRNG seed and the number of cases.
 * @example
 * const options: SeedOptions = { now: new Date('2026-11-29T09:00:00+08:00'), seed: 7, cases: 300 };
 */
export interface SeedOptions {
  now?: Date;
  seed?: number;
  cases?: number;
}

const DAY = 86_400_000;
// Any constant will do: it only keeps two processes from seeding one database at once.
const SEED_LOCK = 42_062_025;

async function insertInChunks<T>(rows: readonly T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Tells whether the database holds no union yet (a fresh install that the demo may fill).
 * @example
 * if (await isDatabaseEmpty(db)) await seedDemo(db);
 */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('tenants').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count) === 0;
}

/**
 * Seeds the Ninghai demo in one transaction when the database has no tenants (and returns what it
 * wrote), else does nothing and returns null; an advisory lock keeps two servers starting together
 * from both seeding. Rows go in directly, in batches, as the event path would have written them.
 * @example
 * const summary = await seedDemoIfEmpty(db);
 * if (summary) console.log(`${summary.cases} demo cases in ${summary.ms} ms`);
 */
export async function seedDemoIfEmpty(db: Kysely<Database>, options: SeedOptions = {}): Promise<SeedSummary | null> {
  const started = performance.now();
  const now = (options.now ?? new Date()).getTime();
  const data = buildDemoData({ now, ...(options.seed !== undefined ? { seed: options.seed } : {}), ...(options.cases !== undefined ? { cases: options.cases } : {}) });
  const definitions = new Map(data.workflows.map(({ workflow }) => [`${workflow.key}@${workflow.version}`, workflow]));
  const rows: CaseRows[] = data.cases.map((demoCase) => {
    const { key, version } = demoCase.walked.plan.workflow;
    const workflow = definitions.get(`${key}@${version}`);
    if (!workflow) throw new Error(`Demo case ${demoCase.reference} runs on ${key} v${version}, which the demo does not publish.`);
    return caseRows(demoCase, workflow);
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const paths = demoTenantPaths();
  const since = new Date(now - 400 * DAY);

  const written = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if (!(await isDatabaseEmpty(trx))) return false;
    await trx
      .insertInto('tenants')
      .values(DEMO_TENANTS.map((t) => ({ tenant_id: t.id, parent_id: t.parent, level: t.level, name_zh: t.zh, name_en: t.en, path: paths.get(t.id) ?? `/${t.id}/`, created_at: since })))
      .execute();
    await trx
      .insertInto('users')
      .values(DEMO_STAFF.map((s) => ({ tenant_id: s.tenant, user_id: s.username, username: s.username, display_name: s.displayName, password_hash: passwordHash, roles: s.roles, created_at: since })))
      .execute();
    await trx
      .insertInto('agencies')
      .values(DEMO_AGENCIES.map((a) => ({ tenant_id: 'ninghai', agency_id: a.code, code: a.code, name_zh: a.zh, name_en: a.en, contact: a.contact, created_at: since })))
      .execute();
    await trx
      .insertInto('enterprises')
      .values(DEMO_ENTERPRISES.map((e, index) => ({ tenant_id: e.tenant, enterprise_id: e.id, name: e.name, credit_code: demoCreditCode(index + 1), industry: e.industry, workers: e.workers, created_at: since })))
      .execute();
    await trx
      .insertInto('workflows')
      .values(
        data.workflows.map(({ tenant, workflow, overlay, parent }) => ({
          tenant_id: tenant,
          workflow_id: `${workflow.key}@${workflow.version}`,
          key: workflow.key,
          version: workflow.version,
          status: 'published' as const,
          title_zh: workflow.title.zh,
          title_en: workflow.title.en,
          definition: JSON.stringify(workflow),
          overlay: overlay ? JSON.stringify(overlay) : null,
          parent_tenant_id: parent?.tenant ?? null,
          parent_key: parent?.key ?? null,
          parent_version: parent?.version ?? null,
          note: overlay ? '演示数据：乡镇定制流程 / demo: township overlay' : '演示数据：县总工会模板 / demo: county template',
          created_by: tenant === 'ninghai' ? 'ninghai.admin' : `${tenant}.admin`,
          created_at: since,
          published_at: since,
        })),
      )
      .execute();
    await insertInChunks(rows, 100, (chunk) => trx.insertInto('cases').values(chunk.map((r) => r.case)).execute());
    await insertInChunks(rows.flatMap((r) => r.events), 500, (chunk) => trx.insertInto('case_events').values(chunk).execute());
    await insertInChunks(rows.flatMap((r) => r.timers), 1000, (chunk) => trx.insertInto('timers').values(chunk).execute());
    await insertInChunks(rows.flatMap((r) => r.outbox), 500, (chunk) => trx.insertInto('outbox').values(chunk).execute());
    await insertInChunks(rows.flatMap((r) => r.rollups), 1000, (chunk) => insertRollupDeltas(trx, chunk));
    await compactRollups(trx);
    return true;
  });
  if (!written) return null;
  const timers = rows.flatMap((r) => r.timers);
  return {
    tenants: DEMO_TENANTS.length,
    users: DEMO_STAFF.length,
    agencies: DEMO_AGENCIES.length,
    enterprises: DEMO_ENTERPRISES.length,
    workflows: data.workflows.length,
    cases: rows.length,
    events: rows.reduce((n, r) => n + r.events.length, 0),
    timers: timers.length,
    pendingTimers: timers.filter((t) => t.status === 'pending').length,
    outbox: rows.reduce((n, r) => n + r.outbox.length, 0),
    ms: Math.round(performance.now() - started),
  };
}
