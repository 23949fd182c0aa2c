import { useQuery } from '@tanstack/react-query';
import { checkShape, workflowSchema, type Workflow } from '@shuoshi/engine';
import { apiFetch } from '../../api/api-fetch.js';

/**
 * A workflow version as GET /api/workflows/:id answers it (definition resolved for overlays).
 * @example
 * const detail: WorkflowDetail = { id: 'chalu-grievance@1', status: 'draft', definition, overlay, parent, ... };
 */
export type WorkflowDetail = {
  id: string;
  tenantId: string;
  key: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  title: { zh: string; en: string };
  parent: { tenantId: string; key: string; version: number } | null;
  isOverlay: boolean;
  definition: Workflow;
  overlay: Record<string, unknown> | null;
};

/**
 * The react-query key of one workflow version.
 * @example
 * queryClient.setQueryData(workflowQueryKey('chalu-chamber@1'), saved);
 */
export const workflowQueryKey = (id: string) => ['workflows', 'detail', id] as const;

// One constant, so that live validation does not rerun on every render while agencies load.
const NO_AGENCIES: string[] = [];

async function fetchWorkflow(id: string): Promise<WorkflowDetail> {
  const { body } = await apiFetch(`/workflows/${encodeURIComponent(id)}`);
  return body as WorkflowDetail;
}

async function fetchTemplate(parent: WorkflowDetail['parent']): Promise<Workflow | null> {
  if (!parent) return null;
  const detail = await fetchWorkflow(`${parent.key}@${parent.version}`);
  const shape = checkShape(workflowSchema, detail.definition);
  return shape.ok ? shape.data : detail.definition;
}

async function fetchAgencyCodes(): Promise<string[]> {
  try {
    const { body } = await apiFetch(`/agencies?range=${encodeURIComponent('[0,499]')}`);
    return Array.isArray(body) ? body.map((a: { code?: unknown }) => (typeof a.code === 'string' ? a.code : '')).filter((c) => c !== '') : [];
  } catch {
    // Only staff who administer agencies may list them; the built-in agencies still validate.
    return [];
  }
}

/**
 * Loads what the designer needs for one workflow version: the version, the template an overlay
 * extends, and the agency codes the caller's unions declared (for validation in the browser).
 * @example
 * const { detail, template, agencies, isLoading, error } = useDesignerData('chalu-grievance@1');
 */
export function useDesignerData(id: string) {
  const detail = useQuery({ queryKey: workflowQueryKey(id), queryFn: () => fetchWorkflow(id) });
  const template = useQuery({ queryKey: ['workflows', 'template', detail.data?.parent], queryFn: () => fetchTemplate(detail.data?.parent ?? null), enabled: detail.data !== undefined, staleTime: Infinity });
  const agencies = useQuery({ queryKey: ['agencies', 'codes'], queryFn: fetchAgencyCodes, staleTime: 60_000 });
  return {
    detail: detail.data,
    template: template.data ?? null,
    agencies: agencies.data ?? NO_AGENCIES,
    isLoading: detail.isLoading || (detail.data?.parent != null && template.isLoading),
    error: detail.error ?? template.error,
    refetch: detail.refetch,
  };
}
