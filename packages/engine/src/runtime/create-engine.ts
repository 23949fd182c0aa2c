import type { z } from 'zod';
import { createCalendarRegistry, type BusinessCalendar } from '../calendar/index.js';
import { compileWorkflow, type CompiledWorkflow } from '../compile/index.js';
import type { Workflow } from '../definition/index.js';
import { validateWorkflow } from '../definition/validation/index.js';
import { EngineError } from '../errors/index.js';
import type { Actor } from './actor.js';
import { availableEvents, type AvailableEvent } from './available-events.js';
import { checkEvent, type CaseEvent } from './check-event.js';
import type { StepResult } from './effect.js';
import { enterState } from './enter-state.js';
import { fireDueTimer } from './fire-timer.js';
import { machineInitialTransition } from './machine-step.js';
import { isStaff, runTransition, setAssignee } from './run-transition.js';
import { settleWarning } from './settle-warning.js';
import type { ActiveTimer, CaseSnapshot } from './snapshot.js';
import { createDraft, iso, type StepEnvironment } from './step-draft.js';
import { toMillis, type Instant } from './to-millis.js';
import { validateData } from './validate-data.js';
import { hasValue } from './evaluate-condition.js';
import { mergeData } from './merge-data.js';

/**
 * A host action the engine may ask for by name; `params` checks the parameters workflows give it.
 * @example
 * const sms: ActionRegistration = { description: 'Send an SMS', params: z.object({ template: z.string() }) };
 */
export interface ActionRegistration {
  description?: string;
  params?: z.ZodType;
}

/**
 * Options of `createEngine`.
 * @example
 * const options: EngineOptions = { workflows: [unionGrievance], now: () => new Date() };
 */
export interface EngineOptions {
  /** Resolved workflow definitions (JSON); each is validated when registered. */
  workflows?: readonly unknown[];
  /** Host calendars in addition to the built-in `cn-mainland` and `natural`. */
  calendars?: readonly BusinessCalendar[];
  actions?: Readonly<Record<string, ActionRegistration>>;
  /** The clock; inject it to make steps repeatable. */
  now?: () => Instant;
}

/**
 * How a case is opened.
 * @example
 * const o: StartOptions = { data: { title: '下夜班打车难' }, actor, channel: 'phone' };
 */
export interface StartOptions {
  data?: Record<string, unknown>;
  actor: Actor;
  /** Where the matter came in: walk_in, phone, online, mini_program, or the host's own. */
  channel: string;
}

/**
 * The engine: decides every step of a case and returns effects, never carries them out.
 * @example
 * const { snapshot, effects } = engine.apply(snapshot, { type: 'accept' }, actor);
 */
export interface Engine {
  register(workflow: unknown): Workflow;
  workflow(ref: { key: string; version?: number }): Workflow;
  workflows(): Workflow[];
  start(ref: { key: string; version?: number }, options: StartOptions): StepResult;
  apply(snapshot: CaseSnapshot, event: CaseEvent, actor: Actor): StepResult;
  availableEvents(snapshot: CaseSnapshot, actor: Actor): AvailableEvent[];
  fireTimer(snapshot: CaseSnapshot, timerId: string, at: Instant): StepResult;
  dueTimers(snapshot: CaseSnapshot, at: Instant): ActiveTimer[];
  assign(snapshot: CaseSnapshot, assignee: string | null, actor: Actor): StepResult;
}

function checkActions(workflow: Workflow, actions: Readonly<Record<string, ActionRegistration>>): void {
  for (const [stateId, state] of Object.entries(workflow.states)) {
    for (const effect of state.onEntry ?? []) {
      if (effect.type !== 'action') continue;
      const registration = actions[effect.name];
      if (!registration) {
        throw new EngineError('UNKNOWN_ACTION', `Workflow "${workflow.key}" v${workflow.version} state "${stateId}" asks for action "${effect.name}", which the host has not registered; registered: ${Object.keys(actions).join(', ') || 'none'}. Pass it in createEngine({ actions }).`, { action: effect.name });
      }
      const parsed = registration.params?.safeParse(effect.params ?? {});
      if (parsed && !parsed.success) {
        throw new EngineError('INVALID_WORKFLOW', `Action "${effect.name}" in state "${stateId}" has bad params ${JSON.stringify(effect.params)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`, { action: effect.name });
      }
    }
  }
}

