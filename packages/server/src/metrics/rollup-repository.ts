import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import { emptyCounts, type MetricsCounts, type MetricsScope, type RatingCounts } from './metrics-repository.js';
import { periodBuckets } from './period-buckets.js';

/**
 * The figures of one group read from the rollups: the counts and the ratings.
 * @example
 * const { counts, ratings } = (await loadRollupFigures(db, scope)).get('') ?? emptyRollupFigures();
 */
export interface RollupFigures {
  counts: MetricsCounts;
  ratings: RatingCounts;
}

/**
 * Figures with nothing in them, for a group without cases.
 * @example
 * const figures = groups.get('chalu') ?? emptyRollupFigures();
 */
export function emptyRollupFigures(): RollupFigures {
  return { counts: emptyCounts(), ratings: { count: 0, sum: 0, satisfied: 0 } };
}

function filters(scope: MetricsScope): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`left(t.path, ${scope.tenantPath.length}) = ${scope.tenantPath}`];
  if (scope.workflowKey !== undefined) parts.push(sql`r.workflow_key = ${scope.workflowKey}`);
  if (scope.channel !== undefined) parts.push(sql`r.channel = ${scope.channel}`);
  if (scope.category !== undefined) parts.push(sql`(r.data_category = ${scope.category.value} or r.workflow_category = ${scope.category.value})`);
  return sql.join(parts, sql` and `);
}

const COUNTERS = [
  'received', 'completed', 'completed_resolved', 'on_time', 'responded', 'responded_on_time', 'ideas', 'ideas_adopted', 'ideas_value',
  'open', 'overdue', 'referrals_awaiting', 'referrals_overdue', 'ratings', 'rating_sum', 'ratings_satisfied',
];

const COLUMNS = sql.raw(`kind, bucket, tenant_id, workflow_key, workflow_category, data_category, channel, state, warning,
  received, completed, completed_resolved, on_time, responded, responded_on_time, ideas, ideas_adopted, ideas_value,
  open, overdue, referrals_awaiting, referrals_overdue, ratings, rating_sum, ratings_satisfied`);

interface RollupSums {
  grp: string;
  kind: string;
  workflow_key: string;
  state: string;
  warning: string;
  unfolded: boolean;
  [counter: string]: unknown;
}

/**
 * The figures of the period that runs now, by group, as the rollups hold them; `unfolded` when
 * some case of the subtree is not folded into them yet (then they are not the figures: read the
 * log instead).
 * @example
 * const { groups, unfolded } = await loadRollupFigures(db, scope);
 */
export interface RollupRead {
  groups: Map<string, RollupFigures>;
  unfolded: boolean;
}

/**
 * Reads the figures of the period that runs now (asOf = now) from the rollups (metric_rollups
 * plus the deltas not folded in yet), grouped like loadMetricsCounts (but with groupByChild, only
 * the children: no '' group), in ONE statement (a consistent snapshot without a transaction): the
 * period's flows from its buckets (whole months, else days), the open cases as they are, the
 * ratings of its buckets, and whether some case of the subtree is not folded yet. Without filters
 * it reads the subtree rows of the union (or its children); with filters, every union's own rows.
 * @example
 * const { groups, unfolded } = await loadRollupFigures(db, { ...scope, period });
 */
export async function loadRollupFigures(db: Kysely<Database>, scope: MetricsScope): Promise<RollupRead> {
  // The subtree rows are a few dozen: they come as they are and are added up here, which spares
  // PostgreSQL planning a grouped aggregate on every request (the plan cost more than the run).
  // The rows by dim can be thousands: PostgreSQL groups those.
  const plain = unfiltered(scope);
  const counters = sql.raw(COUNTERS.map((c) => (plain ? c : `sum(${c}) as ${c}`)).join(', '));
  const result = await sql<RollupSums>`
    select r.grp, r.kind, r.workflow_key, r.state, r.warning, ${counters}, (${unfoldedIn(scope.tenantPath)}) as unfolded
    from ${plain ? subtreeRows(scope) : dimRows(scope)}
    ${plain ? sql`` : sql`group by 1, 2, 3, 4, 5`}`.execute(db);

  const groups = new Map<string, RollupFigures>();
  for (const row of result.rows) {
    const figures = groups.get(row.grp) ?? emptyRollupFigures();
    groups.set(row.grp, figures);
    addRow(figures, row);
  }
  for (const figures of groups.values()) {
    // A state whose open cases all moved on since the last compaction adds up to nothing.
    figures.counts.openByState = figures.counts.openByState.filter((entry) => entry.count > 0);
    figures.counts.openByState.sort((a, b) => a.workflow.localeCompare(b.workflow) || a.state.localeCompare(b.state));
  }
  // Without a row there is no flag: ask on its own (a subtree with no figures, or nothing folded).
  const unfolded = result.rows.length > 0 ? result.rows[0]?.unfolded === true : await hasUnfoldedCases(db, scope.tenantPath);
  return { groups, unfolded };
}

