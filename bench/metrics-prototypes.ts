// Prototype cases for bench/metrics.ts: the Ninghai demo's case stories, walked through the real
// engine on a simulated clock (packages/server/src/seed), turned into the rows the event path writes
// and staged in two tables of the benchmark schema. bench/metrics-generate.ts copies them, shifted
// in time and spread over a generated county, into a million cases with SQL.
import type { Workflow } from '@shuoshi/engine';
import { searchText } from '../packages/server/src/cases/search-words.js';
import { caseRows } from '../packages/server/src/seed/case-rows.js';
import { buildDemoData, demoWorkflows } from '../packages/server/src/seed/index.js';
import { q, run, verbatim } from './metrics-sql.js';
import type { BenchDb } from './server-prepare.js';

/**
 * The workflows the generated county runs (the built-in templates it publishes) and the share of
 * cases each gets: grievances mostly, then golden ideas, labour-dispute mediation and legal aid.
 * @example
 * WORKFLOW_MIX.map(([key]) => key); // ['union-grievance', 'golden-idea', 'labour-mediation', 'legal-aid']
 */
export const WORKFLOW_MIX: ReadonlyArray<readonly [string, number]> = [
  ['union-grievance', 0.62],
  ['golden-idea', 0.14],
  ['labour-mediation', 0.14],
  ['legal-aid', 0.1],
];

/**
 * Slots in each pick list: a generated case takes the prototype in `slot = floor(random * PICK_SLOTS)`.
 * @example
 * const slot = Math.floor(Math.random() * PICK_SLOTS);
 */
export const PICK_SLOTS = 65_536;

/**
 * What was staged: how many prototypes, how many of them are closed, their events, and the
 * county's workflow definitions (to publish and to classify states with).
 * @example
 * const staged: StagedPrototypes = await stagePrototypes(db, { count: 3000, now: Date.now() });
 */
export interface StagedPrototypes {
  prototypes: number;
  closed: number;
  events: number;
  workflows: Workflow[];
}

const STAGING = [
  `create table bm_proto_case (proto int primary key, closed boolean not null, workflow_key text not null, workflow_version int not null,
    state text not null, status text not null, warning text not null, assignee_id text, channel text not null, title text not null,
    description text not null, search_text text not null, search_words tsvector, data jsonb not null, snapshot jsonb not null,
    version int not null, due_at timestamptz, overdue boolean not null, opened_by text, opened_at timestamptz not null,
    updated_at timestamptz not null, closed_at timestamptz)`,
  `create table bm_proto_event (proto int not null, seq int not null, type text not null, actor_id text not null, actor_roles text[] not null,
    data jsonb not null, effects jsonb not null, state_from text, state_to text not null, warning text not null, created_at timestamptz not null,
    primary key (proto, seq))`,
  // Pick list 0 serves the last year (every prototype); list 1 the year before (closed ones only:
  // a matter opened more than a year ago is closed by now).
  `create table bm_pick (list int not null, slot int not null, proto int not null, primary key (list, slot))`,
];

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

function parsed(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

async function insertJson(db: BenchDb, table: string, rows: unknown[], size = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const chunk = JSON.stringify(rows.slice(i, i + size));
    await run(db, q`insert into ${verbatim(table)} select * from jsonb_populate_recordset(null::${verbatim(table)}, ${chunk}::jsonb)`);
  }
}

/**
 * Fills a pick list: slot `s` goes to the workflow whose cumulative share covers `s / PICK_SLOTS`,
 * and within it to the prototypes in turn, so each workflow gets its share and its prototypes
 * (each a story the demo would tell) are used equally.
 */
