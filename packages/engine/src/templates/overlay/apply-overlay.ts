import type { z } from 'zod';
import { fieldSchema } from '../../definition/field.js';
import type { Overlay, StatePatch } from '../../definition/overlay.js';
import { stateSchema, transitionSchema, type StateDefinition, type Transition } from '../../definition/state.js';
import { checkShape, formatPath, type PathSegment } from '../../definition/validation/index.js';
import { warningRuleSchema } from '../../definition/warning.js';
import { namedEntrySchema, type Workflow } from '../../definition/workflow.js';
import { deepEqual } from './deep-equal.js';
import type { OverlayConflict, OverlayConflictCode } from './overlay-conflict.js';

type Collection = 'roles' | 'agencies' | 'actions' | 'fields' | 'warningRules';

const KINDS: Record<Collection, { noun: string; required: readonly string[] }> = {
  roles: { noun: 'role', required: ['title'] },
  agencies: { noun: 'agency', required: ['title'] },
  actions: { noun: 'action', required: ['title'] },
  fields: { noun: 'field', required: ['type', 'label'] },
  warningRules: { noun: 'warning rule', required: ['when', 'level'] },
};

/**
 * Builds an overlay conflict from its path segments.
 * @example
 * overlayConflict('MISSING_NODE', ['states', 'foo'], 'The overlay removes states.foo, …');
 */
export function overlayConflict(code: OverlayConflictCode, segments: PathSegment[], message: string, extra: Partial<OverlayConflict> = {}): OverlayConflict {
  return { path: formatPath(segments), segments, code, message, ...extra };
}

function isLocked(node: unknown): boolean {
  return typeof node === 'object' && node !== null && 'locked' in node && node.locked === true;
}

function missingKeys(patch: object, required: readonly string[]): string[] {
  return required.filter((key) => !(key in patch));
}

// Parses a merged or new node with the full schema; shape problems become SCHEMA conflicts.
function complete<T>(schema: z.ZodType<T>, value: unknown, segments: PathSegment[], out: OverlayConflict[]): T | undefined {
  const shape = checkShape(schema, value, segments);
  if (shape.ok) return shape.data;
  for (const issue of shape.issues) out.push(overlayConflict('SCHEMA', issue.segments, issue.message, issue.value === undefined ? {} : { value: issue.value }));
  return undefined;
}

interface Context {
  template: string;
  out: OverlayConflict[];
}

function lockedConflict(segments: PathSegment[], noun: string, id: string, removal: boolean, context: Context, extra: Partial<OverlayConflict>): OverlayConflict {
  const path = formatPath(segments);
  return overlayConflict('LOCKED_NODE', segments,
    `The ${noun} ${JSON.stringify(id)} is locked by template ${context.template}, so the overlay may not ${removal ? 'remove' : 'change'} it: delete ${path} from the overlay${noun === 'state' ? ' (adding transitions into it from other states is fine)' : ''}.`, extra);
}

function mergeRecord<T extends object>(
  collection: Collection,
  schema: z.ZodType<T>,
  base: Record<string, T> | undefined,
  patches: Record<string, object | null> | undefined,
  context: Context,
): Record<string, T> | undefined {
  if (!patches) return base;
  const { noun, required } = KINDS[collection];
  const out: Record<string, T> = { ...base };
  for (const [id, patch] of Object.entries(patches)) {
    const segments: PathSegment[] = [collection, id];
    const current = Object.hasOwn(out, id) ? out[id] : undefined;
    if (patch === null) {
      if (!current) context.out.push(overlayConflict('MISSING_NODE', segments, `The overlay removes ${formatPath(segments)}, but template ${context.template} has no such ${noun}: delete the entry from the overlay.`));
      else if (isLocked(current)) context.out.push(lockedConflict(segments, noun, id, true, context, { overlay: null }));
      else delete out[id];
      continue;
    }
    if (!current) {
      const missing = missingKeys(patch, required);
      if (missing.length > 0) {
        context.out.push(overlayConflict('INCOMPLETE_NODE', segments,
          `The overlay adds ${noun} ${JSON.stringify(id)} (template ${context.template} has none), but it is incomplete: add ${missing.map((k) => JSON.stringify(k)).join(' and ')}, or fix the name if you meant to change an existing ${noun}.`, { overlay: patch }));
        continue;
      }
      const added = complete(schema, patch, segments, context.out);
      if (added) out[id] = added;
      continue;
    }
    const merged = complete(schema, { ...current, ...patch }, segments, context.out);
    if (!merged || deepEqual(merged, current)) continue;
    if (isLocked(current)) context.out.push(lockedConflict(segments, noun, id, false, context, { overlay: patch }));
    else out[id] = merged;
  }
  return out;
}

