import type { CaseFacts } from './case-facts.js';

/**
 * The counters a rollup row adds up. Flow rows (`flow`, bucketed by the day or month the cases
 * were opened) count the period's cases; stock rows (`stock`, by state and warning colour) count
 * the open cases now; rating rows (`rating`, by the day or month given) count the ratings.
 * @example
 * const zero: RollupCounters = emptyRollupCounters();
 */
export interface RollupCounters {
  received: number;
  completed: number;
  completedResolved: number;
  onTime: number;
  responded: number;
  respondedOnTime: number;
  ideas: number;
  ideasAdopted: number;
  ideasValue: number;
  open: number;
  overdue: number;
  referralsAwaiting: number;
  referralsOverdue: number;
  ratings: number;
  ratingSum: number;
  ratingsSatisfied: number;
}

/**
 * The kinds of rollup rows. `flow`, `stock` and `rating` rows are a union's own cases by every
 * dim (for filtered figures); the `_tree` kinds are a union's whole subtree with no dims but the
 * workflow of a stock row (for the unfiltered dashboards: one row a bucket instead of thousands).
 * @example
 * const kind: RollupKind = 'flow_tree';
 */
export type RollupKind = 'flow' | 'stock' | 'rating' | 'flow_tree' | 'stock_tree' | 'rating_tree';

/**
 * Which rollup row a contribution goes to: the kind, the bucket (`YYYY-MM` or `YYYY-MM-DD` in
 * Asia/Shanghai for flows and ratings, '' for stock), the case's dims, and for stock its state
 * and warning colour ('' elsewhere).
 * @example
 * const key: RollupKey = { kind: 'stock', bucket: '', tenantId: 'chalu', workflowKey: 'union-grievance', workflowCategory: 'grievance', dataCategory: 'wages', channel: 'phone', state: 'mediation', warning: 'yellow' };
 */
export interface RollupKey {
  kind: RollupKind;
  bucket: string;
  tenantId: string;
  workflowKey: string;
  workflowCategory: string;
  dataCategory: string;
  channel: string;
  state: string;
  warning: string;
}

/**
 * One row's worth of contribution (or of rollup): a key and its counters.
 * @example
 * const rows: RollupRow[] = contributionOf(facts);
 */
export interface RollupRow extends RollupKey, RollupCounters {}

/**
 * The counter names, in the order the tables hold them.
 * @example
 * ROLLUP_COUNTERS.includes('onTime'); // true
 */
export const ROLLUP_COUNTERS = [
  'received', 'completed', 'completedResolved', 'onTime', 'responded', 'respondedOnTime', 'ideas', 'ideasAdopted', 'ideasValue',
  'open', 'overdue', 'referralsAwaiting', 'referralsOverdue', 'ratings', 'ratingSum', 'ratingsSatisfied',
] as const satisfies ReadonlyArray<keyof RollupCounters>;

/**
 * Counters that are all zero.
 * @example
 * const total = emptyRollupCounters();
 */
export function emptyRollupCounters(): RollupCounters {
  // A literal, not built from ROLLUP_COUNTERS: objects of one fixed shape are fast to make and copy.
  return {
    received: 0, completed: 0, completedResolved: 0, onTime: 0, responded: 0, respondedOnTime: 0, ideas: 0, ideasAdopted: 0, ideasValue: 0,
    open: 0, overdue: 0, referralsAwaiting: 0, referralsOverdue: 0, ratings: 0, ratingSum: 0, ratingsSatisfied: 0,
  };
}

// Rows are built as one literal: spreading objects of this many properties is many times slower in V8.
function rowOf(facts: CaseFacts, kind: RollupKind, bucket: string, counters: Partial<RollupCounters>, state = '', warning = '', tenantId = facts.tenantId): RollupRow {
  const tree = kind.endsWith('_tree');
  return {
    kind, bucket, tenantId, workflowKey: tree && kind !== 'stock_tree' ? '' : facts.workflowKey, workflowCategory: tree ? '' : facts.workflowCategory,
    dataCategory: tree ? '' : facts.dataCategory, channel: tree ? '' : facts.channel, state, warning,
    received: counters.received ?? 0, completed: counters.completed ?? 0, completedResolved: counters.completedResolved ?? 0, onTime: counters.onTime ?? 0,
    responded: counters.responded ?? 0, respondedOnTime: counters.respondedOnTime ?? 0, ideas: counters.ideas ?? 0, ideasAdopted: counters.ideasAdopted ?? 0,
    ideasValue: counters.ideasValue ?? 0, open: counters.open ?? 0, overdue: counters.overdue ?? 0, referralsAwaiting: counters.referralsAwaiting ?? 0,
    referralsOverdue: counters.referralsOverdue ?? 0, ratings: counters.ratings ?? 0, ratingSum: counters.ratingSum ?? 0, ratingsSatisfied: counters.ratingsSatisfied ?? 0,
  };
}