/**
 * Creates an engine over a set of workflows, calendars and host actions; all methods are pure.
 * @example
 * const engine = createEngine({ workflows: [unionGrievance] });
 * const { snapshot } = engine.start({ key: 'union-grievance' }, { data, actor, channel: 'phone' });
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const calendars = createCalendarRegistry([...(options.calendars ?? [])]);
  const actions = options.actions ?? {};
  const env: StepEnvironment = { calendars };
  const now = options.now ?? (() => Date.now());
  const registry = new Map<string, Workflow>();
  const latest = new Map<string, number>();

  function register(json: unknown): Workflow {
    const result = validateWorkflow(json, { calendars: calendars.names(), actions: Object.keys(actions) });
    if (!result.ok) {
      const label = typeof json === 'object' && json !== null ? `"${String((json as { key?: unknown }).key)}" v${String((json as { version?: unknown }).version)}` : JSON.stringify(json);
      throw new EngineError('INVALID_WORKFLOW', `Workflow ${label} is not valid: ${result.issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}`).join(' | ')}`, { issues: result.issues });
    }
    checkActions(result.workflow, actions);
    registry.set(`${result.workflow.key}@${result.workflow.version}`, result.workflow);
    latest.set(result.workflow.key, Math.max(latest.get(result.workflow.key) ?? 0, result.workflow.version));
    return result.workflow;
  }

  function workflow(ref: { key: string; version?: number }): Workflow {
    const version = ref.version ?? latest.get(ref.key);
    const found = version === undefined ? undefined : registry.get(`${ref.key}@${version}`);
    if (!found) {
      const known = [...registry.keys()].join(', ') || 'none';
      throw new EngineError('UNKNOWN_WORKFLOW', `Workflow "${ref.key}"${ref.version ? ` v${ref.version}` : ''} is not registered; registered: ${known}. Register it with engine.register(workflow).`, { key: ref.key, version: ref.version });
    }
    return found;
  }

  function compiledFor(snapshot: CaseSnapshot): CompiledWorkflow {
    if (typeof snapshot !== 'object' || snapshot === null || typeof snapshot.workflow !== 'object' || typeof snapshot.state !== 'string' || !Array.isArray(snapshot.timers)) {
      throw new EngineError('INVALID_SNAPSHOT', `The snapshot is not a case snapshot (got ${JSON.stringify(snapshot)?.slice(0, 120)}); pass what start or apply returned, parsed from JSON.`);
    }
    return compileWorkflow(workflow(snapshot.workflow));
  }

  for (const json of options.workflows ?? []) register(json);

  return {
    register,
    workflow,
    workflows: () => [...registry.values()],
    start(ref, { data, actor, channel }) {
      const compiled = compileWorkflow(workflow(ref));
      if (typeof channel !== 'string' || channel === '') throw new EngineError('INVALID_DATA', `The channel ${JSON.stringify(channel)} is not valid: say where the matter came in, e.g. "walk_in", "phone", "online" or "mini_program".`);
      // Merged into nothing so that null and undefined values are dropped, as in every step.
      const patch = mergeData({}, validateData(compiled, data));
      const missing = compiled.requiredAtStart.filter((field) => !hasValue(patch[field]));
      if (missing.length > 0) throw new EngineError('MISSING_FIELDS', `Opening a "${compiled.ref.key}" case requires ${missing.map((f) => `${f} (${compiled.workflow.fields[f]?.label.zh ?? f})`).join(', ')}.`, { missing });
      const at = toMillis(now());
      const empty: CaseSnapshot = {
        workflow: { ...compiled.ref }, state: '', status: 'open', data: {}, warning: 'green', warningCauses: [], assignee: null,
        handlers: isStaff(actor) ? [actor.id] : [], eventActors: {}, channel, openedAt: iso(at), updatedAt: iso(at), clock: null, timers: [], referrals: [], seq: 0,
      };
      const draft = createDraft(empty, compiled, env, at);
      const [machineSnapshot, machineActions] = machineInitialTransition(compiled.machine, { data: patch });
      draft.snapshot.data = machineSnapshot.context.data;
      for (const action of machineActions) {
        const state = (action.params as { state?: unknown } | undefined)?.state;
        if (action.type === 'enter' && typeof state === 'string') enterState(draft, state, null);
      }
      settleWarning(draft);
      draft.snapshot.seq = draft.seq;
      return { snapshot: draft.snapshot, effects: draft.effects };
    },
    apply(snapshot, event, actor) {
      const compiled = compiledFor(snapshot);
      const { patch } = checkEvent(compiled, snapshot, event, actor);
      const at = toMillis(now());
      const draft = createDraft(snapshot, compiled, env, at);
      runTransition(draft, { type: event.type, ...(patch ? { data: patch } : {}) }, actor);
      draft.snapshot.seq = draft.seq;
      draft.snapshot.updatedAt = iso(at);
      return { snapshot: draft.snapshot, effects: draft.effects };
    },
    availableEvents(snapshot, actor) {
      return availableEvents(compiledFor(snapshot), snapshot, actor);
    },
    fireTimer(snapshot, timerId, at) {
      const compiled = compiledFor(snapshot);
      const timer = snapshot.timers.find((t) => t.id === timerId);
      const when = toMillis(at);
      // A timer the case no longer has (it moved on, or it already fired), or one not yet due, does nothing.
      if (!timer || snapshot.status === 'closed' || when < Date.parse(timer.dueAt)) return { snapshot, effects: [] };
      const draft = createDraft(snapshot, compiled, env, when);
      fireDueTimer(draft, timer);
      draft.snapshot.seq = draft.seq;
      draft.snapshot.updatedAt = iso(draft.now);
      return { snapshot: draft.snapshot, effects: draft.effects };
    },
    dueTimers(snapshot, at) {
      const limit = toMillis(at);
      return snapshot.timers.filter((t) => Date.parse(t.dueAt) <= limit).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
    },
    assign(snapshot, assignee, actor) {
      const compiled = compiledFor(snapshot);
      if (snapshot.status === 'closed') throw new EngineError('CASE_CLOSED', `The case is closed in state "${snapshot.state}"; a closed case cannot be assigned.`);
      if (!isStaff(actor)) throw new EngineError('NOT_ALLOWED', `Roles [${actor.roles.join(', ')}] may not assign cases; only union staff may.`, { roles: actor.roles });
      const draft = createDraft(snapshot, compiled, env, toMillis(now()));
      setAssignee(draft, assignee);
      if (isStaff(actor) && !draft.snapshot.handlers.includes(actor.id)) draft.snapshot.handlers.push(actor.id);
      draft.snapshot.seq = draft.seq;
      draft.snapshot.updatedAt = iso(draft.now);
      return { snapshot: draft.snapshot, effects: draft.effects };
    },
  };
}
