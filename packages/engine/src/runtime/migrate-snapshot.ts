import { createCalendarRegistry, type BusinessCalendar } from '../calendar/index.js';
import { compileWorkflow } from '../compile/index.js';
import type { Workflow } from '../definition/index.js';
import { EngineError } from '../errors/index.js';
import type { Effect } from './effect.js';
import { closeReferrals } from './referrals.js';
import { dropStateCauses, settleWarning } from './settle-warning.js';
import { scheduleClockTargets } from './state-clock.js';
import type { CaseSnapshot } from './snapshot.js';
import { cancelTimers, createDraft, iso } from './step-draft.js';
import { toMillis, type Instant } from './to-millis.js';

/**
 * A problem found while checking a migration; errors stop it, warnings are told.
 * @example
 * const i: MigrationIssue = { code: 'UNMAPPED_STATE', severity: 'error', path: 'stateMap.escalation', message: '...' };
 */
export interface MigrationIssue {
  code: 'WORKFLOW_MISMATCH' | 'CASE_CLOSED' | 'UNKNOWN_SOURCE_STATE' | 'UNKNOWN_TARGET_STATE' | 'UNMAPPED_STATE' | 'DATA_INVALID' | 'DATA_DROPPED';
  severity: 'error' | 'warning';
  path: string;
  message: string;
}

/**
 * The checked result of a migration.
 * @example
 * if (result.ok) save(result.snapshot); else show(result.issues);
 */
export type MigrationResult =
  | { ok: true; snapshot: CaseSnapshot; effects: Effect[]; issues: MigrationIssue[] }
  | { ok: false; issues: MigrationIssue[] };

/**
 * Options of a migration: when it happens and the host's calendars.
 * @example
 * const o: MigrationOptions = { at: new Date() };
 */
export interface MigrationOptions {
  at?: Instant;
  calendars?: readonly BusinessCalendar[];
}

function checkMap(snapshot: CaseSnapshot, from: Workflow, to: Workflow, stateMap: Readonly<Record<string, string>>): MigrationIssue[] {
  const issues: MigrationIssue[] = [];
  if (snapshot.workflow.key !== from.key || snapshot.workflow.version !== from.version) {
    issues.push({ code: 'WORKFLOW_MISMATCH', severity: 'error', path: 'workflow', message: `The case is on "${snapshot.workflow.key}" v${snapshot.workflow.version}, not "${from.key}" v${from.version}; pass the workflow version the case runs.` });
  }
  if (snapshot.status === 'closed') {
    issues.push({ code: 'CASE_CLOSED', severity: 'error', path: 'status', message: `The case is closed in "${snapshot.state}"; closed cases stay on the version they ran.` });
  }
  for (const [source, target] of Object.entries(stateMap)) {
    if (!from.states[source]) issues.push({ code: 'UNKNOWN_SOURCE_STATE', severity: 'error', path: `stateMap.${source}`, message: `State map key "${source}" is not a state of "${from.key}" v${from.version}; its states are: ${Object.keys(from.states).join(', ')}.` });
    if (!to.states[target]) issues.push({ code: 'UNKNOWN_TARGET_STATE', severity: 'error', path: `stateMap.${source}`, message: `State map value "${target}" is not a state of "${to.key}" v${to.version}; its states are: ${Object.keys(to.states).join(', ')}.` });
  }
  for (const state of Object.keys(from.states)) {
    if (stateMap[state] !== undefined || to.states[state]) continue;
    const current = state === snapshot.state;
    issues.push({ code: 'UNMAPPED_STATE', severity: current ? 'error' : 'warning', path: `stateMap.${state}`, message: `State "${state}" does not exist in "${to.key}" v${to.version}${current ? ' and the case is in it' : ''}: map it to one of ${Object.keys(to.states).join(', ')}.` });
  }
  return issues;
}

/**
 * Moves a running case from one workflow version to another with a state map, checking the map
 * and the data; the SLA clock keeps the time already spent, deadlines are recomputed.
 * @example
 * const result = migrateSnapshot(snapshot, v1, v2, { escalation: 'referral' });
 */
export function migrateSnapshot(
  snapshot: CaseSnapshot,
  from: Workflow,
  to: Workflow,
  stateMap: Readonly<Record<string, string>>,
  options: MigrationOptions = {},
): MigrationResult {
  const issues = checkMap(snapshot, from, to, stateMap);
  const compiled = compileWorkflow(to);
  const kept: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(snapshot.data)) {
    if (to.fields[field]) kept[field] = value;
    else issues.push({ code: 'DATA_DROPPED', severity: 'warning', path: `data.${field}`, message: `Field "${field}" is not in "${to.key}" v${to.version}; its value ${JSON.stringify(value)} will be dropped.` });
  }
  const parsed = compiled.dataSchema.safeParse(kept);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      issues.push({ code: 'DATA_INVALID', severity: 'error', path: `data.${field}`, message: `Field "${field}" has ${JSON.stringify(kept[field])}, which "${to.key}" v${to.version} does not accept: ${issue.message}. Correct the case data first.` });
    }
  }
  if (issues.some((i) => i.severity === 'error')) return { ok: false, issues };

  const target = stateMap[snapshot.state] ?? snapshot.state;
  const env = { calendars: createCalendarRegistry([...(options.calendars ?? [])]) };
  const draft = createDraft({ ...snapshot, data: kept }, compiled, env, toMillis(options.at ?? Date.now()));
  const old = draft.snapshot;
  const state = compiled.states.get(target);
  if (!state) throw new EngineError('INVALID_SNAPSHOT', `State "${target}" vanished during migration.`);
  cancelTimers(draft, (t) => t.kind !== 'referral');
  dropStateCauses(draft, old.state, []);
  if (!state.definition.referral) closeReferrals(draft, old.state, 'withdrawn');
  for (const referral of old.referrals) if (referral.state === old.state) referral.state = target;
  for (const timer of old.timers) if (timer.kind === 'referral' && timer.state === old.state) timer.state = target;
  old.workflow = { ...compiled.ref };
  const previousClock = old.clock;
  old.clock = null;
  old.state = target;
  if (state.definition.final) {
    old.status = 'closed';
    cancelTimers(draft, () => true);
    draft.effects.push({ type: 'caseClosed', state: target });
  } else if (state.clocked) {
    old.clock = {
      state: target,
      enteredAt: previousClock?.enteredAt ?? iso(draft.now),
      calendar: state.calendar,
      pauses: previousClock?.pauses.map((p) => ({ ...p, to: p.to ?? iso(draft.now) })) ?? [],
      dueAt: null,
    };
    scheduleClockTargets(draft, state);
  }
  settleWarning(draft);
  draft.effects.unshift({ type: 'migrated', from: { ...snapshot.workflow, state: snapshot.state }, to: { ...compiled.ref, state: target } });
  old.seq = draft.seq;
  old.updatedAt = iso(draft.now);
  return { ok: true, snapshot: old, effects: draft.effects, issues };
}
