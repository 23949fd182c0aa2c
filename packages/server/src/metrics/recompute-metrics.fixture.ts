import type { Effect, Workflow } from '@shuoshi/engine';

/**
 * A raw case row, as the test reads it from `cases`.
 * @example
 * const c: RawCase = { tenantId: 'chalu', caseId: 'c1', workflowKey: 'union-grievance', workflowVersion: 1, channel: 'phone', data: {} };
 */
export interface RawCase {
  tenantId: string;
  caseId: string;
  workflowKey: string;
  workflowVersion: number;
  channel: string;
  data: Record<string, unknown>;
}

/**
 * A raw `case_events` row.
 * @example
 * const e: RawEvent = { tenantId: 'chalu', caseId: 'c1', seq: 1, type: '$open', actorRoles: ['intake_operator'], data: {}, effects: [], stateFrom: null, stateTo: 'intake', warning: 'green', createdAt: new Date() };
 */
export interface RawEvent {
  tenantId: string;
  caseId: string;
  seq: number;
  type: string;
  actorRoles: string[];
  data: Record<string, unknown>;
  effects: Effect[];
  stateFrom: string | null;
  stateTo: string;
  warning: string;
  createdAt: Date;
}

/**
 * Everything the recomputation reads: raw rows, the tenants' paths and the workflow definitions.
 * @example
 * const log: RawLog = { cases, events, tenantPaths, workflow: (key, version) => engine.workflow({ key, version }) };
 */
export interface RawLog {
  cases: RawCase[];
  events: RawEvent[];
  tenantPaths: Map<string, string>;
  workflow: (key: string, version: number) => Workflow;
}

/**
 * What to count: a subtree, filters and the period's instants.
 * @example
 * const q: RecomputeQuery = { tenantPath: '/ninghai/', start, asOf };
 */
export interface RecomputeQuery {
  tenantPath: string;
  workflowKey?: string;
  channel?: string;
  category?: string;
  start: Date;
  asOf: Date;
}

/**
 * The figures recomputed, in the API's terms.
 * @example
 * expect(api.completion.numerator).toBe(recomputed.completed);
 */
export interface Recomputed {
  received: number;
  completed: number;
  resolved: number;
  onTime: number;
  respondedOnTime: number;
  ratings: number[];
  open: number;
  overdue: number;
  byWarning: Record<string, number>;
  byState: Record<string, number>;
  referralsAwaiting: number;
  referralsOverdue: number;
  ideas: number;
  ideasAdopted: number;
  ideasValue: number;
}

const NON_STAFF = ['worker', 'system', 'agency'];

/**
 * Recomputes the metrics with plain loops over the raw log, independently of the server's SQL,
 * straight from the definitions in docs/metrics.md.
 * @example
 * const expected = recomputeMetrics(log, { tenantPath: '/ninghai/', start, asOf });
 */
