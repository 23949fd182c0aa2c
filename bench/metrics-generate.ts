// The generated county of bench/metrics.ts: a county union with 20 townships (3 of them parks),
// each with 3-5 enterprise unions; the built-in templates published by the county; a county and a
// township user; and `cases` cases with their logs, copied IN SQL from the staged prototypes
// (bench/metrics-prototypes.ts) in batches of INSERT ... SELECT over generate_series.
import { BUILTIN_TEMPLATES, createEngine } from '@shuoshi/engine';
import { hashPassword, rebuildRollups } from '@shuoshi/server';
import { PICK_SLOTS, stagePrototypes } from './metrics-prototypes.js';
import { q, run } from './metrics-sql.js';
import type { BenchDb } from './server-prepare.js';

/**
 * The generated county union's id (its path is `/benchm/`).
 * @example
 * `/${COUNTY}/`; // '/benchm/'
 */
export const COUNTY = 'benchm';

/**
 * How many townships (the last 3 of them parks) the county has.
 * @example
 * townshipId(TOWNSHIPS); // 'benchm_t20'
 */
export const TOWNSHIPS = 20;

/**
 * The county user's name (county_admin, supervisor, in the county union).
 * @example
 * await login(client, COUNTY_USER, password);
 */
export const COUNTY_USER = 'benchm.admin';

/**
 * The township user's name (township_admin of the first township).
 * @example
 * await login(client, TOWNSHIP_USER, password);
 */
export const TOWNSHIP_USER = 'benchm_t01.admin';

/**
 * The id of the t-th township (1-based), e.g. `benchm_t07`.
 * @example
 * townshipId(1); // 'benchm_t01'
 */
export function townshipId(t: number): string {
  return `${COUNTY}_t${String(t).padStart(2, '0')}`;
}

function enterpriseCount(t: number): number {
  return 3 + (t % 3);
}

/**
 * What generating the county took and wrote.
 * @example
 * const g: Generated = { cases: 1_000_000, events: 6_900_000, prototypes: 2280, stageMs: 9000, loadMs: 300000, indexMs: 90000, rollupMs: 120000, vacuumMs: 60000 };
 */
export interface Generated {
  cases: number;
  events: number;
  prototypes: number;
  stageMs: number;
  loadMs: number;
  indexMs: number;
  /** Folding every case's log into the metric rollups. */
  rollupMs: number;
  vacuumMs: number;
}

async function insertOrganisation(db: BenchDb, workflows: Awaited<ReturnType<typeof stagePrototypes>>['workflows']): Promise<void> {
  type Level = 'county' | 'township' | 'park' | 'enterprise';
  const tenants: Array<{ tenant_id: string; parent_id: string | null; level: Level; name_zh: string; name_en: string; path: string }> = [
    { tenant_id: COUNTY, parent_id: null, level: 'county', name_zh: '基准县总工会', name_en: 'Benchmark county union', path: `/${COUNTY}/` },
  ];
  for (let t = 1; t <= TOWNSHIPS; t++) {
    const id = townshipId(t);
    const park = t > TOWNSHIPS - 3;
    tenants.push({ tenant_id: id, parent_id: COUNTY, level: park ? 'park' : 'township', name_zh: `基准${park ? '园区' : '乡镇'}${t}工会`, name_en: `Benchmark ${park ? 'park' : 'township'} ${t} union`, path: `/${COUNTY}/${id}/` });
    for (let e = 1; e <= enterpriseCount(t); e++) {
      tenants.push({ tenant_id: `${id}_e${e}`, parent_id: id, level: 'enterprise', name_zh: `基准企业${t}-${e}工会`, name_en: `Benchmark enterprise ${t}-${e} union`, path: `/${COUNTY}/${id}/${id}_e${e}/` });
    }
  }
  await db.insertInto('tenants').values(tenants).execute();
  await db
    .insertInto('workflows')
    .values(
      workflows.map((w) => ({
        tenant_id: COUNTY, workflow_id: `${w.key}@${w.version}`, key: w.key, version: w.version, status: 'published' as const,
        title_zh: w.title.zh, title_en: w.title.en, definition: JSON.stringify(w), published_at: new Date(Date.now() - 800 * 86_400_000),
      })),
    )
    .execute();
}

/**
 * Creates (or, on a reused schema, resets the password of) the county user and the township user.
 * @example
 * await upsertBenchUsers(db, 'secret-1');
 */
