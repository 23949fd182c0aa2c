import { createActor, type AnyActorScope, type ExecutableActionsFrom, type SnapshotFrom } from 'xstate';
import type { MachineEvent, WorkflowMachine } from '../compile/index.js';
import type { Transition } from '../definition/index.js';
import { mergeData } from './merge-data.js';

type MachineActions = ExecutableActionsFrom<WorkflowMachine>[];

interface InertScope {
  scope: AnyActorScope;
  /** Where the scope's action executor puts the actions of the call in progress. */
  sink: { actions: MachineActions };
}

// XState's `transition` and `initialTransition` build a new inert actor scope on every call: an
// actor, two actor systems, and the machine's initial snapshot (the actor constructor computes it
// eagerly). That was most of a step's cost in the server, so each machine gets one scope for its
// lifetime. It is safe to share because a step is synchronous and the engine's machines spawn no
// actors, raise no delayed events and run no actions inside XState (entry and exit come back as
// data): the scope is only the place the actions of one call are collected.
const scopes = new WeakMap<WorkflowMachine, InertScope>();

function scopeOf(machine: WorkflowMachine): InertScope {
  const known = scopes.get(machine);
  if (known) return known;
  const self = createActor(machine, { input: { data: {} } });
  const sink: { actions: MachineActions } = { actions: [] };
  const scope: AnyActorScope = {
    self,
    defer: () => undefined,
    id: '',
    logger: () => undefined,
    sessionId: '',
    stopChild: () => undefined,
    system: self.system,
    emit: () => undefined,
    actionExecutor: (action) => {
      sink.actions.push(action as MachineActions[number]);
    },
  };
  const created: InertScope = { scope, sink };
  scopes.set(machine, created);
  return created;
}

function collect<T>(machine: WorkflowMachine, run: (scope: AnyActorScope) => T): [T, MachineActions] {
  const { scope, sink } = scopeOf(machine);
  const actions: MachineActions = [];
  sink.actions = actions;
  try {
    return [run(scope), actions];
  } finally {
    sink.actions = [];
  }
}

/**
 * Takes one XState transition of a workflow machine without executing its actions: the next
 * machine snapshot and the actions to carry out, like XState's `transition` but without building
 * a new actor scope per call.
 * @example
 * const [next, actions] = machineTransition(machine, machine.resolveState({ value: 'triage', context: { data } }), { type: 'accept' });
 */
export function machineTransition(machine: WorkflowMachine, snapshot: SnapshotFrom<WorkflowMachine>, event: MachineEvent): [SnapshotFrom<WorkflowMachine>, MachineActions] {
  return collect(machine, (scope) => machine.transition(snapshot, event, scope));
}

/**
 * Enters a workflow machine's initial state with the given data without executing its actions,
 * like XState's `initialTransition` but without building a new actor scope per call.
 * @example
 * const [first, actions] = machineInitialTransition(machine, { data: { title: '夜班打车难' } });
 */
export function machineInitialTransition(machine: WorkflowMachine, input: { data: Record<string, unknown> }): [SnapshotFrom<WorkflowMachine>, MachineActions] {
  return collect(machine, (scope) => machine.getInitialSnapshot(scope, input));
}

/**
 * Takes a workflow transition from a state with the case's data: the data after it and the entry
 * and exit actions to carry out, or undefined when its condition does not hold. A transition that
 * stays in its state (no target, or its own state) and has no condition only merges the event's
 * data (the machine has it targetless, so XState enters and exits nothing): that answer is given
 * without asking XState, which costs a good share of a step and most steps of a case (claims,
 * notes, new data) are of this kind.
 * @example
 * const step = takeTransition(machine, 'triage', transition, { type: 'note', data: { note: '已回电' } }, snapshot.data);
 */
export function takeTransition(
  machine: WorkflowMachine,
  stateId: string,
  transition: Pick<Transition, 'target' | 'condition'>,
  event: MachineEvent,
  data: Record<string, unknown>,
): { data: Record<string, unknown>; actions: MachineActions } | undefined {
  if ((transition.target === undefined || transition.target === stateId) && transition.condition === undefined) {
    return { data: mergeData(data, event.data), actions: [] };
  }
  const restored = machine.resolveState({ value: stateId, context: { data } });
  const [next, actions] = machineTransition(machine, restored, event);
  return next === restored ? undefined : { data: next.context.data, actions };
}
