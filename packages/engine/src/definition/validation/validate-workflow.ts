import { workflowSchema, type Workflow } from '../workflow.js';
import { checkConditions } from './condition-rules.js';
import { checkDurations } from './duration-rules.js';
import { checkFields } from './field-rules.js';
import { checkGraph } from './graph-rules.js';
import { checkReferences } from './reference-rules.js';
import { checkReferralsAndTimeouts } from './referral-timeout-rules.js';
import { salvageWorkflow, type ShapeGaps } from './salvage-workflow.js';
import { checkShape } from './schema-issues.js';
import { createValidationContext, type ValidateOptions, type ValidationContext } from './validation-context.js';
import type { ValidationIssue, ValidationResult } from './validation-issue.js';

/**
 * A semantic rule: a pure function from a (shape-checked or salvaged) workflow to its issues.
 * @example
 * const noTags: ValidationRule = (workflow) => [];
 */
export type ValidationRule = (workflow: Workflow, context: ValidationContext) => ValidationIssue[];

/**
 * The semantic rules `validateWorkflow` runs, in reporting order.
 * @example
 * VALIDATION_RULES.length; // 6
 */
export const VALIDATION_RULES: readonly ValidationRule[] = [
  checkGraph,
  checkReferences,
  checkFields,
  checkConditions,
  checkReferralsAndTimeouts,
  checkDurations,
];

/**
 * Validates a workflow document and reports every problem at once: shape errors (each zod issue)
 * and, on whatever parts are shaped well enough, the semantic rules. `ok` when no issue is an error.
 * @example
 * const result = validateWorkflow(json, { calendars: ['cn-mainland', 'natural'] });
 * if (result.ok) register(result.workflow);
 * else for (const issue of result.issues) console.log(`${issue.path}: ${issue.message}`);
 */
export function validateWorkflow(json: unknown, options: ValidateOptions = {}): ValidationResult {
  const issues: ValidationIssue[] = [];
  const shape = checkShape(workflowSchema, json);
  let workflow: Workflow;
  let gaps: ShapeGaps | undefined;
  if (shape.ok) workflow = shape.data;
  else {
    issues.push(...shape.issues);
    const salvaged = salvageWorkflow(json);
    if (!salvaged) return { ok: false, issues };
    ({ workflow, gaps } = salvaged);
  }
  const context = createValidationContext(workflow, options, gaps);
  for (const rule of VALIDATION_RULES) issues.push(...rule(workflow, context));
  if (shape.ok && issues.every((issue) => issue.severity !== 'error')) return { ok: true, workflow, issues };
  return { ok: false, issues };
}
