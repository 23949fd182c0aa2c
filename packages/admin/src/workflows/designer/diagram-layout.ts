import dagre from '@dagrejs/dagre';
import type { Workflow } from '@shuoshi/engine';
import type { DiagramPosition } from './diagram-positions.js';

/**
 * Width of a state node on the canvas, in pixels.
 * @example
 * graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
 */
export const NODE_WIDTH = 190;
/**
 * Height of a state node on the canvas, in pixels.
 * @example
 * const centreY = position.y + NODE_HEIGHT / 2;
 */
export const NODE_HEIGHT = 84;

/**
 * Places every state top to bottom with dagre (following the transitions), then overrides the
 * states the user moved by hand.
 * @example
 * const positions = layoutStates(workflow, loadPositions(workflow.key));
 */
export function layoutStates(workflow: Pick<Workflow, 'states' | 'initial'>, remembered: Record<string, DiagramPosition> = {}): Record<string, DiagramPosition> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 60, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = Object.keys(workflow.states);
  // The initial state first, so that dagre ranks the flow from it.
  ids.sort((a, b) => (a === workflow.initial ? -1 : b === workflow.initial ? 1 : 0));
  for (const id of ids) graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const id of ids) {
    for (const transition of workflow.states[id]?.transitions ?? []) {
      if (transition.target && transition.target !== id && Object.hasOwn(workflow.states, transition.target)) graph.setEdge(id, transition.target);
    }
  }
  dagre.layout(graph);
  const out: Record<string, DiagramPosition> = {};
  for (const id of ids) {
    const node = graph.node(id);
    out[id] = remembered[id] ?? { x: (node?.x ?? 0) - NODE_WIDTH / 2, y: (node?.y ?? 0) - NODE_HEIGHT / 2 };
  }
  return out;
}
