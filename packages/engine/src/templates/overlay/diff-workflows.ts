import { formatPath, type PathSegment } from '../../definition/validation/index.js';
import type { Transition } from '../../definition/state.js';
import type { Workflow } from '../../definition/workflow.js';
import { deepEqual } from './deep-equal.js';
import type { OverlayChange } from './overlay-conflict.js';

const TOP_LEVEL = ['$schema', 'key', 'version', 'title', 'description', 'category', 'extends', 'calendar', 'initial', 'public'] as const;
const COLLECTIONS = ['roles', 'agencies', 'actions', 'fields'] as const;

function compare(before: unknown, after: unknown, segments: PathSegment[], out: OverlayChange[]): void {
  if (before === undefined && after === undefined) return;
  const path = formatPath(segments);
  if (before === undefined) out.push({ kind: 'added', path, segments, after });
  else if (after === undefined) out.push({ kind: 'removed', path, segments, before });
  else if (!deepEqual(before, after)) out.push({ kind: 'changed', path, segments, before, after });
}

function compareRecords(a: Record<string, unknown> = {}, b: Record<string, unknown> = {}, prefix: PathSegment[], out: OverlayChange[]): void {
  for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
    compare(Object.hasOwn(a, id) ? a[id] : undefined, Object.hasOwn(b, id) ? b[id] : undefined, [...prefix, id], out);
  }
}

function byEvent(transitions: readonly Transition[]): Record<string, Transition> {
  const out: Record<string, Transition> = {};
  for (const transition of transitions) if (!Object.hasOwn(out, transition.event)) out[transition.event] = transition;
  return out;
}

/**
 * Lists the node-level differences from `a` to `b`: top-level properties, each role, agency,
 * action, field and warning rule, each state (added or removed whole, else property by property)
 * and each transition by event. Paths read like `states.triage.transitions.to_chamber`.
 * @example
 * diffWorkflows(template, resolved).filter((c) => c.kind === 'added').map((c) => c.path); // ['states.chamber_mediation', …]
 */
export function diffWorkflows(a: Workflow, b: Workflow): OverlayChange[] {
  const out: OverlayChange[] = [];
  for (const key of TOP_LEVEL) compare(a[key], b[key], [key], out);
  for (const key of COLLECTIONS) compareRecords(a[key], b[key], [key], out);
  for (const id of new Set([...Object.keys(a.states), ...Object.keys(b.states)])) {
    const before = Object.hasOwn(a.states, id) ? a.states[id] : undefined;
    const after = Object.hasOwn(b.states, id) ? b.states[id] : undefined;
    if (!before || !after) {
      compare(before, after, ['states', id], out);
      continue;
    }
    const { transitions: beforeTransitions, ...beforeProps } = before;
    const { transitions: afterTransitions, ...afterProps } = after;
    compareRecords(beforeProps, afterProps, ['states', id], out);
    compareRecords(byEvent(beforeTransitions), byEvent(afterTransitions), ['states', id, 'transitions'], out);
  }
  compareRecords(a.warningRules, b.warningRules, ['warningRules'], out);
  return out;
}
