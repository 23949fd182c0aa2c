import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { shanghaiMidnight } from '../metrics/metrics-period.js';

/**
 * The dashboard figures a cases list can be narrowed to (`filter.figure`): the flow figures of
 * the period's cases (with `openedFrom` / `openedTo`) and the stock figures of the open cases
 * (`inHand`: open and not in a resolved or follow-up state, as the risk register counts them).
 * @example
 * CASE_FIGURES.includes('onTime'); // true
 */
export const CASE_FIGURES = [
  'received',
  'completed',
  'resolved',
  'endedUnresolved',
  'onTime',
  'late',
  'responded',
  'respondedOnTime',
  'ideas',
  'ideasAdopted',
  'referralsAwaiting',
  'referralsOverdue',
  'overdue',
  'inHand',
] as const;

/**
 * One of the figures a cases list can be narrowed to.
 * @example
 * const figure: CaseFigure = 'respondedOnTime';
 */
export type CaseFigure = (typeof CASE_FIGURES)[number];

// Fields of the case's folded facts (rollups/case-facts.ts): SQL null (a flag: false) when the
// case has no facts yet, so that it counts for no figure but `received`.
function seq(key: string): RawBuilder<number | null> {
  return sql<number | null>`(cases.metric_facts->>${sql.lit(key)})::int`;
}

function flag(key: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`coalesce((cases.metric_facts->>${sql.lit(key)})::boolean, false)`;
}

const done = flag('done');
const notFinal = sql<SqlBool>`(cases.metric_facts is not null and not ${flag('final')})`;
// On time: done, and no SLA breach of a non-done state up to the entry that began the done stretch.
const onTime = sql<SqlBool>`(${done} and (${seq('breachSeq')} is null or (${seq('doneStartSeq')} is not null and ${seq('breachSeq')} > ${seq('doneStartSeq')})))`;
const responded = sql<SqlBool>`(${seq('responseSeq')} is not null)`;
const overdueReferral = sql<SqlBool>`coalesce(cases.metric_facts->'referrals' @> '[{"overdue": true}]'::jsonb, false)`;

/**
 * The rules of every figure, in one place, as SQL over `cases.metric_facts`. They mirror
 * `contributionOf` in packages/server/src/rollups/contribution.ts (which the metrics add up):
 * change one, change the other; the demo test (figure-filters.test.ts) compares the two.
 * Flow figures say nothing of the period: combine with `openedDayCondition`.
 * @example
 * db.selectFrom('cases').where(figureCondition('onTime')).selectAll();
 */
export function figureCondition(figure: CaseFigure): RawBuilder<SqlBool> {
  switch (figure) {
    case 'received':
      return sql<SqlBool>`true`;
    case 'completed':
      return done;
    case 'resolved':
      return sql<SqlBool>`(${done} and ${flag('everResolved')})`;
    case 'endedUnresolved':
      return sql<SqlBool>`(${done} and not ${flag('everResolved')})`;
    case 'onTime':
      return onTime;
    case 'late':
      return sql<SqlBool>`(${done} and not ${onTime})`;
    case 'responded':
      return responded;
    case 'respondedOnTime':
      // Responded to before any SLA breach of a non-done state.
      return sql<SqlBool>`(${responded} and (${seq('breachSeq')} is null or ${seq('breachSeq')} > ${seq('responseSeq')}))`;
    case 'ideas':
      return flag('idea');
    case 'ideasAdopted':
      return sql<SqlBool>`(${flag('idea')} and ${flag('everAdopted')})`;
    case 'referralsAwaiting':
      return sql<SqlBool>`(${notFinal} and jsonb_array_length(coalesce(cases.metric_facts->'referrals', '[]'::jsonb)) > 0)`;
    case 'referralsOverdue':
      return sql<SqlBool>`(${notFinal} and ${overdueReferral})`;
    case 'overdue':
      return sql<SqlBool>`(${notFinal} and (${flag('slaOverdue')} or ${overdueReferral}))`;
    case 'inHand':
      // The risk register's "open cases" (risk/risk-repository.ts): not done, i.e. neither final nor resolved.
      return sql<SqlBool>`(cases.metric_facts is not null and not ${done})`;
  }
}

/**
 * Cases opened on the given Asia/Shanghai calendar days (both inclusive, `YYYY-MM-DD`): `opened_at`
 * is the instant of their `$open` entry, so the days are a range of instants (indexed).
 * @example
 * db.selectFrom('cases').where(openedDayCondition('2026-11-01', '2026-11-30')).selectAll();
 */
export function openedDayCondition(from: string | undefined, to: string | undefined): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (from !== undefined) parts.push(sql<SqlBool>`cases.opened_at >= ${shanghaiMidnight(from)}`);
  if (to !== undefined) parts.push(sql<SqlBool>`cases.opened_at < ${new Date(shanghaiMidnight(to).getTime() + 86_400_000)}`);
  return parts.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}
