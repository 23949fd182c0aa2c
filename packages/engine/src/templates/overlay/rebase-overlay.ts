import { overlaySchema, type Overlay, type StatePatch } from '../../definition/overlay.js';
import { checkShape, formatPath, type PathSegment, type ValidateOptions } from '../../definition/validation/index.js';
import type { StateDefinition, Transition } from '../../definition/state.js';
import type { Workflow } from '../../definition/workflow.js';
import { overlayConflict } from './apply-overlay.js';
import { deepEqual } from './deep-equal.js';
import { extendWorkflow } from './extend-workflow.js';
import type { OverlayConflict, RebaseResult } from './overlay-conflict.js';

const REPLACED = ['title', 'description', 'category', 'calendar', 'initial', 'public'] as const;
const COLLECTIONS = ['roles', 'agencies', 'actions', 'fields', 'warningRules'] as const;

interface Rebase {
  from: string;
  to: string;
  toRef: string;
  out: OverlayConflict[];
}

function isLocked(node: unknown): boolean {
  return typeof node === 'object' && node !== null && 'locked' in node && node.locked === true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueOf(node: unknown, key: string): unknown {
  return isRecord(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

const NOUNS: Record<(typeof COLLECTIONS)[number], string> = {
  roles: 'role',
  agencies: 'agency',
  actions: 'action',
  fields: 'field',
  warningRules: 'warning rule',
};

function resolution(path: string, rebase: Rebase): string {
  return `Decide which to keep: to take the template's, drop ${path} from the overlay; to keep the overlay's, keep it and point the overlay's "extends" at ${rebase.toRef} (then check it with extendWorkflow).`;
}

// One property the overlay sets: a conflict only when the template changed it too, differently.
function threeWay(segments: PathSegment[], base: unknown, template: unknown, overlay: unknown, rebase: Rebase): void {
  if (deepEqual(base, template) || deepEqual(template, overlay)) return;
  const path = formatPath(segments);
  rebase.out.push(overlayConflict('BOTH_CHANGED', segments,
    `Both the template and the overlay change ${path}: ${rebase.from} has ${JSON.stringify(base)}, ${rebase.to} has ${JSON.stringify(template)}, the overlay sets ${JSON.stringify(overlay)}. ${resolution(path, rebase)}`,
    { base, template, overlay }));
}

/**
 * Checks one node the overlay patches or removes against both template versions; returns false when
 * the overlay's entry has become redundant (the template removed the node the overlay removes).
 */
function rebaseNode(segments: PathSegment[], noun: string, patch: object | null, base: object | undefined, template: object | undefined, rebase: Rebase, props: (patch: object) => string[]): boolean {
  const path = formatPath(segments);
  if (base === undefined) {
    if (template !== undefined && patch !== null && !deepEqual(template, patch)) {
      rebase.out.push(overlayConflict('BOTH_ADDED', segments,
        `The overlay adds ${noun} ${path}, and ${rebase.to} now has its own ${path}: rename the overlay's ${noun}, or drop it (or reduce it to the changes you want) to build on the template's.`,
        { base, template, overlay: patch }));
    }
    return true;
  }
  if (template === undefined) {
    if (patch === null) return false;
    rebase.out.push(overlayConflict('REMOVED_IN_TEMPLATE', segments,
      `${rebase.to} removes ${noun} ${path}, which the overlay changes: drop the overlay's ${path}, or add it back in the overlay as a new, complete ${noun}.`,
      { base, template, overlay: patch }));
    return true;
  }
  if (isLocked(template) && !isLocked(base)) {
    rebase.out.push(overlayConflict('LOCKED_NODE', segments,
      `${rebase.to} locks ${noun} ${path}, which the overlay ${patch === null ? 'removes' : 'changes'}: drop the overlay's ${path} (locked nodes may not be changed or removed).`,
      { base, template, overlay: patch }));
    return true;
  }
  if (patch === null) {
    if (!deepEqual(base, template)) {
      rebase.out.push(overlayConflict('BOTH_CHANGED', segments,
        `${rebase.to} changes ${noun} ${path}, which the overlay removes, so removing it would silently drop the template's change. ${resolution(path, rebase)}`,
        { base, template, overlay: null }));
    }
    return true;
  }
  for (const key of props(patch)) threeWay([...segments, key], valueOf(base, key), valueOf(template, key), valueOf(patch, key), rebase);
  return true;
}

function byEvent(state: StateDefinition | undefined, event: string): Transition | undefined {
  return state?.transitions.find((t) => t.event === event);
}

function rebaseState(id: string, patch: StatePatch | null, base: StateDefinition | undefined, template: StateDefinition | undefined, rebase: Rebase): StatePatch | null | undefined {
  const segments: PathSegment[] = ['states', id];
  const before = rebase.out.length;
  const keep = rebaseNode(segments, 'state', patch, base, template, rebase, (p) => Object.keys(p).filter((k) => k !== 'transitions'));
  if (!keep) return undefined;
  // A state already in conflict as a whole (removed, newly locked, added twice) needs no per-transition report.
  const stateConflict = rebase.out.slice(before).some((c) => c.path === formatPath(segments));
  if (patch === null || !patch.transitions || !base || !template || stateConflict) return patch;
  const transitions: NonNullable<StatePatch['transitions']> = {};
  for (const [event, transitionPatch] of Object.entries(patch.transitions)) {
    const keepTransition = rebaseNode([...segments, 'transitions', event], 'transition', transitionPatch, byEvent(base, event), byEvent(template, event), rebase, (p) => Object.keys(p));
    if (keepTransition) transitions[event] = transitionPatch;
  }
  return { ...patch, transitions };
}

function rebaseCollection<P extends object>(
  name: (typeof COLLECTIONS)[number],
  patches: Record<string, P | null> | undefined,
  base: Record<string, object> | undefined,
  template: Record<string, object> | undefined,
  rebase: Rebase,
): Record<string, P | null> | undefined {
  if (!patches) return undefined;
  const out: Record<string, P | null> = {};
  for (const [id, patch] of Object.entries(patches)) {
    const baseNode = base && Object.hasOwn(base, id) ? base[id] : undefined;
    const templateNode = template && Object.hasOwn(template, id) ? template[id] : undefined;
    if (rebaseNode([name, id], NOUNS[name], patch, baseNode, templateNode, rebase, (p) => Object.keys(p))) out[id] = patch;
  }
  return out;
}

/**
 * Moves an overlay from the template version it extends (`oldBase`) onto a newer one (`newBase`)
 * with a three-way check: every property, node or transition the overlay patches or removes is
 * compared between the two template versions, and a change on both sides (or a node the template
 * removed or newly locked) is a conflict carrying `base`, `template` and `overlay` values — never a
 * guess. Template changes the overlay does not touch flow through. The rebased overlay is then
 * applied to `newBase` and its conflicts are reported as well.
 * @example
 * const result = rebaseOverlay(grievanceV1, grievanceV2, chaluOverlay);
 * if (result.ok) save(result.overlay); else showConflicts(result.conflicts);
 */
export function rebaseOverlay(oldBase: Workflow, newBase: Workflow, overlay: unknown, options?: ValidateOptions): RebaseResult {
  const shape = checkShape(overlaySchema, overlay);
  if (!shape.ok) {
    return { ok: false, conflicts: shape.issues.map((issue) => overlayConflict('SCHEMA', issue.segments, issue.message, issue.value === undefined ? {} : { value: issue.value })) };
  }
  const parsed = shape.data;
  const ref = (w: Workflow) => `${JSON.stringify(w.key)} v${w.version}`;
  if (parsed.extends.key !== oldBase.key || parsed.extends.version !== oldBase.version || newBase.key !== oldBase.key) {
    return {
      ok: false,
      conflicts: [overlayConflict('EXTENDS_MISMATCH', ['extends'],
        `The overlay extends ${JSON.stringify(parsed.extends.key)} v${parsed.extends.version}, but it is being rebased from ${ref(oldBase)} to ${ref(newBase)}: pass the template version the overlay extends as the old base, and a later version of the same template as the new base.`,
        { value: parsed.extends, base: { key: oldBase.key, version: oldBase.version }, template: { key: newBase.key, version: newBase.version } })],
    };
  }
  const rebase: Rebase = { from: `template ${ref(oldBase)}`, to: `template ${ref(newBase)}`, toRef: ref(newBase), out: [] };
  const updated: Overlay = { ...structuredClone(parsed), extends: { key: newBase.key, version: newBase.version } };
  for (const key of REPLACED) {
    if (parsed[key] !== undefined) threeWay([key], oldBase[key], newBase[key], parsed[key], rebase);
  }
  const roles = rebaseCollection('roles', updated.roles, oldBase.roles, newBase.roles, rebase);
  const agencies = rebaseCollection('agencies', updated.agencies, oldBase.agencies, newBase.agencies, rebase);
  const actions = rebaseCollection('actions', updated.actions, oldBase.actions, newBase.actions, rebase);
  const fields = rebaseCollection('fields', updated.fields, oldBase.fields, newBase.fields, rebase);
  const warningRules = rebaseCollection('warningRules', updated.warningRules, oldBase.warningRules, newBase.warningRules, rebase);
  if (roles) updated.roles = roles;
  if (agencies) updated.agencies = agencies;
  if (actions) updated.actions = actions;
  if (fields) updated.fields = fields;
  if (warningRules) updated.warningRules = warningRules;
  if (updated.states) {
    const states: NonNullable<Overlay['states']> = {};
    for (const [id, patch] of Object.entries(updated.states)) {
      const base = Object.hasOwn(oldBase.states, id) ? oldBase.states[id] : undefined;
      const template = Object.hasOwn(newBase.states, id) ? newBase.states[id] : undefined;
      const rebased = rebaseState(id, patch, base, template, rebase);
      if (rebased !== undefined) states[id] = rebased;
    }
    updated.states = states;
  }

  const threeWayConflicts = rebase.out;
  const extended = extendWorkflow(newBase, updated, options);
  if (extended.ok && threeWayConflicts.length === 0) return { ok: true, overlay: updated, workflow: extended.workflow, changes: extended.changes };
  // A node already in conflict three ways needs no second report from applying the overlay.
  // Validation paths (under `workflow.`) name states and fields the same way the overlay does.
  const covered = (path: string) => {
    const own = path.startsWith('workflow.') ? path.slice('workflow.'.length) : path;
    return threeWayConflicts.some((c) => own === c.path || own.startsWith(`${c.path}.`) || own.startsWith(`${c.path}[`));
  };
  const applied = extended.ok ? [] : extended.conflicts.filter((c) => !covered(c.path));
  return { ok: false, conflicts: [...threeWayConflicts, ...applied] };
}
