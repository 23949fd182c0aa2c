import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import type { MetricsPeriod } from './metrics-period.js';
import type { StateClass } from './state-classes.js';

/**
 * Which cases a metrics query reads: a tenant subtree (by path), optional filters, and how the
 * state names of their workflows count (with which workflow versions are golden ideas).
 * @example
 * const scope: MetricsScope = { tenantPath: '/ninghai/chalu/', groupByChild: false, classes, ideaRefs: [], period };
 */
export interface MetricsScope {
  tenantPath: string;
  /** Group the figures by the direct child of `tenantPath` the case's union lies under ('' for the union itself). */
  groupByChild: boolean;
  workflowKey?: string | undefined;
  channel?: string | undefined;
  /** A category: the case's `data.category`, or the category of these workflow versions. */
  category?: { value: string; workflowRefs: ReadonlyArray<{ key: string; version: number }> } | undefined;
  classes: readonly StateClass[];
  /** Workflow versions whose cases are golden ideas. */
  ideaRefs: ReadonlyArray<{ key: string; version: number }>;
  period: MetricsPeriod;
  /** Read only the period's own cases (enough for the flow figures; the stock figures are then partial). */
  cohortOnly?: boolean;
}

/**
 * The raw counts of one group (the whole subtree, or one child union) as SQL computed them.
 * @example
 * const row: MetricsCounts = (await loadMetricsCounts(db, scope)).get('') ?? emptyCounts();
 */
export interface MetricsCounts {
  received: number;
  completed: number;
  completedResolved: number;
  onTime: number;
  responded: number;
  respondedOnTime: number;
  openTotal: number;
  openByWarning: { green: number; yellow: number; red: number };
  openByState: Array<{ workflow: string; state: string; count: number }>;
  overdue: number;
  referralsAwaiting: number;
  referralsOverdue: number;
  ideas: number;
  ideasAdopted: number;
  ideasValue: number;
}

/**
 * The ratings of one group given in a period.
 * @example
 * const r: RatingCounts = { count: 12, sum: 55, satisfied: 10 };
 */
export interface RatingCounts {
  count: number;
  sum: number;
  satisfied: number;
}

/**
 * Counts with nothing in them, for a group without cases.
 * @example
 * const counts = rows.get('chalu') ?? emptyCounts();
 */
export function emptyCounts(): MetricsCounts {
  return {
    received: 0, completed: 0, completedResolved: 0, onTime: 0, responded: 0, respondedOnTime: 0, openTotal: 0,
    openByWarning: { green: 0, yellow: 0, red: 0 }, openByState: [], overdue: 0, referralsAwaiting: 0, referralsOverdue: 0,
    ideas: 0, ideasAdopted: 0, ideasValue: 0,
  };
}

function groupExpression(scope: MetricsScope): RawBuilder<string> {
  return scope.groupByChild ? sql<string>`split_part(substr(t.path, ${scope.tenantPath.length + 1}), '/', 1)` : sql<string>`''`;
}

function caseFilters(scope: MetricsScope): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`left(t.path, ${scope.tenantPath.length}) = ${scope.tenantPath}`];
  if (scope.workflowKey !== undefined) parts.push(sql`c.workflow_key = ${scope.workflowKey}`);
  if (scope.channel !== undefined) parts.push(sql`c.channel = ${scope.channel}`);
  if (scope.category !== undefined) {
    const refs = JSON.stringify(scope.category.workflowRefs);
    parts.push(sql`(c.data->>'category' = ${scope.category.value}
      or exists (select 1 from jsonb_to_recordset(${refs}::jsonb) as r(key text, version int) where r.key = c.workflow_key and r.version = c.workflow_version))`);
  }
  return sql.join(parts, sql` and `);
}

/**
 * Computes the flow and stock counts of the metrics from the event log, grouped (see
 * `groupByChild`): the period's cases (their `$open` in the period) and every case still open at
 * `asOf` are replayed from `case_events` up to `asOf`. `cases` is read for the union, workflow,
 * channel and category, and its `opened_at`/`closed_at` (written in the same transaction as the
 * `$open` and the closing event) only to skip logs that cannot count.
 * @example
 * const byGroup = await loadMetricsCounts(db, scope);
 */
