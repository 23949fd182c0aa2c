import type { Transition, Workflow } from '@shuoshi/engine';

/**
 * One transition on a planned path: the state it leaves, the transition, the state it reaches.
 * @example
 * const step: PathStep = { from: 'intake', transition: { event: 'accept', label, target: 'triage' }, to: 'triage' };
 */
export interface PathStep {
  from: string;
  transition: Transition;
  to: string;
}

/**
 * Names a transition as `state.event`, the way coverage is reported.
 * @example
 * transitionKey('follow_up', 'rate'); // 'follow_up.rate'
 */
export function transitionKey(state: string, event: string): string {
  return `${state}.${event}`;
}

/**
 * Lists every transition of a workflow as `state.event`.
 * @example
 * allTransitionKeys(unionGrievance).includes('reopened.retriage'); // true
 */
export function allTransitionKeys(workflow: Workflow): string[] {
  return Object.entries(workflow.states).flatMap(([id, state]) => state.transitions.map((t) => transitionKey(id, t.event)));
}

function edges(workflow: Workflow, from: string): PathStep[] {
  return (workflow.states[from]?.transitions ?? []).map((transition) => ({ from, transition, to: transition.target ?? from }));
}

function shortest(workflow: Workflow, from: string, arrived: (state: string) => boolean): PathStep[] | undefined {
  const via = new Map<string, PathStep | null>([[from, null]]);
  const queue = [from];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    if (arrived(state)) {
      const path: PathStep[] = [];
      for (let step = via.get(state); step; step = via.get(step.from)) path.unshift(step);
      return path;
    }
    for (const step of edges(workflow, state)) {
      if (via.has(step.to)) continue;
      via.set(step.to, step);
      queue.push(step.to);
    }
  }
  return undefined;
}

/**
 * Plans paths from the initial state to a final state that together take every transition: for
 * each transition, a shortest prefix to its source, the transition, a shortest suffix from its
 * target to a final state (duplicates dropped). Transitions no such path can take are listed apart.
 * @example
 * const { paths, impossible } = coveringPaths(unionGrievance);
 */
export function coveringPaths(workflow: Workflow): { paths: PathStep[][]; impossible: string[] } {
  const isFinal = (state: string) => workflow.states[state]?.final === true;
  const paths: PathStep[][] = [];
  const impossible: string[] = [];
  const seen = new Set<string>();
  for (const from of Object.keys(workflow.states)) {
    for (const step of edges(workflow, from)) {
      const prefix = shortest(workflow, workflow.initial, (state) => state === from);
      const suffix = shortest(workflow, step.to, isFinal);
      if (!prefix || !suffix) {
        impossible.push(transitionKey(from, step.transition.event));
        continue;
      }
      const path = [...prefix, step, ...suffix];
      const key = path.map((s) => transitionKey(s.from, s.transition.event)).join(' > ');
      if (seen.has(key)) continue;
      seen.add(key);
      paths.push(path);
    }
  }
  return { paths, impossible };
}