function unfiltered(scope: MetricsScope): boolean {
  return scope.workflowKey === undefined && scope.channel === undefined && scope.category === undefined;
}

function wantedRows(scope: MetricsScope, suffix: '' | '_tree'): RawBuilder<unknown> {
  const buckets = periodBuckets(scope.period.from, scope.period.to);
  // Stock rows have the empty bucket and flow and rating rows never do, so "these kinds, these
  // buckets" picks the stock as it is and the period's flows and ratings. Written this way (no OR,
  // the kinds as literals the planner knows) the statement plans in a tenth of the time: planning
  // the OR across both tables cost more than running it.
  const kinds = (scope.cohortOnly ? ['flow', 'rating'] : ['stock', 'flow', 'rating']).map((kind) => sql.lit(`${kind}${suffix}`));
  return sql`kind in (${sql.join(kinds)}) and bucket = any(${scope.cohortOnly ? buckets : ['', ...buckets]}::text[])`;
}

/** Without filters: the subtree rows of the union (or of each of its children), a few hundred at most. */
function subtreeRows(scope: MetricsScope): RawBuilder<unknown> {
  const tenantId = scope.tenantPath.split('/').filter((id) => id !== '').at(-1) ?? '';
  const ids = scope.groupByChild ? sql`(select tenant_id from tenants where parent_id = ${tenantId})` : sql`(${tenantId})`;
  const wanted = wantedRows(scope, '_tree');
  const group = scope.groupByChild ? sql`tenant_id` : sql`''`;
  return sql`(
      select ${group} as grp, ${COLUMNS} from metric_rollups where ${wanted} and tenant_id in ${ids}
      union all
      select ${group} as grp, ${COLUMNS} from metric_deltas where ${wanted} and tenant_id in ${ids}
    ) r`;
}

/** With filters: every union's own rows by every dim, in the subtree. */
function dimRows(scope: MetricsScope): RawBuilder<unknown> {
  const wanted = wantedRows(scope, '');
  const group = scope.groupByChild ? sql`split_part(substr(t.path, ${scope.tenantPath.length + 1}), '/', 1)` : sql`''`;
  return sql`(
      select ${group} as grp, r.* from (
        select ${COLUMNS} from metric_rollups where ${wanted}
        union all
        select ${COLUMNS} from metric_deltas where ${wanted}
      ) r
      join tenants t on t.tenant_id = r.tenant_id
      where ${filters(scope)}
    ) r`;
}

function unfoldedIn(tenantPath: string) {
  return sql<boolean>`select exists (
    select 1 from cases c join tenants t on t.tenant_id = c.tenant_id
    where c.metric_facts_pending and left(t.path, ${tenantPath.length}) = ${tenantPath})`;
}

function addRow(figures: RollupFigures, row: RollupSums): void {
  const n = (column: string) => Number(row[column] ?? 0);
  const { counts, ratings } = figures;
  if (row.kind.startsWith('flow')) {
    counts.received += n('received');
    counts.completed += n('completed');
    counts.completedResolved += n('completed_resolved');
    counts.onTime += n('on_time');
    counts.responded += n('responded');
    counts.respondedOnTime += n('responded_on_time');
    counts.ideas += n('ideas');
    counts.ideasAdopted += n('ideas_adopted');
    counts.ideasValue += n('ideas_value');
  } else if (row.kind.startsWith('rating')) {
    ratings.count += n('ratings');
    ratings.sum += n('rating_sum');
    ratings.satisfied += n('ratings_satisfied');
  } else {
    // Stock rows are added whatever their sign: a delta row takes away what a rollup row holds.
    counts.openTotal += n('open');
    counts.overdue += n('overdue');
    counts.referralsAwaiting += n('referrals_awaiting');
    counts.referralsOverdue += n('referrals_overdue');
    if (row.warning === 'green' || row.warning === 'yellow' || row.warning === 'red') counts.openByWarning[row.warning] += n('open');
    const entry = counts.openByState.find((e) => e.workflow === row.workflow_key && e.state === row.state);
    if (entry) entry.count += n('open');
    else counts.openByState.push({ workflow: row.workflow_key, state: row.state, count: n('open') });
  }
}

/**
 * Whether some case of the scope's subtree has not been folded into the rollups yet (then its
 * figures come from the log).
 * @example
 * if (await hasUnfoldedCases(db, '/ninghai/')) return loadMetricsCounts(db, scope);
 */
export async function hasUnfoldedCases(db: Kysely<Database>, tenantPath: string): Promise<boolean> {
  const result = await sql<{ found: boolean }>`select (${unfoldedIn(tenantPath)}) as found`.execute(db);
  return result.rows[0]?.found === true;
}
