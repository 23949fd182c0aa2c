import { CircularProgress } from '@mui/material';
import { useEffect, useState } from 'react';
import { ApiErrorAlert } from '../../cases/show/api-error-alert.js';
import type { TitledWorkflow } from './describe-change.js';
import { useWorkflowApi, type WorkflowDetail, type WorkflowDiff } from './workflow-api.js';
import { WorkflowDiffView } from './workflow-diff-view.js';

/**
 * Loads a version's diff against its parent template (or previous version) and both definitions
 * (for titles), and shows it side by side.
 * @example
 * <WorkflowDiffPanel record={detail} />
 */
export function WorkflowDiffPanel({ record }: { record: WorkflowDetail }) {
  const api = useWorkflowApi();
  const [state, setState] = useState<{ diff: WorkflowDiff; before: TitledWorkflow } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setState(null);
    setError(null);
    (async () => {
      const diff = await api.diff(record.id);
      const against = await api.show(`${diff.against.key}@${diff.against.version}`);
      if (live) setState({ diff, before: against.definition as TitledWorkflow });
    })().catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [api, record.id, record.version, record.status, record.createdAt]);
  if (error) return <ApiErrorAlert error={error} />;
  if (!state) return <CircularProgress size={24} />;
  const { against } = state.diff;
  return <WorkflowDiffView changes={state.diff.changes} before={state.before} after={record.definition as TitledWorkflow} beforeLabel={`${against.key} v${against.version}`} />;
}