export async function loadMetricsCounts(db: Kysely<Database>, scope: MetricsScope): Promise<Map<string, MetricsCounts>> {
  const { start, asOf } = scope.period;
  const classes = JSON.stringify(scope.classes.map((c) => ({ ...c, idea: scope.ideaRefs.some((r) => r.key === c.key && r.version === c.version) })));
  const stockCases = scope.cohortOnly ? sql`false` : sql`(c.closed_at is null or c.closed_at >= ${asOf})`;
  const result = await sql<Record<string, unknown>>`
    with sc as (
      select * from jsonb_to_recordset(${classes}::jsonb) as x(key text, version int, state text, resolved boolean, final boolean, done boolean, adopted boolean, idea boolean)
    ),
    cs as (
      select c.tenant_id, c.case_id, c.workflow_key, c.workflow_version, ${groupExpression(scope)} as grp
      from cases c join tenants t on t.tenant_id = c.tenant_id
      where ${caseFilters(scope)} and c.opened_at < ${asOf} and (c.opened_at >= ${start} or ${stockCases})
    ),
    ev as materialized (
      -- Slim rows: only what the figures need, and the effects only where they matter; materialized
      -- so that the grouping below sorts these narrow rows, not the log's wide ones.
      select e.tenant_id, e.case_id, e.seq, e.state_from, e.state_to, e.warning, e.created_at,
             cs.grp, cs.workflow_key, cs.workflow_version,
             coalesce(st.done, false) as to_done, coalesce(sf.done, false) as from_done, coalesce(st.resolved, false) as to_resolved,
             coalesce(st.final, false) as to_final, coalesce(st.adopted, false) as to_adopted, coalesce(st.idea, false) as idea,
             (e.seq > 1 and e.type <> '$timer' and not (e.actor_roles <@ array['worker', 'system', 'agency']::text[])) as staff_act,
             case when jsonb_typeof(e.data->'idea_value') = 'number' then (e.data->>'idea_value')::numeric end as idea_value,
             case when e.type = '$timer' and e.data->>'kind' = 'referral' then e.data->>'timerId' end as referral_timer,
             case when e.effects @> '[{"type":"slaBreached"}]' or e.effects @> '[{"type":"refer"}]' or e.effects @> '[{"type":"referralClosed"}]' then e.effects end as effects
      from cs
      join case_events e on e.tenant_id = cs.tenant_id and e.case_id = cs.case_id
      left join sc st on st.key = cs.workflow_key and st.version = cs.workflow_version and st.state = e.state_to
      left join sc sf on sf.key = cs.workflow_key and sf.version = cs.workflow_version and sf.state = e.state_from
      where e.created_at < ${asOf}
    ),
    facts as (
      -- One pass, one group per case; the case's own effects travel along as a small array, so
      -- nothing below joins one case's rows to another's.
      select ev.tenant_id, ev.case_id, min(ev.grp) as grp, min(ev.workflow_key) as workflow_key, min(ev.workflow_version) as workflow_version,
        min(ev.created_at) filter (where ev.seq = 1) as opened_at,
        (array_agg(jsonb_build_array(ev.state_to, ev.warning, ev.to_done, ev.to_final) order by ev.seq desc))[1] as last_event,
        max(ev.seq) filter (where ev.to_done and not ev.from_done) as done_start_seq,
        max(ev.seq) filter (where ev.state_from is distinct from ev.state_to) as entered_seq,
        bool_or(ev.to_resolved) as ever_resolved,
        bool_or(ev.to_adopted) as ever_adopted,
        min(ev.seq) filter (where ev.staff_act) as response_seq,
        bool_or(ev.idea) as idea,
        (array_agg(ev.idea_value order by ev.seq desc) filter (where ev.idea_value is not null))[1] as idea_value,
        coalesce(jsonb_agg(jsonb_build_object('seq', ev.seq, 'effects', ev.effects)) filter (where ev.effects is not null), '[]'::jsonb) as fx,
        coalesce(array_agg(ev.referral_timer) filter (where ev.referral_timer is not null), '{}'::text[]) as referral_timers
      from ev
      group by ev.tenant_id, ev.case_id
    ),
    shaped as (
      select f.*, f.last_event->>0 as state_now, f.last_event->>1 as warning_now, (f.last_event->>2)::boolean as done_now, (f.last_event->>3)::boolean as final_now
      from facts f where f.opened_at is not null
    ),
    judged as (
      select f.*, f.opened_at >= ${start} as cohort,
        (select min((x->>'seq')::int) from jsonb_array_elements(f.fx) x cross join lateral jsonb_array_elements(x->'effects') y
          where y->>'type' = 'slaBreached'
            and not exists (select 1 from sc where sc.key = f.workflow_key and sc.version = f.workflow_version and sc.state = y->>'state' and sc.done)) as breach_seq,
        exists (select 1 from jsonb_array_elements(f.fx) x cross join lateral jsonb_array_elements(x->'effects') y
          where y->>'type' = 'slaBreached' and y->>'state' = f.state_now and (x->>'seq')::int >= f.entered_seq) as sla_overdue,
        r.awaiting, r.awaiting_overdue
      from shaped f
      cross join lateral (
        select count(*) as awaiting, count(*) filter (where late) as awaiting_overdue
        from (
          -- Overdue once the reply deadline's timer fired (the engine names it <referralId>.referral).
          select (y->>'referralId') || '.referral' = any(f.referral_timers) as late
          from jsonb_array_elements(f.fx) x cross join lateral jsonb_array_elements(x->'effects') y
          where y->>'type' in ('refer', 'referralClosed')
          group by y->>'referralId'
          having bool_or(y->>'type' = 'refer') and not bool_or(y->>'type' = 'referralClosed')
        ) open_referrals
      ) r
    ),
    open_states as (
      select grp, workflow_key, state_now, warning_now, count(*) as n from judged where not final_now group by grp, workflow_key, state_now, warning_now
    )
    select j.grp,
      count(*) filter (where cohort) as received,
      count(*) filter (where cohort and done_now) as completed,
      count(*) filter (where cohort and done_now and ever_resolved) as completed_resolved,
      count(*) filter (where cohort and done_now and (breach_seq is null or breach_seq > done_start_seq)) as on_time,
      count(*) filter (where cohort and response_seq is not null) as responded,
      count(*) filter (where cohort and response_seq is not null and (breach_seq is null or breach_seq > response_seq)) as responded_on_time,
      count(*) filter (where not final_now) as open_total,
      count(*) filter (where not final_now and (sla_overdue or awaiting_overdue > 0)) as overdue,
      coalesce(sum(awaiting) filter (where not final_now), 0) as referrals_awaiting,
      coalesce(sum(awaiting_overdue) filter (where not final_now), 0) as referrals_overdue,
      count(*) filter (where cohort and idea) as ideas,
      count(*) filter (where cohort and idea and ever_adopted) as ideas_adopted,
      coalesce(sum(idea_value) filter (where cohort and idea), 0) as ideas_value,
      coalesce((select jsonb_agg(jsonb_build_object('workflow', o.workflow_key, 'state', o.state_now, 'warning', o.warning_now, 'count', o.n)) from open_states o where o.grp = j.grp), '[]'::jsonb) as open_states
    from judged j
    group by j.grp`.execute(db);

  const groups = new Map<string, MetricsCounts>();
  for (const row of result.rows) {
    const openStates = parseJson(row['open_states']) as Array<{ workflow: string; state: string; warning: string; count: number | string }>;
    const byState = new Map<string, { workflow: string; state: string; count: number }>();
    const byWarning = { green: 0, yellow: 0, red: 0 };
    for (const entry of openStates) {
      const count = Number(entry.count);
      const key = `${entry.workflow}\u0000${entry.state}`;
      const current = byState.get(key) ?? { workflow: entry.workflow, state: entry.state, count: 0 };
      current.count += count;
      byState.set(key, current);
      if (entry.warning === 'green' || entry.warning === 'yellow' || entry.warning === 'red') byWarning[entry.warning] += count;
    }
    groups.set(String(row['grp']), {
      received: Number(row['received']),
      completed: Number(row['completed']),
      completedResolved: Number(row['completed_resolved']),
      onTime: Number(row['on_time']),
      responded: Number(row['responded']),
      respondedOnTime: Number(row['responded_on_time']),
      openTotal: Number(row['open_total']),
      openByWarning: byWarning,
      openByState: [...byState.values()].sort((a, b) => a.workflow.localeCompare(b.workflow) || a.state.localeCompare(b.state)),
      overdue: Number(row['overdue']),
      referralsAwaiting: Number(row['referrals_awaiting']),
      referralsOverdue: Number(row['referrals_overdue']),
      ideas: Number(row['ideas']),
      ideasAdopted: Number(row['ideas_adopted']),
      ideasValue: Number(row['ideas_value']),
    });
  }
  return groups;
}

