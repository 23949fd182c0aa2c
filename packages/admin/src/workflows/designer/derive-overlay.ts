import { deepEqual, type Transition, type Workflow } from '@shuoshi/engine';

type Patch = Record<string, unknown>;

const TOP_LEVEL = ['title', 'description', 'category', 'calendar', 'initial', 'public'] as const;
const COLLECTIONS = ['roles', 'agencies', 'actions', 'fields', 'warningRules'] as const;

// Overlays merge shallowly and cannot delete a single key: a dropped key is reported so the
// designer can say so instead of saving a draft that silently keeps the template's value.
function shallowPatch(before: Patch, after: Patch, at: string, dropped: string[]): Patch | undefined {
  const patch: Patch = {};
  for (const [key, value] of Object.entries(after)) if (!deepEqual(before[key], value)) patch[key] = value;
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) dropped.push(`${at}.${key}`);
  return Object.keys(patch).length > 0 ? patch : undefined;
}

function transitionsPatch(before: readonly Transition[], after: readonly Transition[], at: string, dropped: string[]): Patch | undefined {
  const patch: Patch = {};
  const old = new Map(before.map((t) => [t.event, t]));
  for (const transition of after) {
    const { event, ...rest } = transition;
    const previous = old.get(event);
    if (!previous) {
      patch[event] = rest;
      continue;
    }
    const { event: _event, ...previousRest } = previous;
    const changed = shallowPatch(previousRest, rest, `${at}.${event}`, dropped);
    if (changed) patch[event] = changed;
  }
  for (const event of old.keys()) if (!after.some((t) => t.event === event)) patch[event] = null;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/**
 * Writes the township overlay that turns a template into the edited workflow: only what differs,
 * in the overlay's patch form (by id, `null` to remove, transitions by event). `dropped` lists
 * keys removed from a template entry, which an overlay cannot express.
 * @example
 * const { overlay } = deriveOverlay(unionGrievance, edited); // { states: { chamber_mediation: {...}, triage: { transitions: { to_chamber: {...} } } } }
 */
export function deriveOverlay(template: Workflow, edited: Workflow): { overlay: Patch; dropped: string[] } {
  const overlay: Patch = {};
  const dropped: string[] = [];
  for (const key of TOP_LEVEL) if (edited[key] !== undefined && !deepEqual(template[key], edited[key])) overlay[key] = edited[key];
  for (const key of TOP_LEVEL) if (template[key] !== undefined && edited[key] === undefined) dropped.push(key);
  for (const key of COLLECTIONS) {
    const before = (template[key] ?? {}) as Record<string, Patch>;
    const after = (edited[key] ?? {}) as Record<string, Patch>;
    const patch: Patch = {};
    for (const [id, entry] of Object.entries(after)) {
      const previous = before[id];
      if (!previous) patch[id] = entry;
      // Roles, agencies and actions are replaced whole; fields and rules merge.
      else if (key === 'roles' || key === 'agencies' || key === 'actions') {
        if (!deepEqual(previous, entry)) patch[id] = entry;
      } else {
        const changed = shallowPatch(previous, entry, `${key}.${id}`, dropped);
        if (changed) patch[id] = changed;
      }
    }
    for (const id of Object.keys(before)) if (!Object.hasOwn(after, id)) patch[id] = null;
    if (Object.keys(patch).length > 0) overlay[key] = patch;
  }
  const states: Patch = {};
  for (const [id, state] of Object.entries(edited.states)) {
    const previous = template.states[id];
    const { transitions, ...props } = state;
    if (!previous) {
      states[id] = { ...props, transitions: Object.fromEntries(transitions.map(({ event, ...rest }) => [event, rest])) };
      continue;
    }
    const { transitions: oldTransitions, ...oldProps } = previous;
    const patch = shallowPatch(oldProps, props, `states.${id}`, dropped) ?? {};
    const changedTransitions = transitionsPatch(oldTransitions, transitions, `states.${id}.transitions`, dropped);
    if (changedTransitions) patch['transitions'] = changedTransitions;
    if (Object.keys(patch).length > 0) states[id] = patch;
  }
  for (const id of Object.keys(template.states)) if (!Object.hasOwn(edited.states, id)) states[id] = null;
  if (Object.keys(states).length > 0) overlay['states'] = states;
  return { overlay, dropped };
}
