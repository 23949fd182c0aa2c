import { applyOverlay, checkShape, overlayConflict, overlaySchema, rebaseOverlay, type Overlay, type OverlayChange, type OverlayConflict, type ValidateOptions, type Workflow } from '@shuoshi/engine';
import { HttpError } from '../http/http-error.js';
import { applyRebaseResolutions, type RebaseResolutions } from './apply-rebase-resolutions.js';

/**
 * A 422 carrying every overlay conflict; its code is the conflicts' code when they share one
 * (e.g. LOCKED_NODE), else OVERLAY_CONFLICTS.
 * @example
 * throw overlayConflictError(result.conflicts, 'cannot be applied to "union-grievance" v1');
 */
export function overlayConflictError(conflicts: readonly OverlayConflict[], what: string): HttpError {
  const codes = [...new Set(conflicts.map((c) => c.code))];
  const code = codes.length === 1 && codes[0] ? codes[0] : 'OVERLAY_CONFLICTS';
  const shown = conflicts.slice(0, 3).map((c) => `${c.path}: ${c.message}`).join(' | ');
  const more = conflicts.length > 3 ? ` (and ${conflicts.length - 3} more in details.conflicts)` : '';
  return new HttpError(422, code, `The overlay ${what}: ${shown}${more}`, { conflicts });
}

/**
 * Turns an overlay as sent into the stored overlay (its `key`, `version` and `extends` set by the
 * server) and the workflow it resolves to. Patch-level conflicts (shape, locked nodes, incomplete
 * new nodes, removals of missing nodes) are a 422; the resolved workflow is not validated here, so
 * a draft may be unfinished — validate reports the rest and publish refuses it.
 * @example
 * const { overlay, workflow } = resolveOverlayDraft(unionGrievance, body.overlay, { key: 'huchen-help-farmers', version: 1 });
 */
export function resolveOverlayDraft(template: Workflow, input: Record<string, unknown>, target: { key: string; version: number }): { overlay: Overlay; workflow: Workflow } {
  const templateRef = { key: template.key, version: template.version };
  const label = `${JSON.stringify(template.key)} v${template.version}`;
  if (input['key'] !== undefined && input['key'] !== target.key) {
    throw overlayConflictError([overlayConflict('SCHEMA', ['key'], `The overlay's key ${JSON.stringify(input['key'])} differs from the workflow's key ${JSON.stringify(target.key)}: a key never changes; create a new workflow for a new key.`, { value: input['key'] })], `cannot be saved as ${target.key}`);
  }
  const sentExtends = input['extends'];
  if (sentExtends !== undefined && JSON.stringify(sentExtends) !== JSON.stringify(templateRef)) {
    throw overlayConflictError(
      [overlayConflict('EXTENDS_MISMATCH', ['extends'], `The overlay says it extends ${JSON.stringify(sentExtends)}, but its template is ${label}: drop "extends" (the server sets it), or move the overlay with POST /api/workflows/:id/rebase.`, { value: sentExtends, template: templateRef })],
      `cannot be applied to ${label}`,
    );
  }
  const shape = checkShape(overlaySchema, { ...input, key: target.key, version: target.version, extends: templateRef });
  if (!shape.ok) {
    const conflicts = shape.issues.map((issue) => overlayConflict('SCHEMA', issue.segments, issue.message, issue.value === undefined ? {} : { value: issue.value }));
    throw overlayConflictError(conflicts, 'is not shaped like an overlay');
  }
  const applied = applyOverlay(template, shape.data);
  if (applied.conflicts.length > 0) throw overlayConflictError(applied.conflicts, `cannot be applied to ${label}`);
  return { overlay: shape.data, workflow: applied.workflow };
}

/**
 * Moves a stored overlay onto a newer template version with the engine's three-way check; every
 * conflict (with its `base`, `template` and `overlay` values) is a 422 unless `resolutions`
 * settles it (keep the overlay's side, or take the template's).
 * @example
 * const { overlay, workflow, changes } = rebaseOverlayDraft(grievanceV1, grievanceV2, stored, { agencies });
 */
export function rebaseOverlayDraft(oldBase: Workflow, newBase: Workflow, overlay: Record<string, unknown>, options: ValidateOptions, resolutions: RebaseResolutions = {}): { overlay: Overlay; workflow: Workflow; changes: OverlayChange[] } {
  const what = `cannot be rebased from ${JSON.stringify(oldBase.key)} v${oldBase.version} onto v${newBase.version}`;
  let result = rebaseOverlay(oldBase, newBase, overlay, options);
  if (!result.ok && Object.keys(resolutions).length > 0) {
    const resolved = applyRebaseResolutions(oldBase, newBase, overlay, result.conflicts, resolutions);
    result = rebaseOverlay(resolved.oldBase, newBase, resolved.overlay, options);
  }
  if (!result.ok) throw overlayConflictError(result.conflicts, what);
  return { overlay: result.overlay, workflow: result.workflow, changes: result.changes };
}