function pickList(list: number, byWorkflow: Map<string, number[]>): Array<{ list: number; slot: number; proto: number }> {
  const mix = WORKFLOW_MIX.filter(([key]) => (byWorkflow.get(key)?.length ?? 0) > 0);
  const total = mix.reduce((sum, [, share]) => sum + share, 0);
  const rows: Array<{ list: number; slot: number; proto: number }> = [];
  const used = new Map<string, number>();
  for (let slot = 0; slot < PICK_SLOTS; slot++) {
    let at = ((slot + 0.5) / PICK_SLOTS) * total;
    const [key] = mix.find(([, share]) => (at -= share) < 0) ?? mix[mix.length - 1] ?? ['', 0];
    const protos = byWorkflow.get(key) ?? [];
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    rows.push({ list, slot, proto: protos[n % protos.length] ?? 0 });
  }
  return rows;
}

/**
 * Walks `count` demo cases (opened over the year before `now`) through the engine, keeps those on
 * the county's built-in templates, and stages them: `bm_proto_case` (the case row as the event path
 * leaves it), `bm_proto_event` (its log) and `bm_pick` (which prototype a generated case takes).
 * @example
 * const staged = await stagePrototypes(db, { count: 3000, now: Date.now() });
 */
export async function stagePrototypes(db: BenchDb, options: { count: number; now: number }): Promise<StagedPrototypes> {
  const data = buildDemoData({ now: options.now, cases: options.count, seed: 20_261_129 });
  if (data.refusals.length > 0) throw new Error(`The engine refused ${data.refusals.length} demo steps, e.g. ${data.refusals[0]}; the demo plans and the templates disagree.`);
  const keys = new Set(WORKFLOW_MIX.map(([key]) => key));
  const workflows = demoWorkflows().filter((w) => w.tenant === 'ninghai' && keys.has(w.workflow.key)).map((w) => w.workflow);
  const definitions = new Map(workflows.map((w) => [`${w.key}@${w.version}`, w]));

  const cases: unknown[] = [];
  const events: unknown[] = [];
  const byWorkflow = [new Map<string, number[]>(), new Map<string, number[]>()];
  for (const demoCase of data.cases) {
    const { key, version } = demoCase.walked.plan.workflow;
    const workflow = definitions.get(`${key}@${version}`);
    // Township overlays (truckers' corner, help-farmers panel) belong to the demo's own unions.
    if (!workflow) continue;
    const proto = cases.length;
    const rows = caseRows(demoCase, workflow);
    const row = rows.case;
    const closed = row.status === 'closed';
    cases.push({
      proto, closed, workflow_key: key, workflow_version: version, state: row.state, status: row.status, warning: row.warning,
      assignee_id: row.assignee_id ?? null, channel: row.channel, title: row.title, description: row.description ?? '',
      search_text: searchText(row.title, row.description ?? ''), search_words: null, data: parsed(row.data), snapshot: parsed(row.snapshot),
      version: row.version, due_at: iso(row.due_at), overdue: row.overdue ?? false, opened_by: row.opened_by ?? null,
      opened_at: iso(row.opened_at), updated_at: iso(row.updated_at), closed_at: iso(row.closed_at),
    });
    for (const event of rows.events) {
      events.push({
        proto, seq: event.seq, type: event.type, actor_id: event.actor_id, actor_roles: event.actor_roles, data: parsed(event.data),
        effects: parsed(event.effects), state_from: event.state_from ?? null, state_to: event.state_to, warning: event.warning, created_at: iso(event.created_at),
      });
    }
    for (const [list, eligible] of [[0, true], [1, closed]] as const) {
      if (!eligible) continue;
      const map = byWorkflow[list];
      map?.set(key, [...(map.get(key) ?? []), proto]);
    }
  }

  for (const statement of ['drop table if exists bm_proto_case, bm_proto_event, bm_pick', ...STAGING]) await run(db, statement);
  await insertJson(db, 'bm_proto_case', cases);
  await insertJson(db, 'bm_proto_event', events);
  await run(db, `update bm_proto_case set search_words = to_tsvector('simple', search_text)`);
  const picks = [...pickList(0, byWorkflow[0] ?? new Map()), ...pickList(1, byWorkflow[1] ?? new Map())];
  await insertJson(db, 'bm_pick', picks, 20_000);
  const closedCount = cases.filter((c) => (c as { closed: boolean }).closed).length;
  return { prototypes: cases.length, closed: closedCount, events: events.length, workflows };
}