export function recomputeMetrics(log: RawLog, query: RecomputeQuery): Recomputed {
  const out: Recomputed = { received: 0, completed: 0, resolved: 0, onTime: 0, respondedOnTime: 0, ratings: [], open: 0, overdue: 0, byWarning: {}, byState: {}, referralsAwaiting: 0, referralsOverdue: 0, ideas: 0, ideasAdopted: 0, ideasValue: 0 };
  const eventsOf = new Map<string, RawEvent[]>();
  for (const event of log.events) {
    const key = `${event.tenantId}/${event.caseId}`;
    eventsOf.set(key, [...(eventsOf.get(key) ?? []), event]);
  }
  for (const c of log.cases) {
    if (!(log.tenantPaths.get(c.tenantId) ?? '').startsWith(query.tenantPath)) continue;
    if (query.workflowKey !== undefined && c.workflowKey !== query.workflowKey) continue;
    if (query.channel !== undefined && c.channel !== query.channel) continue;
    const workflow = log.workflow(c.workflowKey, c.workflowVersion);
    if (query.category !== undefined && c.data['category'] !== query.category && workflow.category !== query.category) continue;
    const all = (eventsOf.get(`${c.tenantId}/${c.caseId}`) ?? []).sort((a, b) => a.seq - b.seq);
    for (const e of all) {
      const score = e.data['satisfaction'];
      if ((e.type === 'rate' || e.type === 'dissatisfied') && typeof score === 'number' && e.createdAt >= query.start && e.createdAt < query.asOf) out.ratings.push(score);
    }
    const events = all.filter((e) => e.createdAt < query.asOf);
    const opening = events.find((e) => e.seq === 1);
    if (!opening) continue;

    const tags = (state: string | null) => (state === null ? [] : (workflow.states[state]?.tags ?? []));
    const final = (state: string | null) => state !== null && workflow.states[state]?.final === true;
    const resolvedTag = (state: string | null) => tags(state).includes('resolved') || tags(state).includes('follow_up');
    const done = (state: string | null) => resolvedTag(state) || final(state);

    const last = events[events.length - 1] as RawEvent;
    let doneStart: number | undefined;
    let entered = 1;
    let firstBreach: number | undefined;
    let response: number | undefined;
    let everResolved = false;
    let everAdopted = false;
    let ideaValue: number | undefined;
    const breaches: Array<{ seq: number; state: string }> = [];
    const referrals = new Map<string, { late: boolean; closed: boolean }>();
    for (const e of events) {
      if (done(e.stateTo) && !done(e.stateFrom)) doneStart = e.seq;
      if (e.stateFrom !== e.stateTo) entered = e.seq;
      if (resolvedTag(e.stateTo)) everResolved = true;
      if (tags(e.stateTo).includes('adopted')) everAdopted = true;
      if (response === undefined && e.seq > 1 && e.type !== '$timer' && e.actorRoles.some((role) => !NON_STAFF.includes(role))) response = e.seq;
      if (typeof e.data['idea_value'] === 'number') ideaValue = e.data['idea_value'];
      for (const effect of e.effects) {
        if (effect.type === 'slaBreached') {
          breaches.push({ seq: e.seq, state: effect.state });
          if (!done(effect.state) && firstBreach === undefined) firstBreach = e.seq;
        } else if (effect.type === 'refer') {
          referrals.set(effect.referralId, { late: false, closed: referrals.get(effect.referralId)?.closed ?? false });
        } else if (effect.type === 'referralClosed') {
          referrals.set(effect.referralId, { late: referrals.get(effect.referralId)?.late ?? false, closed: true });
        }
      }
      // A referral is overdue once its reply deadline's timer has fired (logged as a $timer entry).
      if (e.type === '$timer' && e.data['kind'] === 'referral') {
        for (const [id, referral] of referrals) if (`${id}.referral` === e.data['timerId'] && !referral.closed) referral.late = true;
      }
    }

    if (opening.createdAt >= query.start) {
      out.received += 1;
      const doneNow = done(last.stateTo);
      if (doneNow) {
        out.completed += 1;
        if (everResolved) out.resolved += 1;
        if (firstBreach === undefined || (doneStart !== undefined && firstBreach > doneStart)) out.onTime += 1;
      }
      if (response !== undefined && (firstBreach === undefined || firstBreach > response)) out.respondedOnTime += 1;
      if (workflow.category === 'golden_idea') {
        out.ideas += 1;
        if (everAdopted) out.ideasAdopted += 1;
        out.ideasValue += ideaValue ?? 0;
      }
    }
    if (!final(last.stateTo)) {
      out.open += 1;
      out.byWarning[last.warning] = (out.byWarning[last.warning] ?? 0) + 1;
      out.byState[`${c.workflowKey}:${last.stateTo}`] = (out.byState[`${c.workflowKey}:${last.stateTo}`] ?? 0) + 1;
      const awaiting = [...referrals.values()].filter((r) => !r.closed);
      const late = awaiting.filter((r) => r.late).length;
      out.referralsAwaiting += awaiting.length;
      out.referralsOverdue += late;
      if (late > 0 || breaches.some((b) => b.state === last.stateTo && b.seq >= entered)) out.overdue += 1;
    }
  }
  return out;
}
