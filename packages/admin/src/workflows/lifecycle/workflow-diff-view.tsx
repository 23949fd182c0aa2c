import { Alert, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../../i18n/use-localized.js';
import { describeChange, type TitledWorkflow } from './describe-change.js';
import type { WorkflowChange } from './workflow-api.js';

const KIND_COLOURS = { added: 'success', changed: 'info', removed: 'error' } as const;

/**
 * The changes of a workflow against its parent template (or previous version), side by side:
 * what changed (a state, a transition or a field, by its title), which property, before | after.
 * @example
 * <WorkflowDiffView changes={diff.changes} before={template.definition} after={draft.definition} beforeLabel="union-grievance v1" />
 */
export function WorkflowDiffView({ changes, before, after, beforeLabel }: { changes: readonly WorkflowChange[]; before: TitledWorkflow; after: TitledWorkflow; beforeLabel: string }) {
  const translate = useTranslate();
  const l = useLocalized();
  if (changes.length === 0) return <Alert severity="info">{translate('shuoshi.workflows.diff_none', { against: beforeLabel })}</Alert>;
  const counts = { added: 0, changed: 0, removed: 0 };
  for (const change of changes) counts[change.kind] += 1;
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }} data-testid="diff-summary">
        {translate('shuoshi.workflows.diff_summary', { against: beforeLabel, ...counts })}
      </Typography>
      <Table size="small" aria-label={translate('shuoshi.workflows.tab_diff')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('shuoshi.workflows.diff_kind')}</TableCell>
            <TableCell>{translate('shuoshi.workflows.diff_subject')}</TableCell>
            <TableCell>{translate('shuoshi.workflows.diff_property')}</TableCell>
            <TableCell sx={{ width: '30%' }}>{translate('shuoshi.workflows.diff_before', { against: beforeLabel })}</TableCell>
            <TableCell sx={{ width: '30%' }}>{translate('shuoshi.workflows.diff_after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {changes.map((change) => {
            const row = describeChange(change, { before, after, translate, l });
            return (
              <TableRow key={`${change.kind}:${change.path}`} data-change={change.kind} data-path={change.path}>
                <TableCell>
                  <Chip size="small" color={KIND_COLOURS[change.kind]} label={translate(`shuoshi.workflows.change_${change.kind}`)} />
                </TableCell>
                <TableCell>{row.subject}</TableCell>
                <TableCell title={change.path}>{row.property}</TableCell>
                <TableCell sx={{ bgcolor: change.kind === 'added' ? undefined : '#fdecea', whiteSpace: 'pre-wrap' }}>{change.kind === 'added' ? '' : row.before}</TableCell>
                <TableCell sx={{ bgcolor: change.kind === 'removed' ? undefined : '#e8f5e9', whiteSpace: 'pre-wrap' }}>{change.kind === 'removed' ? '' : row.after}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
