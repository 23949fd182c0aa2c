import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { WorkflowSummary } from '../lifecycle/workflow-api.js';

const COLOURS = { draft: 'warning', published: 'success', retired: 'default' } as const;

/**
 * A version's status (draft / published / retired) as a coloured chip.
 * @example
 * <WorkflowStatusChip status="draft" />
 */
export function WorkflowStatusChip({ status }: { status: WorkflowSummary['status'] }) {
  const translate = useTranslate();
  return <Chip size="small" color={COLOURS[status]} data-status={status} label={translate(`shuoshi.workflows.status_${status}`)} />;
}
