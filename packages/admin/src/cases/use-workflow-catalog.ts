import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { ShuoshiDataProvider } from '../api/data-provider.js';
import type { LocalizedText, WorkflowRecord } from '../api/types.js';

/**
 * A choice of a filter or a form select: an id and its bilingual name.
 * @example
 * const choice: LocalizedChoice = { id: 'triage', name: { zh: '研判分流', en: 'Triage' } };
 */
export interface LocalizedChoice {
  id: string;
  name: LocalizedText;
}

/**
 * The states of several workflows as filter choices: one per state id (the first title wins),
 * in the order the workflows list them.
 * @example
 * stateChoices([unionGrievanceRecord]).map((c) => c.id); // ['intake', 'triage', ...]
 */
export function stateChoices(workflows: readonly Pick<WorkflowRecord, 'definition'>[]): LocalizedChoice[] {
  const seen = new Map<string, LocalizedChoice>();
  for (const workflow of workflows) {
    for (const [id, state] of Object.entries(workflow.definition.states)) if (!seen.has(id)) seen.set(id, { id, name: state.title });
  }
  return [...seen.values()];
}

/**
 * The latest version of each workflow key.
 * @example
 * latestWorkflows([{ key: 'a', version: 1 }, { key: 'a', version: 2 }]); // [{ key: 'a', version: 2 }]
 */
export function latestWorkflows<T extends Pick<WorkflowRecord, 'key' | 'version'>>(workflows: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const workflow of workflows) {
    const known = latest.get(workflow.key);
    if (!known || known.version < workflow.version) latest.set(workflow.key, workflow);
  }
  return [...latest.values()];
}

/**
 * The workflows as filter choices, one per key (the latest version's title).
 * @example
 * workflowChoices(workflows); // [{ id: 'union-grievance', name: { zh: '职工诉求处理', en: "Workers' matter handling" } }]
 */
export function workflowChoices(workflows: readonly Pick<WorkflowRecord, 'key' | 'version' | 'title'>[]): LocalizedChoice[] {
  return latestWorkflows(workflows).map((workflow) => ({ id: workflow.key, name: workflow.title }));
}

/**
 * The published workflows the user's unions may use, with their definitions (for the state and
 * workflow filters and the case form); fetched once and kept for the session.
 * @example
 * const { workflows } = usePublishedWorkflows();
 */
export function usePublishedWorkflows(): { workflows: WorkflowRecord[]; isPending: boolean } {
  const dataProvider = useDataProvider<ShuoshiDataProvider>();
  const query = useQuery({
    queryKey: ['shuoshi', 'published-workflows'],
    staleTime: 10 * 60_000,
    queryFn: async () => {
      const { data } = await dataProvider.getList('workflows', { filter: { status: 'published' }, pagination: { page: 1, perPage: 200 }, sort: { field: 'key', order: 'ASC' } });
      const details = await Promise.all(data.map((row) => dataProvider.getOne('workflows', { id: row.id })));
      return details.map((detail) => detail.data as WorkflowRecord);
    },
  });
  return { workflows: query.data ?? [], isPending: query.isPending };
}

/**
 * One workflow version with its definition (for the case page: field labels, event forms).
 * @example
 * const { workflow } = useWorkflow(record.workflow);
 */
export function useWorkflow(ref: { key: string; version: number } | undefined): { workflow: WorkflowRecord | undefined; isPending: boolean } {
  const dataProvider = useDataProvider<ShuoshiDataProvider>();
  const id = ref ? `${ref.key}@${ref.version}` : '';
  const query = useQuery({
    queryKey: ['shuoshi', 'workflow', id],
    enabled: ref !== undefined,
    staleTime: 60 * 60_000,
    queryFn: async () => (await dataProvider.getOne('workflows', { id })).data as WorkflowRecord,
  });
  return { workflow: query.data, isPending: query.isPending };
}
