import type { Workflow } from '../workflow.js';

/**
 * The closed set of problems `validateWorkflow` reports (and overlay conflicts reuse).
 * @example
 * VALIDATION_CODES.includes('UNKNOWN_TARGET'); // true
 */
export const VALIDATION_CODES = [
  'SCHEMA',
  'UNKNOWN_TARGET',
  'UNKNOWN_INITIAL',
  'UNREACHABLE_STATE',
  'NO_PATH_TO_FINAL',
  'DEAD_END',
  'FINAL_WITH_TRANSITIONS',
  'NO_FINAL_STATE',
  'UNKNOWN_ROLE',
  'UNKNOWN_FIELD',
  'UNKNOWN_AGENCY',
  'UNKNOWN_ACTION',
  'DUPLICATE_EVENT',
  'BAD_DURATION',
  'UNKNOWN_CALENDAR',
  'BAD_CONDITION',
  'REQUIRED_FIELD_UNDEFINED',
  'BAD_FIELD',
  'BAD_REFERRAL',
  'BAD_TIMEOUT',
  'BAD_SEPARATION',
  'LOCKED_NODE',
] as const;

/**
 * One validation code.
 * @example
 * const code: ValidationCode = 'DEAD_END';
 */
export type ValidationCode = (typeof VALIDATION_CODES)[number];

/**
 * A path segment: an object key or an array index.
 * @example
 * const segments: PathSegment[] = ['states', 'triage', 'transitions', 2, 'target'];
 */
export type PathSegment = string | number;

/**
 * One problem found in a workflow: where (`path`, also as `segments`), what (`code`), a message
 * that quotes the value and says how to fix it, and whether it blocks (`error`) or not (`warning`).
 * @example
 * const issue: ValidationIssue = {
 *   path: 'states.triage.transitions[2].target', segments: ['states', 'triage', 'transitions', 2, 'target'],
 *   code: 'UNKNOWN_TARGET', severity: 'error', value: 'legal_aidd',
 *   message: 'Transition "escalate" of state "triage" targets "legal_aidd", which is not a state: ...',
 * };
 */
export interface ValidationIssue {
  path: string;
  segments: PathSegment[];
  code: ValidationCode;
  message: string;
  severity: 'error' | 'warning';
  value?: unknown;
}

/**
 * The outcome of validation: the parsed workflow and any warnings, or every issue found.
 * @example
 * const result: ValidationResult = validateWorkflow(json);
 * if (!result.ok) console.table(result.issues.map((i) => [i.path, i.message]));
 */
export type ValidationResult =
  | { ok: true; workflow: Workflow; issues: ValidationIssue[] }
  | { ok: false; issues: ValidationIssue[] };