/** A row for the case's own union by every dim, and one for each subtree it lies in (its union's and those above). */
function rowsOf(facts: CaseFacts, kind: 'flow' | 'stock' | 'rating', bucket: string, counters: Partial<RollupCounters>, state = '', warning = ''): RollupRow[] {
  const rows = [rowOf(facts, kind, bucket, counters, state, warning)];
  for (const tenantId of [...facts.ancestors, facts.tenantId]) rows.push(rowOf(facts, `${kind}_tree`, bucket, counters, state, warning, tenantId));
  return rows;
}

/** The day's bucket and its month's: flows and ratings are kept at both grains. */
function bothGrains(day: string): [string, string] {
  return [day, day.slice(0, 7)];
}

/**
 * What one case adds to the rollups, from its facts alone (see docs/metrics.md for the
 * definitions): its flow row at its opening day and month, its stock row while it is not closed,
 * and a rating row per rating at the day and month it was given — each for its own union by every
 * dim, and for every subtree it lies in (see RollupKind).
 * @example
 * const rows = contributionOf(facts);
 */
export function contributionOf(facts: CaseFacts): RollupRow[] {
  const rows: RollupRow[] = [];
  const onTime = facts.done && (facts.breachSeq === null || (facts.doneStartSeq !== null && facts.breachSeq > facts.doneStartSeq));
  const responded = facts.responseSeq !== null;
  const flow: Partial<RollupCounters> = {
    received: 1,
    completed: facts.done ? 1 : 0,
    completedResolved: facts.done && facts.everResolved ? 1 : 0,
    onTime: onTime ? 1 : 0,
    responded: responded ? 1 : 0,
    respondedOnTime: responded && (facts.breachSeq === null || facts.breachSeq > (facts.responseSeq ?? 0)) ? 1 : 0,
    ideas: facts.idea ? 1 : 0,
    ideasAdopted: facts.idea && facts.everAdopted ? 1 : 0,
    ideasValue: facts.idea ? (facts.ideaValue ?? 0) : 0,
  };
  for (const bucket of bothGrains(facts.openedDay)) rows.push(...rowsOf(facts, 'flow', bucket, flow));
  if (!facts.final) {
    const late = facts.referrals.filter((r) => r.overdue).length;
    const stock = { open: 1, overdue: facts.slaOverdue || late > 0 ? 1 : 0, referralsAwaiting: facts.referrals.length, referralsOverdue: late };
    rows.push(...rowsOf(facts, 'stock', '', stock, facts.state, facts.warning));
  }
  for (const rating of facts.ratings) {
    const counters = { ratings: 1, ratingSum: rating.score, ratingsSatisfied: rating.score >= 4 ? 1 : 0 };
    for (const bucket of bothGrains(rating.day)) rows.push(...rowsOf(facts, 'rating', bucket, counters));
  }
  return rows;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i] as T, b[i] as T)) return false;
  return true;
}

/**
 * Whether two facts of a case contribute the same rows (so a step between them writes no delta):
 * every fact contributionOf reads is equal. Most steps (a claim, a note, an assignment, new data)
 * change none of them, and this is far cheaper than building both contributions. Keep it in step
 * with contributionOf: a fact read there and not compared here would lose deltas.
 * @example
 * const deltas = sameContribution(previous, next) ? [] : contributionDelta(contributionOf(previous), contributionOf(next));
 */
