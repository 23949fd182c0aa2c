import type { Workflow } from '@shuoshi/engine';
import { shanghaiDate } from '../metrics/metrics-period.js';
import { classifyState, IDEA_CATEGORY, type StateKind } from '../metrics/state-classes.js';

/**
 * A case's log entry as the figures read it (a `case_events` row).
 * @example
 * const event: LoggedEvent = { seq: 2, type: 'accept', actorRoles: ['intake_operator'], data: {}, effects: [], stateFrom: 'intake', stateTo: 'mediation', warning: 'green', createdAt: new Date() };
 */
export interface LoggedEvent {
  seq: number;
  type: string;
  actorRoles: readonly string[];
  data: Record<string, unknown>;
  effects: ReadonlyArray<Record<string, unknown>>;
  stateFrom: string | null;
  stateTo: string;
  warning: string;
  createdAt: Date;
}

/**
 * What a case is, as the figures filter and group it: its union (and the unions above it),
 * workflow (with the version's category), `data.category`, channel, and whether it is a golden
 * idea. Taken from the case row as it is now, as the log replay does.
 * @example
 * const dims: CaseDims = caseDims({ tenant_id: 'chalu', ancestors: ['ninghai'], workflow_key: 'union-grievance', channel: 'phone', data: {} }, workflow);
 */
export interface CaseDims {
  tenantId: string;
  /** The unions above the case's union, the root first (a union's path never changes). */
  ancestors: string[];
  workflowKey: string;
  workflowCategory: string;
  dataCategory: string;
  channel: string;
  idea: boolean;
}

/**
 * Everything the figures need to know about one case, folded from its log in order: the case's
 * contribution to every rollup follows from it alone (see contributionOf). Stored on the case
 * row (`cases.metric_facts`) and carried forward by each step.
 * @example
 * const facts = foldCaseFacts(events, dims, workflow);
 */
export interface CaseFacts extends CaseDims {
  /** The seq of the last entry folded in. */
  seq: number;
  /** The Asia/Shanghai date of the `$open` entry. */
  openedDay: string;
  state: string;
  warning: string;
  final: boolean;
  done: boolean;
  everResolved: boolean;
  everAdopted: boolean;
  ideaValue: number | null;
  /** The first entry with an SLA breach of a state that is not done. */
  breachSeq: number | null;
  /** The first entry by staff after the opening (not a timer, not a worker, agency or the system). */
  responseSeq: number | null;
  /** The entry that began the current stretch of done states. */
  doneStartSeq: number | null;
  /** The entry that entered the current state. */
  enteredSeq: number;
  /** The current state's SLA was breached since it was entered. */
  slaOverdue: boolean;
  /** Referrals sent and not closed; overdue once their reply deadline's timer fired. */
  referrals: Array<{ id: string; overdue: boolean }>;
  /** Ratings given (a `rate` or `dissatisfied` entry with a numeric `satisfaction`), by day. */
  ratings: Array<{ day: string; score: number }>;
}

const NOT_STAFF: readonly string[] = ['worker', 'system', 'agency'];
const RATING_EVENTS: readonly string[] = ['rate', 'dissatisfied'];
const TIMER_EVENT = '$timer';

/**
 * The unions above a union, the root first, from its path (`/ninghai/chalu/gaotan/` -> ninghai, chalu).
 * @example
 * ancestorsOf('/ninghai/chalu/'); // ['ninghai']
 */
export function ancestorsOf(path: string): string[] {
  return path.split('/').filter((id) => id !== '').slice(0, -1);
}

/**
 * The figures' view of a case row and its workflow version.
 * @example
 * const dims = caseDims({ ...row, ancestors: ancestorsOf(path) }, engine.workflow({ key: row.workflow_key, version: row.workflow_version }));
 */
export function caseDims(row: { tenant_id: string; ancestors: readonly string[]; workflow_key: string; channel: string; data: unknown }, workflow: Pick<Workflow, 'category'>): CaseDims {
  const data = (row.data ?? {}) as Record<string, unknown>;
  const category = workflow.category ?? '';
  return {
    tenantId: row.tenant_id,
    ancestors: [...row.ancestors],
    workflowKey: row.workflow_key,
    workflowCategory: category,
    dataCategory: typeof data['category'] === 'string' ? data['category'] : '',
    channel: row.channel,
    idea: category === IDEA_CATEGORY,
  };
}