function patchTransitions(stateId: string, transitions: Transition[], patches: StatePatch['transitions'], context: Context): Transition[] {
  const out = [...transitions];
  for (const [event, patch] of Object.entries(patches ?? {})) {
    const segments: PathSegment[] = ['states', stateId, 'transitions', event];
    const index = out.findIndex((t) => t.event === event);
    const current = out[index];
    if (patch === null) {
      if (!current) context.out.push(overlayConflict('MISSING_NODE', segments, `The overlay removes transition ${JSON.stringify(event)} of state ${JSON.stringify(stateId)}, which has no such transition in template ${context.template}: delete ${formatPath(segments)} from the overlay.`));
      else out.splice(index, 1);
      continue;
    }
    if (!current) {
      if (!patch.label) {
        context.out.push(overlayConflict('INCOMPLETE_NODE', segments,
          `The overlay adds transition ${JSON.stringify(event)} to state ${JSON.stringify(stateId)}, but it has no "label": add a bilingual label { "zh": "…", "en": "…" }, or fix the event name if you meant to change an existing transition.`, { overlay: patch }));
        continue;
      }
      const added = complete(transitionSchema, { event, ...patch }, segments, context.out);
      if (added) out.push(added);
      continue;
    }
    const merged = complete(transitionSchema, { ...current, ...patch }, segments, context.out);
    if (merged) out[index] = merged;
  }
  return out;
}

function newState(id: string, patch: StatePatch, context: Context): StateDefinition | undefined {
  const segments: PathSegment[] = ['states', id];
  const { transitions: transitionPatches, ...props } = patch;
  if (!props.title) {
    context.out.push(overlayConflict('INCOMPLETE_NODE', segments,
      `The overlay adds state ${JSON.stringify(id)} (template ${context.template} has none), but it has no "title": add a bilingual title { "zh": "…", "en": "…" }, or fix the name if you meant to change an existing state.`, { overlay: patch }));
    return undefined;
  }
  const transitions = patchTransitions(id, [], transitionPatches, context);
  return complete(stateSchema, { ...props, transitions }, segments, context.out);
}

function mergeStates(base: Record<string, StateDefinition>, patches: Overlay['states'], context: Context): Record<string, StateDefinition> {
  const out: Record<string, StateDefinition> = { ...base };
  for (const [id, patch] of Object.entries(patches ?? {})) {
    const segments: PathSegment[] = ['states', id];
    const current = Object.hasOwn(out, id) ? out[id] : undefined;
    if (patch === null) {
      if (!current) context.out.push(overlayConflict('MISSING_NODE', segments, `The overlay removes ${formatPath(segments)}, but template ${context.template} has no such state: delete the entry from the overlay.`));
      else if (current.locked) context.out.push(lockedConflict(segments, 'state', id, true, context, { overlay: null }));
      else delete out[id];
      continue;
    }
    if (!current) {
      const added = newState(id, patch, context);
      if (added) out[id] = added;
      continue;
    }
    const { transitions: transitionPatches, ...props } = patch;
    const conflictsBefore = context.out.length;
    const transitions = patchTransitions(id, current.transitions, transitionPatches, context);
    const merged = complete(stateSchema, { ...current, ...props, transitions }, segments, context.out);
    if (!merged || deepEqual(merged, current)) continue;
    if (current.locked) {
      // The lock outranks whatever the patch got wrong inside the state: report the lock alone.
      context.out.splice(conflictsBefore);
      context.out.push(lockedConflict(segments, 'state', id, false, context, { overlay: patch }));
    } else out[id] = merged;
  }
  return out;
}

/**
 * Applies an overlay's patches to a template, without validating the result: returns the merged
 * workflow (the overlay's key and version, `extends` = the template) and the patch-level conflicts
 * (locked nodes, incomplete new nodes, removals of nodes that do not exist).
 * @example
 * const { workflow, conflicts } = applyOverlay(template, overlay);
 */
export function applyOverlay(base: Workflow, overlay: Overlay): { workflow: Workflow; conflicts: OverlayConflict[] } {
  const context: Context = { template: `${JSON.stringify(base.key)} v${base.version}`, out: [] };
  const workflow: Workflow = { ...structuredClone(base), key: overlay.key, version: overlay.version, extends: { key: base.key, version: base.version } };
  if (overlay.title) workflow.title = overlay.title;
  if (overlay.description) workflow.description = overlay.description;
  if (overlay.category) workflow.category = overlay.category;
  if (overlay.calendar) workflow.calendar = overlay.calendar;
  if (overlay.initial) workflow.initial = overlay.initial;
  if (overlay.public) workflow.public = overlay.public;
  const roles = mergeRecord('roles', namedEntrySchema, workflow.roles, overlay.roles, context);
  const agencies = mergeRecord('agencies', namedEntrySchema, workflow.agencies, overlay.agencies, context);
  const actions = mergeRecord('actions', namedEntrySchema, workflow.actions, overlay.actions, context);
  const warningRules = mergeRecord('warningRules', warningRuleSchema, workflow.warningRules, overlay.warningRules, context);
  if (roles) workflow.roles = roles;
  if (agencies) workflow.agencies = agencies;
  if (actions) workflow.actions = actions;
  if (warningRules) workflow.warningRules = warningRules;
  workflow.fields = mergeRecord('fields', fieldSchema, workflow.fields, overlay.fields, context) ?? {};
  workflow.states = mergeStates(workflow.states, overlay.states, context);
  return { workflow, conflicts: context.out };
}
