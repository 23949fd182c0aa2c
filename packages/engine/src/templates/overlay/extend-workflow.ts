import { overlaySchema, type Overlay } from '../../definition/overlay.js';
import {
  checkShape,
  formatPath,
  validateWorkflow,
  type ValidateOptions,
  type ValidationCode,
  type ValidationIssue,
} from '../../definition/validation/index.js';
import type { Workflow } from '../../definition/workflow.js';
import { applyOverlay, overlayConflict } from './apply-overlay.js';
import { diffWorkflows } from './diff-workflows.js';
import type { ExtendResult, OverlayConflict } from './overlay-conflict.js';

type Removable = 'states' | 'fields' | 'roles' | 'agencies' | 'actions';

// Which kind of node a validation code's value names, to tell the user the overlay removed it.
const REMOVED_KIND: Partial<Record<ValidationCode, Removable | 'events'>> = {
  UNKNOWN_TARGET: 'states',
  UNKNOWN_INITIAL: 'states',
  UNKNOWN_FIELD: 'fields',
  REQUIRED_FIELD_UNDEFINED: 'fields',
  UNKNOWN_ROLE: 'roles',
  UNKNOWN_AGENCY: 'agencies',
  UNKNOWN_ACTION: 'actions',
  BAD_SEPARATION: 'events',
  BAD_REFERRAL: 'events',
  BAD_TIMEOUT: 'events',
};

function removedBy(overlay: Overlay, kind: Removable | 'events', name: string): string | undefined {
  if (kind === 'events') {
    for (const [stateId, patch] of Object.entries(overlay.states ?? {})) {
      if (patch?.transitions && Object.hasOwn(patch.transitions, name) && patch.transitions[name] === null) return formatPath(['states', stateId, 'transitions', name]);
    }
    return undefined;
  }
  const patches = overlay[kind];
  return patches && Object.hasOwn(patches, name) && patches[name] === null ? formatPath([kind, name]) : undefined;
}

/**
 * Turns an error found in the resolved workflow into a conflict: validation's code, its path under
 * `workflow.`, and a hint when the missing thing is one the overlay removes.
 * @example
 * validationConflict(issue, overlay); // { code: 'UNKNOWN_TARGET', path: 'workflow.states.triage.transitions[1].target', … }
 */
export function validationConflict(issue: ValidationIssue, overlay: Overlay): OverlayConflict {
  const kind = REMOVED_KIND[issue.code];
  const removal = kind && typeof issue.value === 'string' ? removedBy(overlay, kind, issue.value) : undefined;
  const message = removal
    ? `${issue.message} The overlay removes it (${removal}: null) while the template's remaining nodes still need it: keep it, or also change what still uses it.`
    : issue.message;
  return overlayConflict(issue.code, ['workflow', ...issue.segments], message, issue.value === undefined ? {} : { value: issue.value });
}

/**
 * Resolves a township overlay on a published template: checks the overlay's shape, that it extends
 * this template version, that locked nodes stay untouched and new nodes are complete, applies the
 * patches and validates the result. Returns the workflow (the overlay's key and version, `extends`
 * = the template) with the changes against the template, or every conflict.
 * @example
 * const result = extendWorkflow(unionGrievance, { key: 'chalu-grievance', version: 1, extends: { key: 'union-grievance', version: 1 },
 *   states: { triage: { sla: { within: '2wd' } } } });
 * if (result.ok) publish(result.workflow); else show(result.conflicts);
 */
export function extendWorkflow(base: Workflow, overlay: unknown, options?: ValidateOptions): ExtendResult {
  const shape = checkShape(overlaySchema, overlay);
  if (!shape.ok) {
    return { ok: false, conflicts: shape.issues.map((issue) => overlayConflict('SCHEMA', issue.segments, issue.message, issue.value === undefined ? {} : { value: issue.value })) };
  }
  const parsed = shape.data;
  if (parsed.extends.key !== base.key || parsed.extends.version !== base.version) {
    return {
      ok: false,
      conflicts: [overlayConflict('EXTENDS_MISMATCH', ['extends'],
        `The overlay extends ${JSON.stringify(parsed.extends.key)} v${parsed.extends.version}, but the template given is ${JSON.stringify(base.key)} v${base.version}: apply it to the template version it extends, or move it onto this one with rebaseOverlay.`,
        { value: parsed.extends, template: { key: base.key, version: base.version } })],
    };
  }
  const applied = applyOverlay(base, parsed);
  const conflicts = [...applied.conflicts];
  const validation = validateWorkflow(applied.workflow, options);
  for (const issue of validation.issues) if (issue.severity === 'error') conflicts.push(validationConflict(issue, parsed));
  if (!validation.ok || conflicts.length > 0) return { ok: false, conflicts };
  const changes = diffWorkflows(base, validation.workflow).filter((change) => !['key', 'version', 'extends', '$schema'].includes(String(change.segments[0])));
  return { ok: true, workflow: validation.workflow, changes, warnings: validation.issues };
}
