import { useGetIdentity, usePermissions } from 'react-admin';
import type { WorkflowSummary } from '../lifecycle/workflow-api.js';

/**
 * Roles that may create, edit, publish, rebase and migrate workflows (the server's WORKFLOW_WRITER_ROLES).
 * @example
 * WORKFLOW_WRITER_ROLES.includes('township_admin'); // true
 */
export const WORKFLOW_WRITER_ROLES: readonly string[] = ['county_admin', 'township_admin'];

/**
 * Tells whether a version belongs to a union above the caller's (a template it may extend), from
 * the caller's materialised tenant path (`/ninghai/huchen/`).
 * @example
 * isTemplateFor({ tenantId: 'ninghai' }, '/ninghai/huchen/'); // true
 */
export function isTemplateFor(row: Pick<WorkflowSummary, 'tenantId'>, tenantPath: string | undefined): boolean {
  const ancestors = (tenantPath ?? '').split('/').filter(Boolean).slice(0, -1);
  return ancestors.includes(row.tenantId);
}

/**
 * What the signed-in user may do with workflows: write (county or township admin), and which rows
 * are templates from above rather than the union's own.
 * @example
 * const { canWrite, isTemplate } = useWorkflowAccess();
 */
export function useWorkflowAccess(): { canWrite: boolean; isTemplate: (row: Pick<WorkflowSummary, 'tenantId'>) => boolean } {
  const { permissions } = usePermissions<string[]>();
  const { identity } = useGetIdentity();
  const tenant = (identity as { tenant?: { path?: string } } | undefined)?.tenant;
  const canWrite = (permissions ?? []).some((role) => WORKFLOW_WRITER_ROLES.includes(role));
  return { canWrite, isTemplate: (row) => isTemplateFor(row, tenant?.path) };
}