function opening(dims: CaseDims, event: LoggedEvent): CaseFacts {
  return Object.assign({}, dims, {
    seq: 0, openedDay: shanghaiDate(event.createdAt), state: event.stateTo, warning: event.warning, final: false, done: false,
    everResolved: false, everAdopted: false, ideaValue: null, breachSeq: null, responseSeq: null, doneStartSeq: null, enteredSeq: 1, slaOverdue: false,
    referrals: [], ratings: [],
  });
}

function foldEffects(facts: CaseFacts, event: LoggedEvent, kind: (state: string | null) => StateKind): void {
  for (const effect of event.effects) {
    const type = effect['type'];
    if (type === 'slaBreached') {
      const state = String(effect['state']);
      if (facts.breachSeq === null && !kind(state).done) facts.breachSeq = event.seq;
      if (state === facts.state) facts.slaOverdue = true;
    } else if (type === 'refer') {
      const id = String(effect['referralId']);
      if (!facts.referrals.some((r) => r.id === id)) facts.referrals.push({ id, overdue: false });
    } else if (type === 'referralClosed') {
      facts.referrals = facts.referrals.filter((r) => r.id !== String(effect['referralId']));
    }
  }
}

/**
 * Folds one more log entry into a case's facts (null before its `$open`), the states classified
 * by the case's current workflow version; the dims are the case's as they are after the entry.
 * Pure: answers new facts.
 * @example
 * const next = foldCaseEvent(row.metric_facts, event, caseDims(row, workflow), workflow);
 */
export function foldCaseEvent(previous: CaseFacts | null, event: LoggedEvent, dims: CaseDims, workflow: Pick<Workflow, 'states'>): CaseFacts {
  const kind = (state: string | null) => classifyState(workflow, state);
  const base = previous ?? opening(dims, event);
  // Spelled out, not spread or assigned from three objects: V8 (Node 20) builds a literal of
  // this many properties many times faster, and every step of every case folds one.
  const facts: CaseFacts = {
    tenantId: dims.tenantId, ancestors: dims.ancestors, workflowKey: dims.workflowKey, workflowCategory: dims.workflowCategory, dataCategory: dims.dataCategory,
    channel: dims.channel, idea: dims.idea, seq: event.seq, openedDay: base.openedDay, state: base.state, warning: base.warning, final: base.final, done: base.done,
    everResolved: base.everResolved, everAdopted: base.everAdopted, ideaValue: base.ideaValue, breachSeq: base.breachSeq, responseSeq: base.responseSeq,
    doneStartSeq: base.doneStartSeq, enteredSeq: base.enteredSeq, slaOverdue: base.slaOverdue, referrals: [...base.referrals], ratings: [...base.ratings],
  };
  const to = kind(event.stateTo);
  if (to.done && !kind(event.stateFrom).done) facts.doneStartSeq = event.seq;
  if (event.stateFrom !== event.stateTo) {
    facts.enteredSeq = event.seq;
    facts.slaOverdue = false;
  }
  facts.state = event.stateTo;
  facts.warning = event.warning;
  facts.final = to.final;
  facts.done = to.done;
  if (to.resolved) facts.everResolved = true;
  if (to.adopted) facts.everAdopted = true;
  if (facts.responseSeq === null && event.seq > 1 && event.type !== TIMER_EVENT && event.actorRoles.some((role) => !NOT_STAFF.includes(role))) facts.responseSeq = event.seq;
  const ideaValue = event.data['idea_value'];
  if (typeof ideaValue === 'number' && Number.isFinite(ideaValue)) facts.ideaValue = ideaValue;
  const score = event.data['satisfaction'];
  if (RATING_EVENTS.includes(event.type) && typeof score === 'number' && Number.isFinite(score)) facts.ratings.push({ day: shanghaiDate(event.createdAt), score });
  foldEffects(facts, event, kind);
  // The engine marks a referral overdue when its reply deadline's timer fires; the log keeps that timer's id.
  if (event.type === TIMER_EVENT && event.data['kind'] === 'referral') {
    const timerId = String(event.data['timerId']);
    facts.referrals = facts.referrals.map((r) => (`${r.id}.referral` === timerId ? { ...r, overdue: true } : r));
  }
  return facts;
}

/**
 * Folds a case's whole log (in seq order) into its facts.
 * @example
 * const facts = foldCaseFacts(events, caseDims(row, workflow), workflow);
 */
export function foldCaseFacts(events: readonly LoggedEvent[], dims: CaseDims, workflow: Pick<Workflow, 'states'>): CaseFacts | null {
  let facts: CaseFacts | null = null;
  for (const event of events) facts = foldCaseEvent(facts, event, dims, workflow);
  return facts;
}