export function sameContribution(a: CaseFacts, b: CaseFacts): boolean {
  return (
    a.tenantId === b.tenantId && a.workflowKey === b.workflowKey && a.workflowCategory === b.workflowCategory && a.dataCategory === b.dataCategory &&
    a.channel === b.channel && a.idea === b.idea && a.openedDay === b.openedDay && a.state === b.state && a.warning === b.warning &&
    a.final === b.final && a.done === b.done && a.everResolved === b.everResolved && a.everAdopted === b.everAdopted && a.ideaValue === b.ideaValue &&
    a.breachSeq === b.breachSeq && a.responseSeq === b.responseSeq && a.doneStartSeq === b.doneStartSeq && a.slaOverdue === b.slaOverdue &&
    sameList(a.ancestors, b.ancestors, (x, y) => x === y) &&
    sameList(a.referrals, b.referrals, (x, y) => x.overdue === y.overdue) &&
    sameList(a.ratings, b.ratings, (x, y) => x.day === y.day && x.score === y.score)
  );
}

// A row's key and counters as one string, to match rows of `before` with rows of `after`. Built
// by concatenation: a step compares a few dozen rows, and JSON.stringify of an array built for
// each was the largest item of the rollups' share of a step.
function rowText(row: RollupRow): string {
  return `${row.kind}\u0000${row.bucket}\u0000${row.tenantId}\u0000${row.workflowKey}\u0000${row.workflowCategory}\u0000${row.dataCategory}\u0000${row.channel}\u0000${row.state}\u0000${row.warning}\u0000${row.received},${row.completed},${row.completedResolved},${row.onTime},${row.responded},${row.respondedOnTime},${row.ideas},${row.ideasAdopted},${row.ideasValue},${row.open},${row.overdue},${row.referralsAwaiting},${row.referralsOverdue},${row.ratings},${row.ratingSum},${row.ratingsSatisfied}`;
}

/**
 * The rows to add to the rollups when a case's contribution changes from `before` to `after`:
 * the rows of `before` negated and those of `after`, leaving out rows that appear in both (most
 * steps change one stock row or none). No arithmetic between them: the database adds the numbers
 * up exactly (an idea's value may have decimals).
 * @example
 * const deltas = contributionDelta(contributionOf(previous), contributionOf(next));
 */
export function contributionDelta(before: readonly RollupRow[], after: readonly RollupRow[]): RollupRow[] {
  const afterTexts = after.map(rowText);
  const unmatched = new Map<string, number>();
  for (const text of afterTexts) unmatched.set(text, (unmatched.get(text) ?? 0) + 1);
  const removed: RollupRow[] = [];
  for (const row of before) {
    const text = rowText(row);
    const left = unmatched.get(text) ?? 0;
    if (left > 0) unmatched.set(text, left - 1);
    else removed.push(negate(row));
  }
  const added: RollupRow[] = [];
  after.forEach((row, index) => {
    const text = afterTexts[index] as string;
    const left = unmatched.get(text) ?? 0;
    if (left > 0) {
      added.push(row);
      unmatched.set(text, left - 1);
    }
  });
  return [...removed, ...added];
}

/**
 * Adds up rows with the same key (for writing many cases' contributions at once). An idea's
 * value is summed as a float and rounded to a millionth, exact for amounts in cents.
 * @example
 * await insertRollupDeltas(trx, sumRollupRows(cases.flatMap((c) => contributionOf(c.facts))));
 */
export function sumRollupRows(rows: readonly RollupRow[]): RollupRow[] {
  const sums = new Map<string, RollupRow>();
  for (const row of rows) {
    const key = `${row.kind}\u0000${row.bucket}\u0000${row.tenantId}\u0000${row.workflowKey}\u0000${row.workflowCategory}\u0000${row.dataCategory}\u0000${row.channel}\u0000${row.state}\u0000${row.warning}`;
    const sum = sums.get(key);
    if (!sum) sums.set(key, Object.assign({}, row));
    else for (const name of ROLLUP_COUNTERS) sum[name] += row[name];
  }
  for (const sum of sums.values()) sum.ideasValue = Math.round(sum.ideasValue * 1e6) / 1e6;
  return [...sums.values()];
}

function negate(row: RollupRow): RollupRow {
  const negated = Object.assign({}, row);
  for (const name of ROLLUP_COUNTERS) negated[name] = row[name] === 0 ? 0 : -row[name];
  return negated;
}
