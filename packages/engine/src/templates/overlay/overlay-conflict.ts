import type { Workflow } from '../../definition/workflow.js';
import type { Overlay } from '../../definition/overlay.js';
import { VALIDATION_CODES, type PathSegment, type ValidationIssue } from '../../definition/validation/index.js';

/**
 * Why an overlay cannot be applied or rebased: any validation code (for the resolved workflow,
 * or SCHEMA for the overlay's shape) plus the overlay's own.
 * @example
 * OVERLAY_CONFLICT_CODES.includes('BOTH_CHANGED'); // true
 */
export const OVERLAY_CONFLICT_CODES = [
  ...VALIDATION_CODES,
  'EXTENDS_MISMATCH',
  'INCOMPLETE_NODE',
  'MISSING_NODE',
  'BOTH_CHANGED',
  'BOTH_ADDED',
  'REMOVED_IN_TEMPLATE',
] as const;

/**
 * One overlay conflict code.
 * @example
 * const code: OverlayConflictCode = 'REMOVED_IN_TEMPLATE';
 */
export type OverlayConflictCode = (typeof OVERLAY_CONFLICT_CODES)[number];

/**
 * A reason an overlay does not apply, naming the node and how to resolve it. Paths are in the
 * overlay's own terms (`states.triage.transitions.escalate`); problems found by validating the
 * resolved workflow keep validation's path under `workflow.` (`workflow.states.triage.transitions[2].target`).
 * A rebase conflict carries the three values: `base` (old template), `template` (new template), `overlay`.
 * @example
 * const c: OverlayConflict = { code: 'BOTH_CHANGED', path: 'states.mediation.sla', segments: ['states', 'mediation', 'sla'],
 *   message: '…', base: { within: '15wd' }, template: { within: '10wd' }, overlay: { within: '20wd' } };
 */
export interface OverlayConflict {
  path: string;
  segments: PathSegment[];
  code: OverlayConflictCode;
  message: string;
  value?: unknown;
  base?: unknown;
  template?: unknown;
  overlay?: unknown;
}

/**
 * One node-level difference between two workflows, for the designer's diff view.
 * @example
 * const c: OverlayChange = { kind: 'added', path: 'states.chamber_mediation', segments: ['states', 'chamber_mediation'], after: { … } };
 */
export interface OverlayChange {
  kind: 'added' | 'changed' | 'removed';
  path: string;
  segments: PathSegment[];
  before?: unknown;
  after?: unknown;
}

/**
 * The outcome of `extendWorkflow`: the resolved workflow with its changes against the template
 * (and any validation warnings), or every conflict.
 * @example
 * const result: ExtendResult = extendWorkflow(template, overlay);
 */
export type ExtendResult =
  | { ok: true; workflow: Workflow; changes: OverlayChange[]; warnings: ValidationIssue[] }
  | { ok: false; conflicts: OverlayConflict[] };

/**
 * The outcome of `rebaseOverlay`: the overlay now extending the new template and the workflow it
 * resolves to, or every conflict.
 * @example
 * const result: RebaseResult = rebaseOverlay(v1, v2, overlay);
 */
export type RebaseResult =
  | { ok: true; overlay: Overlay; workflow: Workflow; changes: OverlayChange[] }
  | { ok: false; conflicts: OverlayConflict[] };
