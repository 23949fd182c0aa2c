import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../compile/index.js';
import { BUILTIN_TEMPLATES } from '../templates/builtin/index.js';
import { machineInitialTransition, machineTransition, takeTransition } from './machine-step.js';

const DATA = { title: '下夜班打车难', description: '希望开通夜班公交', category: 'commute', resolved: true, adopted: true, value: 100, score: 5 };

function actionsOf(actions: readonly { type: string; params?: unknown }[]) {
  return actions.map((action) => ({ type: action.type, params: action.params }));
}

describe('machineTransition', () => {
  it.each(BUILTIN_TEMPLATES.map((workflow) => [workflow.key, workflow] as const))('steps every transition of %s as XState transition() does', (_key, workflow) => {
    const { machine } = compileWorkflow(workflow);
    let compared = 0;
    for (const [stateId, state] of Object.entries(workflow.states)) {
      for (const { event } of state.transitions) {
        const snapshot = machine.resolveState({ value: stateId, context: { data: { ...DATA } } });
        const [ours, ourActions] = machineTransition(machine, snapshot, { type: event, data: { note: 'x' } });
        const [theirs, theirActions] = transition(machine, snapshot, { type: event, data: { note: 'x' } });
        expect(ours.value).toEqual(theirs.value);
        expect(ours.context).toEqual(theirs.context);
        expect(ours === snapshot).toBe(theirs === snapshot);
        expect(actionsOf(ourActions)).toEqual(actionsOf(theirActions));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  it('keeps the actions of one call apart from the next', () => {
    const { machine } = compileWorkflow(BUILTIN_TEMPLATES[0]!);
    const [, first] = machineInitialTransition(machine, { data: {} });
    const [, second] = machineInitialTransition(machine, { data: {} });
    expect(first).not.toBe(second);
    expect(actionsOf(second)).toEqual(actionsOf(first));
  });
});

describe('machineInitialTransition', () => {
  it.each(BUILTIN_TEMPLATES.map((workflow) => [workflow.key, workflow] as const))('enters the initial state of %s as XState initialTransition() does', (_key, workflow) => {
    const { machine } = compileWorkflow(workflow);
    const [ours, ourActions] = machineInitialTransition(machine, { data: { ...DATA } });
    const [theirs, theirActions] = initialTransition(machine, { data: { ...DATA } });
    expect(ours.value).toEqual(theirs.value);
    expect(ours.context).toEqual(theirs.context);
    expect(actionsOf(ourActions)).toEqual(actionsOf(theirActions));
  });
});

describe('takeTransition', () => {
  it.each(BUILTIN_TEMPLATES.map((workflow) => [workflow.key, workflow] as const))('answers every transition of %s as XState transition() does', (_key, workflow) => {
    const { machine } = compileWorkflow(workflow);
    let staying = 0;
    for (const [stateId, state] of Object.entries(workflow.states)) {
      for (const definition of state.transitions) {
        for (const patch of [undefined, { note: 'x', category: null }, { resolved: false, score: 1 }]) {
          const event = { type: definition.event, ...(patch ? { data: patch } : {}) };
          const snapshot = machine.resolveState({ value: stateId, context: { data: { ...DATA } } });
          const ours = takeTransition(machine, stateId, definition, event, snapshot.context.data);
          const [theirs, theirActions] = transition(machine, snapshot, event);
          if (theirs === snapshot) expect(ours).toBeUndefined();
          else {
            expect(ours?.data).toEqual(theirs.context.data);
            expect(actionsOf(ours?.actions ?? [])).toEqual(actionsOf(theirActions));
          }
        }
        if ((definition.target === undefined || definition.target === stateId) && !definition.condition) staying++;
      }
    }
    // Both ways are compared: transitions answered without XState and transitions through it.
    if (workflow.key === 'union-grievance') expect(staying).toBeGreaterThan(0);
  });
});
