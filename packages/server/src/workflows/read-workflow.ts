import { validateWorkflow, type Workflow } from '@shuoshi/engine';
import { HttpError } from '../http/http-error.js';

/**
 * Reads a stored published definition back as a workflow; one that no longer validates (the
 * engine changed since it was published) is a 409 naming the problems.
 * @example
 * const template = readPublishedWorkflow(row.definition, 'union-grievance@1');
 */
export function readPublishedWorkflow(definition: unknown, id: string): Workflow {
  const result = validateWorkflow(definition);
  if (result.ok) return result.workflow;
  const errors = result.issues.filter((i) => i.severity === 'error');
  throw new HttpError(409, 'STORED_WORKFLOW_INVALID', `The stored definition of workflow ${JSON.stringify(id)} no longer validates (${errors.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join(' | ')}); publish a corrected version.`, { issues: errors });
}
