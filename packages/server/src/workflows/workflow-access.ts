import type { Caller } from '../auth/caller.js';
import { HttpError } from '../http/http-error.js';
import { ancestorTenantIds } from './repository.js';
import type { WorkflowSummary } from './schemas.js';

/**
 * Roles that may create, edit, publish, retire, rebase and migrate workflows.
 * @example
 * WORKFLOW_WRITER_ROLES.includes('township_admin'); // true
 */
export const WORKFLOW_WRITER_ROLES: readonly string[] = ['county_admin', 'township_admin'];

/**
 * Refuses callers without a workflow-writing role (403: the route exists, the role may not use it).
 * @example
 * requireWriter(caller);
 */
export function requireWriter(caller: Caller): void {
  if (caller.roles.some((role) => WORKFLOW_WRITER_ROLES.includes(role))) return;
  throw new HttpError(403, 'FORBIDDEN', `Only county or township union admins may change workflows; your roles are [${caller.roles.join(', ')}]. Ask an admin of your union.`, { roles: caller.roles });
}

/**
 * Refuses a change to a workflow of a union above the caller's (a template it may read and
 * extend, but not change): 403, since the caller can see it.
 * @example
 * requireOwned(caller, workflow);
 */
export function requireOwned(caller: Caller, workflow: Pick<WorkflowSummary, 'id' | 'tenantId'>): void {
  if (!ancestorTenantIds(caller.tenantPath).includes(workflow.tenantId)) return;
  throw new HttpError(403, 'NOT_YOURS', `Workflow ${JSON.stringify(workflow.id)} belongs to union ${JSON.stringify(workflow.tenantId)} above yours: you may extend it (POST /api/workflows/overlay) but not change it.`, { id: workflow.id, tenantId: workflow.tenantId });
}

/**
 * Refuses anything but a draft (409 NOT_A_DRAFT): published versions are immutable.
 * @example
 * requireDraft(workflow);
 */
export function requireDraft(workflow: Pick<WorkflowSummary, 'id' | 'status'>): void {
  if (workflow.status === 'draft') return;
  throw new HttpError(409, 'NOT_A_DRAFT', `Workflow ${JSON.stringify(workflow.id)} is ${workflow.status}, and only drafts change: create a new version (POST /api/workflows with the same key, or rebase an overlay).`, { id: workflow.id, status: workflow.status });
}
