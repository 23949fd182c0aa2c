import type { z } from 'zod';
import { BUILTIN_ROLES, type StateDefinition, type Transition, type Workflow } from '../definition/index.js';
import { buildDataSchema } from './build-data-schema.js';
import { buildMachine, type WorkflowMachine } from './build-machine.js';
import { stateTargets, type ClockTarget } from './state-targets.js';

/**
 * The calendar a workflow uses when it names none.
 * @example
 * workflow.calendar ?? DEFAULT_CALENDAR; // 'cn-mainland'
 */
export const DEFAULT_CALENDAR = 'cn-mainland';

/**
 * A state prepared for stepping: transitions by event, deadlines, fields each event needs.
 * @example
 * compiled.states.get('triage')?.transitions.get('route_to_mediation');
 */
export interface CompiledState {
  id: string;
  definition: StateDefinition;
  transitions: Map<string, Transition>;
  /** Fields each event requires, including the agency field of a referral state it enters. */
  requires: Map<string, string[]>;
  targets: ClockTarget[];
  calendar: string;
  /** Whether entering the state starts a clock (an SLA, a ladder or a timeout). */
  clocked: boolean;
}

/**
 * A workflow prepared for stepping: its XState machine, states, data schema and lookups.
 * @example
 * const compiled = compileWorkflow(workflow);
 */
export interface CompiledWorkflow {
  workflow: Workflow;
  ref: { key: string; version: number };
  machine: WorkflowMachine;
  states: Map<string, CompiledState>;
  dataSchema: z.ZodType<Record<string, unknown>>;
  /** Events some transition's separation of duties refers to: their actors are remembered. */
  trackedEvents: Set<string>;
  /** Staff roles this workflow knows: built-ins and its own. */
  staffRoles: string[];
  requiredAtStart: string[];
}

function compileState(workflow: Workflow, id: string, state: StateDefinition): CompiledState {
  const transitions = new Map(state.transitions.map((t) => [t.event, t] as const));
  const requires = new Map<string, string[]>();
  for (const transition of state.transitions) {
    const list = [...(transition.requires ?? [])];
    const target = transition.target ? workflow.states[transition.target] : undefined;
    const agencyField = transition.target !== id ? target?.referral?.agencyField : undefined;
    if (agencyField && !list.includes(agencyField)) list.push(agencyField);
    requires.set(transition.event, list);
  }
  const targets = stateTargets(state);
  return {
    id,
    definition: state,
    transitions,
    requires,
    targets,
    calendar: state.sla?.calendar ?? workflow.calendar ?? DEFAULT_CALENDAR,
    clocked: targets.length > 0,
  };
}

const cache = new WeakMap<Workflow, CompiledWorkflow>();

/**
 * Compiles a validated workflow into its XState machine and lookups; cached per workflow object.
 * @example
 * const { machine } = compileWorkflow(unionGrievance);
 */
export function compileWorkflow(workflow: Workflow): CompiledWorkflow {
  const hit = cache.get(workflow);
  if (hit) return hit;
  const states = new Map<string, CompiledState>();
  const trackedEvents = new Set<string>();
  for (const [id, state] of Object.entries(workflow.states)) {
    states.set(id, compileState(workflow, id, state));
    for (const transition of state.transitions) for (const event of transition.separation?.notActorOf ?? []) trackedEvents.add(event);
  }
  const compiled: CompiledWorkflow = {
    workflow,
    ref: { key: workflow.key, version: workflow.version },
    machine: buildMachine(workflow),
    states,
    dataSchema: buildDataSchema(workflow),
    trackedEvents,
    staffRoles: [...BUILTIN_ROLES, ...Object.keys(workflow.roles ?? {})],
    requiredAtStart: Object.entries(workflow.fields)
      .filter(([, field]) => field.required)
      .map(([id]) => id),
  };
  cache.set(workflow, compiled);
  return compiled;
}
