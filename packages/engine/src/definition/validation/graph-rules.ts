import type { Workflow } from '../workflow.js';
import { createIssue, didYouMean, listNames, quote } from './messages.js';
import type { ValidationContext } from './validation-context.js';
import type { ValidationIssue } from './validation-issue.js';

// Walks the adjacency lists breadth-first from the start indices; linear in states + transitions.
function walk(starts: number[], edges: number[][]): Uint8Array {
  const seen = new Uint8Array(edges.length);
  const queue = [...starts];
  for (const start of starts) seen[start] = 1;
  for (let head = 0; head < queue.length; head++) {
    for (const next of edges[queue[head] ?? 0] ?? []) {
      if (!seen[next]) {
        seen[next] = 1;
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * Checks the state graph: initial state, targets, duplicate events, dead ends, final states,
 * reachability from the initial state and a path to a final state. Linear in states + transitions.
 * @example
 * checkGraph(workflow, createValidationContext(workflow)); // [] for a sound graph
 */
export function checkGraph(workflow: Workflow, context: ValidationContext): ValidationIssue[] {
  if (context.gaps.unreadable.has('states')) return [];
  const issues: ValidationIssue[] = [];
  const ids = Object.keys(workflow.states);
  const index = new Map(ids.map((id, i) => [id, i]));
  const forward: number[][] = ids.map(() => []);
  const backward: number[][] = ids.map(() => []);
  const finals: number[] = [];
  const deadEnds = new Uint8Array(ids.length);
  const leaky = new Uint8Array(ids.length);

  ids.forEach((id, i) => {
    const state = workflow.states[id];
    if (!state) return;
    if (state.final) finals.push(i);
    if (state.final && state.transitions.length > 0) {
      const events = state.transitions.map((t) => t.event);
      issues.push(createIssue('FINAL_WITH_TRANSITIONS', ['states', id, 'transitions'],
        `State ${quote(id)} is final but has transitions (${listNames(events)}): a final state ends the case, so remove the transitions or remove "final": true.`, events));
    }
    if (!state.final && state.transitions.length === 0 && !context.gaps.lossyStates.has(id)) {
      deadEnds[i] = 1;
      issues.push(createIssue('DEAD_END', ['states', id, 'transitions'],
        `State ${quote(id)} is not final and has no transitions, so a case entering it is stuck: add a transition out of ${quote(id)}, or mark it "final": true.`, id));
    }
    const seen = new Map<string, number>();
    state.transitions.forEach((transition, t) => {
      const first = seen.get(transition.event);
      if (first === undefined) seen.set(transition.event, t);
      else {
        issues.push(createIssue('DUPLICATE_EVENT', ['states', id, 'transitions', t, 'event'],
          `Event ${quote(transition.event)} appears twice in state ${quote(id)} (transitions [${first}] and [${t}]): an event names one transition per state, so rename one or merge them (use "condition" on one transition).`, transition.event));
      }
      if (transition.target === undefined) return;
      const target = index.get(transition.target);
      if (target === undefined) {
        leaky[i] = 1;
        issues.push(createIssue('UNKNOWN_TARGET', ['states', id, 'transitions', t, 'target'],
          `Transition ${quote(transition.event)} of state ${quote(id)} targets ${quote(transition.target)}, which is not a state.${didYouMean(transition.target, ids)} Use one of ${listNames(ids)}, or add a state ${quote(transition.target)}.`, transition.target));
        return;
      }
      forward[i]?.push(target);
      backward[target]?.push(i);
    });
  });

  const start = index.get(workflow.initial);
  if (!context.gaps.initialUnknown && start === undefined) {
    issues.push(createIssue('UNKNOWN_INITIAL', ['initial'],
      `Initial state ${quote(workflow.initial)} is not a state.${didYouMean(workflow.initial, ids)} Set "initial" to one of ${listNames(ids)}, or add a state ${quote(workflow.initial)}.`, workflow.initial));
  }
  if (ids.length > 0 && finals.length === 0 && !context.gaps.graphIncomplete) {
    issues.push(createIssue('NO_FINAL_STATE', ['states'],
      `No state is final, so no case can ever close: mark the closing state (for example ${quote(ids[ids.length - 1])}) with "final": true.`, ids));
  }
  if (context.gaps.graphIncomplete) return issues;

  const reachable = start === undefined ? undefined : walk([start], forward);
  if (reachable) {
    ids.forEach((id, i) => {
      if (reachable[i]) return;
      issues.push(createIssue('UNREACHABLE_STATE', ['states', id],
        `State ${quote(id)} cannot be reached from the initial state ${quote(workflow.initial)}: add a transition whose "target" is ${quote(id)}, or remove the state.`, id));
    });
  }
  if (finals.length > 0) {
    // A state with a misspelt target may well be meant to reach a final state: do not pile on.
    const leads = walk([...finals, ...ids.flatMap((_, i) => (leaky[i] ? [i] : []))], backward);
    const finalNames = finals.slice(0, 3).map((i) => ids[i] ?? '');
    ids.forEach((id, i) => {
      if (leads[i] || deadEnds[i] || (reachable && !reachable[i])) return;
      issues.push(createIssue('NO_PATH_TO_FINAL', ['states', id],
        `State ${quote(id)} has no path to a final state, so a case entering it can never close: add a transition from ${quote(id)} (or a state it leads to) toward a final state such as ${listNames(finalNames)}.`, id));
    });
  }
  return issues;
}