export async function upsertBenchUsers(db: BenchDb, password: string): Promise<void> {
  const hash = await hashPassword(password);
  const users = [
    { tenant_id: COUNTY, user_id: COUNTY_USER, username: COUNTY_USER, display_name: '县总工会管理员', password_hash: hash, roles: ['county_admin', 'supervisor'] },
    { tenant_id: townshipId(1), user_id: TOWNSHIP_USER, username: TOWNSHIP_USER, display_name: '乡镇工会管理员', password_hash: hash, roles: ['township_admin'] },
  ];
  for (const user of users) {
    await db.insertInto('users').values(user).onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ password_hash: hash })).execute();
  }
}

// Which case goes where, from deterministic per-case randoms: 4% at the county's own desk; else a
// township (uniformly), 35% at the township union itself, 65% at one of its enterprise unions. Half
// the cases fall in the last year (any prototype, shifted back 0-2 days), half in the year before
// (closed prototypes only, shifted back a year and 0-2 days). Every time lies before now.
function placeCases(cases: number) {
  const county = q`${COUNTY}::text`;
  return q`
  insert into bm_gen (i, tenant_id, town, case_id, proto, back)
  with g as (
    select i, bm_rand(i, 1) < 0.5 as old, bm_rand(i, 2) as r_slot, bm_rand(i, 3) as r_shift, bm_rand(i, 10) as r_level,
           1 + floor(bm_rand(i, 11) * ${TOWNSHIPS}::int)::int as t, bm_rand(i, 12) as r_own, bm_rand(i, 13) as r_enterprise
    from generate_series(1, ${cases}::int) as i
  ), placed as (
    select g.*, ${county} || '_t' || lpad(g.t::text, 2, '0') as town from g
  )
  select p.i,
    case when p.r_level < 0.04 then ${county} when p.r_own < 0.35 then p.town else p.town || '_e' || (1 + floor(p.r_enterprise * (3 + p.t % 3)))::int end,
    case when p.r_level < 0.04 then ${county} else p.town end,
    md5(${county} || '-case-' || p.i)::uuid::text,
    k.proto,
    make_interval(secs => (case when p.old then 365 * 86400 else 0 end) + p.r_shift * 2 * 86400)
  from placed p join bm_pick k on k.list = (case when p.old then 1 else 0 end) and k.slot = floor(p.r_slot * ${PICK_SLOTS}::int)::int`;
}

const FUNCTIONS = [
  // A uniform random in [0, 1) that is a pure function of (i, salt): both inserts of a batch see the same.
  `create or replace function bm_rand(i bigint, salt int) returns double precision language sql immutable parallel safe
     as $$ select (hashint8(i * 7919 + salt)::bigint + 2147483648)::double precision / 4294967296.0 $$`,
  // Staff ids of the demo ('gaotan.intake') become the same role in the generated township ('benchm_t03.intake').
  `create or replace function bm_staff(id text, town text) returns text language sql immutable parallel safe
     as $$ select case when id like '%.%' then town || substr(id, strpos(id, '.')) else id end $$`,
];

async function dropIndexes(db: BenchDb): Promise<Array<{ table: string; name: string; constraint: boolean; def: string }>> {
  const rows = await run<{ table: string; name: string; constraint: boolean; def: string }>(
    db,
    `
    select c.relname as table, ic.relname as name, k.oid is not null as constraint,
           coalesce(pg_get_constraintdef(k.oid), pg_get_indexdef(i.indexrelid)) as def
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
    join pg_namespace n on n.oid = c.relnamespace left join pg_constraint k on k.conindid = i.indexrelid and k.conrelid = c.oid
    where n.nspname = current_schema() and c.relname in ('cases', 'case_events')`,
  );
  for (const index of rows) {
    await run(db, index.constraint ? `alter table ${index.table} drop constraint ${index.name}` : `drop index ${index.name}`);
  }
  return rows;
}

async function restoreIndexes(db: BenchDb, indexes: Array<{ table: string; name: string; constraint: boolean; def: string }>): Promise<void> {
  for (const index of indexes) {
    await db.transaction().execute(async (trx) => {
      await run(trx, `set local maintenance_work_mem = '256MB'`);
      await run(trx, index.constraint ? `alter table ${index.table} add constraint ${index.name} ${index.def}` : index.def);
    });
  }
}

/**
 * Generates the county into an empty, migrated schema: organisation, workflows, users, then
 * `cases` cases and their logs in batches of `batch`, with the tables' indexes dropped during the
 * load and rebuilt after it, then VACUUM ANALYZE. Progress goes to `log`.
 * @example
 * const generated = await generateCounty(db, { cases: 1_000_000, batch: 100_000, password, log: console.log });
 */
