import type { PathSegment, Workflow } from '@shuoshi/engine';
import type { DiagramTarget } from './diagram-target.js';

/**
 * The node, edge or field a validation issue is about, from its path segments: resolved-workflow
 * paths (`workflow.states.x.transitions[2]`) and overlay paths (`states.x.transitions.event`).
 * @example
 * issueTarget(['workflow', 'states', 'triage', 'transitions', 1, 'target'], workflow); // { kind: 'transition', state: 'triage', event: 'escalate' }
 */
export function issueTarget(segments: readonly PathSegment[], workflow: Workflow): DiagramTarget {
  const path = segments[0] === 'workflow' ? segments.slice(1) : segments;
  const [head, id, sub, which] = path;
  if (head === 'fields' && typeof id === 'string') return { kind: 'field', field: id };
  if (head !== 'states' || typeof id !== 'string' || !Object.hasOwn(workflow.states, id)) return { kind: 'workflow' };
  if (sub === 'transitions' && which !== undefined) {
    const transitions = workflow.states[id]?.transitions ?? [];
    const event = typeof which === 'number' ? transitions[which]?.event : which;
    if (event !== undefined && transitions.some((t) => t.event === event)) return { kind: 'transition', state: id, event };
  }
  return { kind: 'state', state: id };
}

/**
 * Parses a dotted issue path (`states.triage.transitions[2].target`) into segments, for issues
 * that come without them (the server's answers).
 * @example
 * pathSegments('workflow.states.x.roles[0]'); // ['workflow', 'states', 'x', 'roles', 0]
 */
export function pathSegments(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[1] !== undefined) out.push(match[1]);
  }
  return out;
}
