import { validateOverlay, validateWorkflow, type PathSegment, type Workflow } from '@shuoshi/engine';
import { useEffect, useState } from 'react';
import { deriveOverlay } from './derive-overlay.js';

/**
 * One problem the designer lists: the engine's issue (or overlay conflict) with its path and the
 * value it quotes (the panel's sentences name it).
 * @example
 * const issue: DesignerIssue = { path: 'workflow.states.x.roles[0]', segments: ['workflow', 'states', 'x', 'roles', 0], code: 'UNKNOWN_ROLE', message: '…', severity: 'error' };
 */
export type DesignerIssue = { path: string; segments: PathSegment[]; code: string; message: string; severity: 'error' | 'warning'; value?: unknown };

function designerIssue(issue: DesignerIssue): DesignerIssue {
  const { path, segments, code, message, severity, value } = issue;
  return value === undefined ? { path, segments, code, message, severity } : { path, segments, code, message, severity, value };
}

/**
 * Validates a workflow (or, for an overlay, the overlay derived from it against its template)
 * with the engine, in the browser.
 * @example
 * const issues = validateDraft(edited, template, { agencies: ['chalu_fleet'] });
 */
export function validateDraft(workflow: Workflow, template: Workflow | null, agencies: readonly string[], key: string, version: number): DesignerIssue[] {
  const options = { agencies: [...agencies] };
  if (template) {
    const { overlay } = deriveOverlay(template, workflow);
    const result = validateOverlay({ ...overlay, key, version, extends: { key: template.key, version: template.version } }, template, options);
    return result.issues.map(designerIssue);
  }
  return validateWorkflow(workflow, options).issues.map(designerIssue);
}

/**
 * Runs the engine's validation on every change of the edited workflow, debounced (250 ms), so
 * the list of issues follows the user's edits.
 * @example
 * const { issues, pending } = useLiveValidation(workflow, template, agencies, detail.key, detail.version);
 */
export function useLiveValidation(workflow: Workflow | undefined, template: Workflow | null, agencies: readonly string[], key: string, version: number, delay = 250): { issues: DesignerIssue[]; pending: boolean } {
  const [issues, setIssues] = useState<DesignerIssue[]>([]);
  const [pending, setPending] = useState(true);
  useEffect(() => {
    if (!workflow) return undefined;
    setPending(true);
    const timer = setTimeout(() => {
      try {
        setIssues(validateDraft(workflow, template, agencies, key, version));
      } catch (error) {
        setIssues([{ path: '', segments: [], code: 'SCHEMA', severity: 'error', message: error instanceof Error ? error.message : String(error) }]);
      }
      setPending(false);
    }, delay);
    return () => clearTimeout(timer);
  }, [workflow, template, agencies, key, version, delay]);
  return { issues, pending };
}