export async function generateCounty(db: BenchDb, options: { cases: number; batch: number; prototypes: number; password: string; log: (line: string) => void }): Promise<Generated> {
  const { log } = options;
  const stageStarted = performance.now();
  const staged = await stagePrototypes(db, { count: options.prototypes, now: Date.now() });
  await insertOrganisation(db, staged.workflows);
  await upsertBenchUsers(db, options.password);
  for (const statement of FUNCTIONS) await run(db, statement);
  await run(db, 'drop table if exists bm_gen');
  await run(db, 'create table bm_gen (i int primary key, tenant_id text not null, town text not null, case_id text not null, proto int not null, back interval not null)');
  await run(db, placeCases(Math.trunc(options.cases)));
  const stageMs = performance.now() - stageStarted;
  log(`staged ${staged.prototypes} prototype cases (${staged.closed} closed, ${staged.events} events) and placed ${options.cases} cases in ${(stageMs / 1000).toFixed(1)} s`);

  const loadStarted = performance.now();
  const indexes = await dropIndexes(db);
  for (let lo = 0; lo < options.cases; lo += options.batch) {
    const hi = Math.min(options.cases, lo + options.batch);
    const started = performance.now();
    await run(
      db,
      q`
      insert into cases (tenant_id, case_id, reference, workflow_tenant_id, workflow_key, workflow_version, state, status, warning, assignee_id,
        channel, enterprise_id, title, description, search_words, data, snapshot, version, due_at, overdue, tracking_hash, opened_by, opened_at, updated_at, closed_at)
      select g.tenant_id, g.case_id, 'BM-' || to_char((p.opened_at - g.back) at time zone 'Asia/Shanghai', 'YYYY') || '-' || lpad(g.i::text, 7, '0'),
        ${COUNTY}::text, p.workflow_key, p.workflow_version, p.state, p.status, p.warning, bm_staff(p.assignee_id, g.town),
        p.channel, null, p.title, p.description, p.search_words, p.data, p.snapshot, p.version, p.due_at - g.back, p.overdue, null,
        bm_staff(p.opened_by, g.town), p.opened_at - g.back, p.updated_at - g.back, p.closed_at - g.back
      from bm_gen g join bm_proto_case p on p.proto = g.proto
      where g.i > ${lo} and g.i <= ${hi}`,
    );
    await run(
      db,
      q`
      insert into case_events (tenant_id, case_id, seq, type, actor_id, actor_roles, data, effects, state_from, state_to, warning, created_at)
      select g.tenant_id, g.case_id, e.seq, e.type, bm_staff(e.actor_id, g.town), e.actor_roles, e.data, e.effects, e.state_from, e.state_to, e.warning, e.created_at - g.back
      from bm_gen g join bm_proto_event e on e.proto = g.proto
      where g.i > ${lo} and g.i <= ${hi}`,
    );
    log(`  cases ${lo + 1}-${hi} with their events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const loadMs = performance.now() - loadStarted;

  const indexStarted = performance.now();
  await restoreIndexes(db, indexes);
  const indexMs = performance.now() - indexStarted;
  log(`rebuilt ${indexes.length} indexes and keys of cases and case_events in ${(indexMs / 1000).toFixed(1)} s`);

  // The generated rows went around the event path: their rollups are folded from the log, as after an upgrade.
  const rollupStarted = performance.now();
  const engine = createEngine({ workflows: [...BUILTIN_TEMPLATES] });
  let reported = 0;
  const folded = await rebuildRollups(db, engine, {
    batch: 2000,
    onProgress: (n) => {
      if (n - reported >= 100_000) log(`  rollups: ${(reported = n)} cases folded`);
    },
  });
  const rollupMs = performance.now() - rollupStarted;
  log(`folded the rollups of ${folded} cases from their logs in ${(rollupMs / 1000).toFixed(1)} s`);

  for (const statement of ['drop table bm_gen', 'drop table bm_proto_event', 'drop table bm_proto_case', 'drop table bm_pick', 'drop function bm_rand(bigint, int)', 'drop function bm_staff(text, text)']) {
    await run(db, statement);
  }
  const vacuumStarted = performance.now();
  for (const table of ['cases', 'case_events', 'tenants', 'workflows', 'users', 'metric_rollups', 'metric_deltas']) await run(db, `vacuum (analyze) ${table}`);
  const vacuumMs = performance.now() - vacuumStarted;
  const events = await db.selectFrom('case_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { cases: options.cases, events: Number(events.n), prototypes: staged.prototypes, stageMs, loadMs, indexMs, rollupMs, vacuumMs };
}
