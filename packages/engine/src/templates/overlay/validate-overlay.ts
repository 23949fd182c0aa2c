import type { ValidateOptions, ValidationIssue } from '../../definition/validation/index.js';
import type { Workflow } from '../../definition/workflow.js';
import { extendWorkflow } from './extend-workflow.js';
import type { OverlayConflict } from './overlay-conflict.js';

/**
 * An overlay problem in the same form as a validation issue, so one list can show both.
 * @example
 * const issue: OverlayIssue = { ...conflict, severity: 'error' };
 */
export type OverlayIssue = OverlayConflict & { severity: 'error' };

/**
 * The outcome of validating an overlay against its template, shaped like `validateWorkflow`'s.
 * @example
 * const result: OverlayValidationResult = validateOverlay(overlay, template);
 */
export type OverlayValidationResult =
  | { ok: true; workflow: Workflow; issues: ValidationIssue[] }
  | { ok: false; issues: OverlayIssue[] };

/**
 * Validates a township overlay against the template it extends: its shape, locked nodes
 * (`LOCKED_NODE`), incomplete new nodes and every rule of `validateWorkflow` on the result,
 * all at once; on success returns the resolved workflow and any warnings.
 * @example
 * const result = validateOverlay(huchenOverlay, unionGrievance);
 * if (!result.ok) result.issues.forEach((i) => console.log(i.path, i.message));
 */
export function validateOverlay(overlay: unknown, template: Workflow, options?: ValidateOptions): OverlayValidationResult {
  const result = extendWorkflow(template, overlay, options);
  if (result.ok) return { ok: true, workflow: result.workflow, issues: result.warnings };
  return { ok: false, issues: result.conflicts.map((conflict) => ({ ...conflict, severity: 'error' as const })) };
}
