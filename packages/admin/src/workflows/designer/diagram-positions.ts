/**
 * A node position on the diagram canvas, in flow coordinates.
 * @example
 * const at: DiagramPosition = { x: 120, y: 40 };
 */
export type DiagramPosition = { x: number; y: number };

const PREFIX = 'shuoshi.designer.positions.';

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Private modes and sandboxed frames may refuse access: positions are then simply not kept.
    return undefined;
  }
}

/**
 * The positions the user dragged states to on the diagram of one workflow key, from localStorage.
 * @example
 * loadPositions('chalu-grievance').triage; // { x: 120, y: 40 } or undefined
 */
export function loadPositions(workflowKey: string): Record<string, DiagramPosition> {
  const raw = storage()?.getItem(PREFIX + workflowKey);
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Record<string, DiagramPosition> = {};
    for (const [id, value] of Object.entries(parsed)) {
      if (typeof value === 'object' && value !== null && typeof (value as DiagramPosition).x === 'number' && typeof (value as DiagramPosition).y === 'number') {
        out[id] = { x: (value as DiagramPosition).x, y: (value as DiagramPosition).y };
      }
    }
    return out;
  } catch {
    return {};
  }
}

/**
 * Remembers where the user put one state (or forgets it with `null`) on a workflow's diagram.
 * @example
 * rememberPosition('chalu-grievance', 'chamber_mediation', { x: 400, y: 300 });
 */
export function rememberPosition(workflowKey: string, state: string, position: DiagramPosition | null): void {
  const store = storage();
  if (!store) return;
  const all = loadPositions(workflowKey);
  if (position) all[state] = { x: Math.round(position.x), y: Math.round(position.y) };
  else delete all[state];
  store.setItem(PREFIX + workflowKey, JSON.stringify(all));
}

/**
 * Forgets every remembered position of a workflow's diagram (back to the automatic layout).
 * @example
 * forgetPositions('chalu-grievance');
 */
export function forgetPositions(workflowKey: string): void {
  storage()?.removeItem(PREFIX + workflowKey);
}
