/**
 * What a click on the diagram, an issue or a list selects: a state, a transition (by its state
 * and event), a case field, or the workflow as a whole.
 * @example
 * const target: DiagramTarget = { kind: 'transition', state: 'triage', event: 'to_chamber' };
 */
export type DiagramTarget =
  | { kind: 'state'; state: string }
  | { kind: 'transition'; state: string; event: string }
  | { kind: 'field'; field: string }
  | { kind: 'workflow' };

/**
 * The string form of a target, used for `selected` and React keys: a state is its id, a
 * transition `state/event`, a field `field:id`, the workflow `workflow`.
 * @example
 * diagramTargetKey({ kind: 'transition', state: 'triage', event: 'escalate' }); // 'triage/escalate'
 */
export function diagramTargetKey(target: DiagramTarget): string {
  switch (target.kind) {
    case 'state':
      return target.state;
    case 'transition':
      return `${target.state}/${target.event}`;
    case 'field':
      return `field:${target.field}`;
    case 'workflow':
      return 'workflow';
  }
}

/**
 * Reads a target back from its string form (the inverse of diagramTargetKey).
 * @example
 * parseDiagramTargetKey('triage/escalate'); // { kind: 'transition', state: 'triage', event: 'escalate' }
 */
export function parseDiagramTargetKey(key: string): DiagramTarget {
  if (key === 'workflow') return { kind: 'workflow' };
  if (key.startsWith('field:')) return { kind: 'field', field: key.slice('field:'.length) };
  const slash = key.indexOf('/');
  if (slash >= 0) return { kind: 'transition', state: key.slice(0, slash), event: key.slice(slash + 1) };
  return { kind: 'state', state: key };
}
