import { BUILTIN_ROLES, createEngine, isEngineError, type Actor, type CaseSnapshot, type StateDefinition, type Transition, type Workflow } from '@shuoshi/engine';
import { transitionKey, type PathStep } from './covering-paths.js';
import { sampleValue } from './field-candidates.js';
import { satisfyCondition } from './satisfy-condition.js';

const STEP_MS = 3_600_000;
const NON_STAFF = new Set(['worker', 'agency', 'system']);

/**
 * What walking a path did: the last snapshot and the transitions actually taken, in order.
 * @example
 * const { snapshot, taken } = walkPath(unionGrievance, path);
 */
export interface WalkResult {
  snapshot: CaseSnapshot;
  taken: string[];
}

/**
 * Options of `walkPath`: when the clock starts, and a callback told of each transition taken.
 * @example
 * const o: WalkOptions = { onTaken: (key) => covered.add(key) };
 */
export interface WalkOptions {
  start?: number;
  onTaken?: (key: string) => void;
}

/**
 * Lists the fields an event needs filled: its `requires`, plus the agency field of a referral
 * state it enters (the referral goes to the agency chosen there).
 * @example
 * requiredFields(unionGrievance, 'triage', escalate); // ['category', 'referral_agency', 'referral_note']
 */
export function requiredFields(workflow: Workflow, from: string, transition: Transition): string[] {
  const list = [...(transition.requires ?? [])];
  const target = transition.target !== undefined && transition.target !== from ? workflow.states[transition.target] : undefined;
  const agencyField = target?.referral?.agencyField;
  if (agencyField && !list.includes(agencyField)) list.push(agencyField);
  return list;
}

/**
 * Builds valid event data for a transition: a sample value for every field it requires, and
 * values that make its condition hold on the case data.
 * @example
 * eventData(legalAid, 'conflict_check', accept, {}); // { conflict_found: false }
 */
export function eventData(workflow: Workflow, from: string, transition: Transition, data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const required = requiredFields(workflow, from, transition);
  const patch: Record<string, unknown> = {};
  for (const id of required) {
    const field = workflow.fields[id];
    if (!field) throw new Error(`"${from}.${transition.event}" requires field "${id}", which the workflow does not define.`);
    patch[id] = sampleValue(field);
  }
  if (transition.condition) Object.assign(patch, satisfyCondition(transition.condition, workflow.fields, { ...data, ...patch }, required));
  return patch;
}

/**
 * Builds valid data to open a case: a sample value for every field required at start.
 * @example
 * startData(unionGrievance); // { title: '下夜班后打车难…', description: '下夜班后打车难…' }
 */
export function startData(workflow: Workflow): Record<string, unknown> {
  return Object.fromEntries(Object.entries(workflow.fields).filter(([, f]) => f.required).map(([id, f]) => [id, sampleValue(f)]));
}

function actorFor(workflow: Workflow, state: StateDefinition, transition: Transition, snapshot: CaseSnapshot, fresh: () => string): Actor {
  const referral = state.referral;
  if (referral && (transition.event === referral.replyEvent || transition.event === referral.returnEvent)) {
    const agency = referral.agency ?? String(snapshot.data[referral.agencyField ?? ''] ?? '');
    return { id: `agency-${agency}`, roles: ['agency'], agency };
  }
  const roles = transition.roles ?? state.roles ?? [...BUILTIN_ROLES, ...Object.keys(workflow.roles ?? {})];
  const role = roles.find((r) => !NON_STAFF.has(r)) ?? roles[0] ?? 'township_admin';
  // Someone independent: an id that has never acted on, nor been assigned to, this case.
  return { id: transition.separation ? fresh() : `${role}-1`, roles: [role] };
}

function fireTimeout(engine: ReturnType<typeof createEngine>, snapshot: CaseSnapshot, step: PathStep, setClock: (ms: number) => void): CaseSnapshot {
  const timer = snapshot.timers.find((t) => t.kind === 'timeout' && t.state === step.from && t.ref === step.transition.event);
  if (!timer) throw new Error(`"${transitionKey(step.from, step.transition.event)}" is the state's onTimeout event but the case has no timeout timer; timers: ${JSON.stringify(snapshot.timers)}.`);
  let current = snapshot;
  // Every deadline that falls due up to the timeout fires first, in order, as a host's scheduler would.
  for (const due of engine.dueTimers(current, timer.dueAt)) {
    setClock(Date.parse(due.dueAt));
    current = engine.fireTimer(current, due.id, due.dueAt).snapshot;
  }
  return current;
}

/**
 * Walks a planned path through a fresh engine on a clock that moves an hour per step: each event
 * is sent by an actor holding one of its roles (an agency answers its own referral; a fresh actor
 * id where separation of duties applies) with valid data; an onTimeout event fires its timer.
 * Throws when a step does not reach the state the path expects.
 * @example
 * const { snapshot } = walkPath(unionGrievance, path, { onTaken: (key) => covered.add(key) });
 */
export function walkPath(workflow: Workflow, path: readonly PathStep[], options: WalkOptions = {}): WalkResult {
  let now = options.start ?? Date.parse('2025-09-29T09:00:00+08:00');
  const engine = createEngine({ workflows: [workflow], now: () => now });
  let freshCount = 0;
  const fresh = () => `independent-${(freshCount += 1)}`;
  const opener: Actor = { id: 'opener-1', roles: ['intake_operator'] };
  let snapshot = engine.start({ key: workflow.key, version: workflow.version }, { data: startData(workflow), actor: opener, channel: 'walk_in' }).snapshot;
  const taken: string[] = [];
  for (const step of path) {
    now += STEP_MS;
    const state = workflow.states[step.from];
    if (!state) throw new Error(`The path leaves state "${step.from}", which workflow "${workflow.key}" does not have.`);
    if (snapshot.state !== step.from) throw new Error(`Before "${transitionKey(step.from, step.transition.event)}" the case is in "${snapshot.state}", not "${step.from}".`);
    if (state.onTimeout?.event === step.transition.event) {
      snapshot = fireTimeout(engine, snapshot, step, (ms) => void (now = Math.max(now, ms)));
    } else {
      const actor = actorFor(workflow, state, step.transition, snapshot, fresh);
      const data = eventData(workflow, step.from, step.transition, snapshot.data);
      try {
        snapshot = engine.apply(snapshot, { type: step.transition.event, data }, actor).snapshot;
      } catch (error) {
        const reason = isEngineError(error) ? `${error.code}: ${error.message}` : String(error);
        throw new Error(`"${transitionKey(step.from, step.transition.event)}" sent by ${JSON.stringify(actor)} with ${JSON.stringify(data)} was refused: ${reason}`, { cause: error });
      }
    }
    if (snapshot.state !== step.to) throw new Error(`"${transitionKey(step.from, step.transition.event)}" left the case in "${snapshot.state}", not "${step.to}".`);
    taken.push(transitionKey(step.from, step.transition.event));
    options.onTaken?.(transitionKey(step.from, step.transition.event));
  }
  return { snapshot, taken };
}
