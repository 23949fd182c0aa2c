import { BUILTIN_ROLES, PSEUDO_ROLES, type Actor, type Condition, type FieldDefinition, type Workflow } from '@shuoshi/engine';
import fc from 'fast-check';
import { fieldCandidates } from './field-candidates.js';
import { conditionConstants } from './satisfy-condition.js';

/**
 * Which event a random action sends: a transition of the state the case is in (by index; `onward`
 * prefers one that does not end the case), any event name of the workflow, or a name no state accepts.
 * @example
 * const e: EventChoice = { from: 'current', index: 3 };
 */
export type EventChoice = { from: 'current' | 'onward'; index: number } | { from: 'name'; name: string };

/**
 * One random action on a case; a `fit` index gives the sender one of the roles the event allows
 * (so that cases get past their first states), otherwise the actor's random roles stay.
 * @example
 * const a: CaseAction = { kind: 'advance', ms: 3_600_000 };
 */
export type CaseAction =
  | { kind: 'send'; event: EventChoice; actor: Actor; fit: number | null; data: Record<string, unknown> | undefined }
  | { kind: 'assign'; assignee: string | null; actor: Actor }
  | { kind: 'advance'; ms: number }
  | { kind: 'stale'; pick: number; madeUp: boolean };

/** Actor ids are drawn from a small pool so that separation of duties sometimes refuses. */
export const ACTOR_IDS = ['u1', 'u2', 'u3', 'u4'] as const;

const UNKNOWN_EVENTS = ['no_such_event', '', 'ACCEPT', 'constructor', '__proto__', 'toString'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Values of the wrong type, out of range, malformed or not JSON-safe, whatever the field.
const BAD_VALUES: unknown[] = [null, undefined, 0, -1, 1.5, 6, 1e12, Number.NaN, Number.POSITIVE_INFINITY, '', 'ten', 'x'.repeat(5001), true, [], ['wages', 'wages'], {}, '2025-02-30', '2025-10-11T09:30:00', 'no_such_option', '电话'];

function conditionsOf(workflow: Workflow): Condition[] {
  const fromTransitions = Object.values(workflow.states).flatMap((s) => s.transitions.flatMap((t) => (t.condition ? [t.condition] : [])));
  return [...fromTransitions, ...Object.values(workflow.warningRules ?? {}).map((r) => r.when)];
}

function validValue(workflow: Workflow, id: string, field: FieldDefinition): fc.Arbitrary<unknown> {
  const constants = conditionsOf(workflow).flatMap((c) => conditionConstants(c, id));
  return fc.constantFrom(...fieldCandidates(field, constants));
}

function record(entries: Array<[string, fc.Arbitrary<unknown>]>, all: boolean): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(entries);
  return all ? fc.record(model) : fc.record(model, { requiredKeys: [] });
}

/**
 * Random event data for a workflow: none, every field valid, some fields valid, or garbage (wrong
 * types, nulls, out-of-range values, unknown fields, prototype keys).
 * @example
 * fc.sample(eventDataArbitrary(unionGrievance), 1);
 */
export function eventDataArbitrary(workflow: Workflow): fc.Arbitrary<Record<string, unknown> | undefined> {
  const fields = Object.entries(workflow.fields);
  const valid = fields.map(([id, field]): [string, fc.Arbitrary<unknown>] => [id, validValue(workflow, id, field)]);
  const mixed = fields.map(([id, field]): [string, fc.Arbitrary<unknown>] => [id, fc.oneof(validValue(workflow, id, field), fc.constantFrom(...BAD_VALUES))]);
  const unknown = fc.constantFrom<Record<string, unknown>>(
    {},
    { no_such_field: '值' },
    { Title: 'x' },
    { constructor: 'x' },
    JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>,
  );
  const garbage = fc.tuple(record(mixed, false), unknown).map(([data, extra]) => Object.assign(JSON.parse(JSON.stringify(extra)) as Record<string, unknown>, data));
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 4, arbitrary: record(valid, true) },
    { weight: 3, arbitrary: record(valid, false) },
    { weight: 2, arbitrary: garbage },
  );
}

/**
 * Valid data that opens a case: the required fields, plus some optional ones.
 * @example
 * fc.sample(startDataArbitrary(legalAid), 1);
 */
export function startDataArbitrary(workflow: Workflow): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(workflow.fields);
  const required = fields.filter(([, f]) => f.required).map(([id, f]): [string, fc.Arbitrary<unknown>] => [id, validValue(workflow, id, f)]);
  const optional = fields.filter(([, f]) => !f.required).map(([id, f]): [string, fc.Arbitrary<unknown>] => [id, validValue(workflow, id, f)]);
  return fc.tuple(record(required, true), record(optional, false)).map(([a, b]) => ({ ...b, ...a }));
}

/**
 * Random actors: one or two roles among the built-in, pseudo and workflow roles, an id from a
 * small pool, sometimes an agency (a real one of the workflow or not).
 * @example
 * fc.sample(actorArbitrary(unionGrievance), 1); // [{ id: 'u2', roles: ['mediator'] }]
 */
export function actorArbitrary(workflow: Workflow): fc.Arbitrary<Actor> {
  const roles = [...BUILTIN_ROLES, ...PSEUDO_ROLES, ...Object.keys(workflow.roles ?? {})];
  const agencies = [...Object.keys(workflow.agencies ?? {}), 'no_such_agency'];
  return fc
    .record({
      id: fc.constantFrom(...ACTOR_IDS),
      roles: fc.uniqueArray(fc.constantFrom(...roles), { minLength: 1, maxLength: 2 }),
      agency: fc.option(fc.constantFrom(...agencies), { freq: 2 }),
    })
    .map(({ id, roles: chosen, agency }) => (agency === null ? { id, roles: chosen } : { id, roles: chosen, agency }));
}

function eventArbitrary(workflow: Workflow): fc.Arbitrary<EventChoice> {
  const names = [...new Set(Object.values(workflow.states).flatMap((s) => s.transitions.map((t) => t.event)))];
  return fc.oneof(
    { weight: 3, arbitrary: fc.nat({ max: 50 }).map((index): EventChoice => ({ from: 'current', index })) },
    { weight: 4, arbitrary: fc.nat({ max: 50 }).map((index): EventChoice => ({ from: 'onward', index })) },
    { weight: 2, arbitrary: fc.constantFrom(...names).map((name): EventChoice => ({ from: 'name', name })) },
    { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_EVENTS).map((name): EventChoice => ({ from: 'name', name })) },
  );
}

/**
 * Random actions on a case of a workflow: send an event, assign, move the clock (firing what falls
 * due), or fire a timer the case may no longer have.
 * @example
 * fc.assert(fc.property(caseActionsArbitrary(unionGrievance), (actions) => run(actions)));
 */
export function caseActionsArbitrary(workflow: Workflow, maxLength = 30): fc.Arbitrary<CaseAction[]> {
  const actor = actorArbitrary(workflow);
  const action: fc.Arbitrary<CaseAction> = fc.oneof(
    { weight: 10, arbitrary: fc.record({
        kind: fc.constant('send' as const),
        event: eventArbitrary(workflow),
        actor,
        fit: fc.option(fc.nat({ max: 20 }), { freq: 3 }),
        data: eventDataArbitrary(workflow),
      }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('assign' as const), assignee: fc.option(fc.constantFrom(...ACTOR_IDS)), actor }) },
    {
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 8 * HOUR }), fc.integer({ min: 0, max: 40 * DAY })) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('stale' as const), pick: fc.nat(), madeUp: fc.boolean() }) },
  );
  return fc.array(action, { maxLength, size: 'max' });
}