function parseJson(value: unknown): unknown {
  // pg returns jsonb parsed; PGlite does too, but be tolerant of text.
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

/**
 * Counts the ratings (`rate` and `dissatisfied` events with a numeric `satisfaction`) given in the
 * period, up to `asOf`, on the scope's cases, grouped like {@link loadMetricsCounts}.
 * @example
 * const ratings = await loadRatingCounts(db, scope);
 */
export async function loadRatingCounts(db: Kysely<Database>, scope: MetricsScope): Promise<Map<string, RatingCounts>> {
  const { start, asOf } = scope.period;
  const result = await sql<{ grp: string; n: string; total: string | null; satisfied: string }>`
    select grp, count(*) as n, sum(score) as total, count(*) filter (where score >= 4) as satisfied
    from (
      select ${groupExpression(scope)} as grp, (e.data->>'satisfaction')::numeric as score
      from case_events e
      join cases c on c.tenant_id = e.tenant_id and c.case_id = e.case_id
      join tenants t on t.tenant_id = c.tenant_id
      where e.created_at >= ${start} and e.created_at < ${asOf}
        and e.type in ('rate', 'dissatisfied') and jsonb_typeof(e.data->'satisfaction') = 'number'
        and ${caseFilters(scope)}
    ) r
    group by grp`.execute(db);
  return new Map(result.rows.map((row) => [String(row.grp), { count: Number(row.n), sum: Number(row.total ?? 0), satisfied: Number(row.satisfied) }]));
}
