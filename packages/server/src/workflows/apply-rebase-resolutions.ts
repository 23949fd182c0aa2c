import type { OverlayConflict, Workflow } from '@shuoshi/engine';
import { HttpError } from '../http/http-error.js';

/**
 * How the user settled each rebase conflict, by the conflict's path: keep the overlay's side
 * (`mine`) or take the new template's (`template`).
 * @example
 * const r: RebaseResolutions = { 'states.triage.sla': 'template', 'states.mediation.sla': 'mine' };
 */
export type RebaseResolutions = Readonly<Record<string, 'mine' | 'template'>>;

// Conflicts a choice settles; a newly locked node can only be given up (take the template's).
const KEEPABLE = new Set(['BOTH_CHANGED', 'BOTH_ADDED', 'REMOVED_IN_TEMPLATE']);
const DROPPABLE = new Set([...KEEPABLE, 'LOCKED_NODE']);

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Drops the overlay's entry at a conflict path (`states.triage.sla`); the overlay's own shape
// mirrors the path, transitions included (keyed by event).
function dropFromOverlay(overlay: Json, segments: readonly string[]): void {
  let node: unknown = overlay;
  for (const segment of segments.slice(0, -1)) node = isRecord(node) && Object.hasOwn(node, segment) ? node[segment] : undefined;
  const last = segments.at(-1);
  if (isRecord(node) && last !== undefined) delete node[last];
}

type Transitions = Array<Json & { event: string }>;

// Reads or writes a workflow at an overlay path, where a state's transitions are an array keyed by event.
function locate(workflow: Json, segments: readonly string[]): { get(): unknown; set(value: unknown): void } | undefined {
  const [area, id, third, event, ...rest] = segments;
  if (area === undefined) return undefined;
  if (segments.length === 1) return { get: () => workflow[area], set: (value) => (value === undefined ? delete workflow[area] : (workflow[area] = value)) };
  if (area === 'states' && third === 'transitions' && id !== undefined && event !== undefined) {
    const state = isRecord(workflow['states']) ? workflow['states'][id] : undefined;
    if (!isRecord(state) || !Array.isArray(state['transitions'])) return undefined;
    const transitions = state['transitions'] as Transitions;
    const index = () => transitions.findIndex((t) => t.event === event);
    if (rest.length === 0) {
      return {
        get: () => transitions[index()],
        set: (value) => {
          const at = index();
          if (value === undefined) {
            if (at >= 0) transitions.splice(at, 1);
          } else if (at >= 0) transitions[at] = value as Json & { event: string };
          else transitions.push(value as Json & { event: string });
        },
      };
    }
    const transition = transitions[index()];
    return transition ? locate(transition, rest) : undefined;
  }
  const holder = workflow[area];
  if (!isRecord(holder) || id === undefined) return undefined;
  if (segments.length === 2) return { get: () => holder[id], set: (value) => (value === undefined ? delete holder[id] : (holder[id] = value)) };
  const child = holder[id];
  return isRecord(child) ? locate(child, segments.slice(2)) : undefined;
}

/**
 * Applies the user's choices before a rebase: "take the template's" drops the overlay's entry at the
 * conflict's path; "keep mine" makes the old template agree with the new one there, so the
 * three-way check sees no template change and the overlay's side stands (a removal the template
 * made becomes the overlay's own addition, checked as such). Every choice must name a conflict of
 * the plain rebase, and a newly locked node can only be given up.
 * @example
 * const { oldBase, overlay } = applyRebaseResolutions(v1, v2, stored, conflicts, { 'states.triage.sla': 'mine' });
 */
export function applyRebaseResolutions(oldBase: Workflow, newBase: Workflow, overlay: Json, conflicts: readonly OverlayConflict[], resolutions: RebaseResolutions): { oldBase: Workflow; overlay: Json } {
  const byPath = new Map(conflicts.map((c) => [c.path, c]));
  const base = structuredClone(oldBase) as unknown as Json;
  const trimmed = structuredClone(overlay);
  for (const [path, choice] of Object.entries(resolutions)) {
    const conflict = byPath.get(path);
    if (!conflict || !DROPPABLE.has(conflict.code)) {
      const known = conflicts.filter((c) => DROPPABLE.has(c.code)).map((c) => c.path);
      throw new HttpError(422, 'UNKNOWN_RESOLUTION', `The resolution for ${JSON.stringify(path)} names no conflict this rebase can settle by choice; the conflicts are: ${known.join(', ') || 'none'}. Send resolutions only for those paths.`, { path, conflicts });
    }
    const segments = conflict.segments.map(String);
    if (choice === 'template') {
      dropFromOverlay(trimmed, segments);
      continue;
    }
    if (!KEEPABLE.has(conflict.code)) {
      throw new HttpError(422, 'LOCKED_NODE', `The template now locks ${JSON.stringify(path)}, so the overlay's change cannot be kept: resolve it with "template".`, { path });
    }
    const target = locate(base, segments);
    const source = locate(structuredClone(newBase) as unknown as Json, segments);
    if (!target || !source) throw new HttpError(422, 'UNKNOWN_RESOLUTION', `The conflict at ${JSON.stringify(path)} cannot be kept as the overlay's: its node is missing in one of the templates. Resolve it with "template", or change the overlay.`, { path });
    target.set(structuredClone(source.get()));
  }
  return { oldBase: base as unknown as Workflow, overlay: trimmed };
}
