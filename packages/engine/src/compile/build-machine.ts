import { assign, setup } from 'xstate';
import type { Condition, Workflow } from '../definition/index.js';
import { evaluateCondition } from '../runtime/evaluate-condition.js';
import { mergeData } from '../runtime/merge-data.js';

/**
 * The context the compiled machine carries: the case data.
 * @example
 * const ctx: MachineContext = { data: { title: '夜班打车难' } };
 */
export interface MachineContext {
  data: Record<string, unknown>;
}

/**
 * An event as the compiled machine sees it: the event name and the data patch it carries.
 * @example
 * const e: MachineEvent = { type: 'accept', data: { category: 'commute' } };
 */
export interface MachineEvent {
  type: string;
  data?: Record<string, unknown>;
}

/**
 * Builds the XState v5 machine of a workflow: one flat state per workflow state, entry and exit
 * actions named after the state (the engine turns them into effects), a guard per condition.
 * @example
 * const machine = buildMachine(workflow);
 * const [snapshot, actions] = initialTransition(machine, { data: {} });
 */
export function buildMachine(workflow: Workflow) {
  const states: Record<string, object> = {};
  for (const [id, state] of Object.entries(workflow.states)) {
    const on: Record<string, object> = {};
    for (const transition of state.transitions) {
      on[transition.event] = {
        ...(transition.target !== undefined && transition.target !== id ? { target: transition.target } : {}),
        ...(transition.condition ? { guard: { type: 'condition', params: { condition: transition.condition } } } : {}),
        actions: ['mergeData'],
      };
    }
    states[id] = {
      ...(state.final ? { type: 'final' } : {}),
      entry: [{ type: 'enter', params: { state: id } }],
      exit: [{ type: 'exit', params: { state: id } }],
      on,
    };
  }
  return setup({
    types: {} as { context: MachineContext; events: MachineEvent; input: { data: Record<string, unknown> } },
    guards: {
      condition: ({ context, event }, params: { condition: Condition }) =>
        evaluateCondition(params.condition, mergeData(context.data, event.data)),
    },
    actions: {
      mergeData: assign(({ context, event }) => ({ data: mergeData(context.data, event.data) })),
      // Entry and exit are carried out by the engine from the returned action list, never by XState.
      enter: (_args, _params: { state: string }) => undefined,
      exit: (_args, _params: { state: string }) => undefined,
    },
  }).createMachine({
    id: `${workflow.key}@${workflow.version}`,
    initial: workflow.initial,
    // XState computes an initial snapshot when an actor is created, input or not: no input, no data.
    context: ({ input }) => ({ data: (input as { data?: Record<string, unknown> } | undefined)?.data ?? {} }),
    states,
  });
}

/**
 * The type of a compiled workflow machine.
 * @example
 * const machine: WorkflowMachine = buildMachine(workflow);
 */
export type WorkflowMachine = ReturnType<typeof buildMachine>;

