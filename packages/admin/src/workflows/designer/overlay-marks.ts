import { deepEqual, type Workflow } from '@shuoshi/engine';
import { diagramTargetKey } from './diagram-target.js';

/**
 * The marks the diagram shows for an overlay: states and transitions (`state/event`) it added or
 * changed against the template, and the template's locked states.
 * @example
 * const { added, changed, locked } = overlayMarks(template, edited);
 */
export function overlayMarks(template: Workflow | null, edited: Workflow): { added: Set<string>; changed: Set<string>; locked: Set<string> } {
  const added = new Set<string>();
  const changed = new Set<string>();
  const locked = new Set<string>();
  if (!template) return { added, changed, locked };
  for (const [id, state] of Object.entries(template.states)) if (state.locked) locked.add(id);
  for (const [id, state] of Object.entries(edited.states)) {
    const before = template.states[id];
    if (!before) {
      added.add(id);
      for (const t of state.transitions) added.add(diagramTargetKey({ kind: 'transition', state: id, event: t.event }));
      continue;
    }
    const { transitions, ...props } = state;
    const { transitions: oldTransitions, ...oldProps } = before;
    if (!deepEqual(props, oldProps)) changed.add(id);
    for (const t of transitions) {
      const key = diagramTargetKey({ kind: 'transition', state: id, event: t.event });
      const old = oldTransitions.find((o) => o.event === t.event);
      if (!old) added.add(key);
      else if (!deepEqual(old, t)) changed.add(key);
    }
    if (oldTransitions.some((o) => !transitions.some((t) => t.event === o.event))) changed.add(id);
  }
  return { added, changed, locked };
}
