import type { Workflow } from '@shuoshi/engine';

/**
 * What a workflow state counts as in the figures, read from its definition: `resolved` (tagged
 * `resolved` or `follow_up`: the matter is handled and the worker is being told or asked),
 * `final` (the case is closed there), `done` (either: the case counts as 办结 while it stands
 * there) and `adopted` (tagged `adopted`: a golden idea taken up).
 * @example
 * const c: StateClass = { key: 'union-grievance', version: 1, state: 'resolved', resolved: true, final: false, done: true, adopted: false };
 */
export interface StateClass {
  key: string;
  version: number;
  state: string;
  resolved: boolean;
  final: boolean;
  done: boolean;
  adopted: boolean;
}

/**
 * The workflow category whose cases are golden ideas (金点子).
 * @example
 * workflows.filter((w) => w.category === IDEA_CATEGORY);
 */
export const IDEA_CATEGORY = 'golden_idea';

/**
 * The state tags that mark a handled matter (办结): `resolved`, and `follow_up`, which some
 * routes reach straight from an outside body's reply or an arbitration award.
 * @example
 * RESOLVED_TAGS.includes('follow_up'); // true
 */
export const RESOLVED_TAGS: readonly string[] = ['resolved', 'follow_up'];

/**
 * What one state counts as in the figures.
 * @example
 * const kind: StateKind = { resolved: true, final: false, done: true, adopted: false };
 */
export type StateKind = Pick<StateClass, 'resolved' | 'final' | 'done' | 'adopted'>;

const NOTHING: StateKind = { resolved: false, final: false, done: false, adopted: false };

/**
 * Classifies one state of a workflow version (a state it does not have, or none, counts as nothing).
 * @example
 * classifyState(workflow, 'resolved'); // { resolved: true, final: false, done: true, adopted: false }
 */
export function classifyState(workflow: Pick<Workflow, 'states'>, state: string | null): StateKind {
  const definition = state !== null && Object.hasOwn(workflow.states, state) ? workflow.states[state] : undefined;
  if (!definition) return NOTHING;
  const tags = definition.tags ?? [];
  const resolved = tags.some((tag) => RESOLVED_TAGS.includes(tag));
  const final = definition.final === true;
  return { resolved, final, done: resolved || final, adopted: tags.includes('adopted') };
}

/**
 * Classifies every state of the given workflow versions.
 * @example
 * const classes = stateClasses([engine.workflow({ key: 'union-grievance', version: 1 })]);
 */
export function stateClasses(workflows: readonly Workflow[]): StateClass[] {
  return workflows.flatMap((workflow) => Object.keys(workflow.states).map((state) => ({ key: workflow.key, version: workflow.version, state, ...classifyState(workflow, state) })));
}
