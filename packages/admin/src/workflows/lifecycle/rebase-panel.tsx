import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { apiErrorOf } from '../../api/api-fetch.js';
import { ApiErrorAlert } from '../../cases/show/api-error-alert.js';
import type { TitledWorkflow } from './describe-change.js';
import { initialResolutions, isResolvable, RebaseConflictForm } from './rebase-conflict-form.js';
import { useWorkflowApi, type RebaseConflict, type Resolutions, type WorkflowDetail } from './workflow-api.js';

/**
 * Moves an overlay onto the newest published version of its template: tries the rebase, and when
 * the server reports conflicts (both changed, newly locked…) shows them in a form where each is
 * settled (keep mine / take the template's) before rebasing again with those choices.
 * @example
 * <RebasePanel record={overlay} onRebased={(draft) => redirect(`/workflows/${draft.id}/show`)} />
 */
export function RebasePanel({ record, onRebased }: { record: WorkflowDetail; onRebased: (draft: WorkflowDetail) => void }) {
  const translate = useTranslate();
  const api = useWorkflowApi();
  const parent = record.parent;
  const [newest, setNewest] = useState<number | null>(null);
  const [template, setTemplate] = useState<WorkflowDetail | null>(null);
  const [conflicts, setConflicts] = useState<RebaseConflict[] | null>(null);
  const [resolutions, setResolutions] = useState<Resolutions>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!parent) return;
    let live = true;
    api.list({ key: parent.key, status: 'published' }).then(
      (rows) => live && setNewest(rows.reduce((max, row) => Math.max(max, row.version), parent.version)),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [api, parent]);

  if (!parent) return <Alert severity="info">{translate('shuoshi.workflows.rebase_not_overlay')}</Alert>;
  if (newest === null) return <ApiErrorAlert error={error} />;
  if (newest <= parent.version) return <Alert severity="success">{translate('shuoshi.workflows.rebase_up_to_date', { key: parent.key, version: parent.version })}</Alert>;
  const target = { key: parent.key, version: newest };

  const rebase = async (chosen: Resolutions) => {
    setBusy(true);
    setError(null);
    try {
      onRebased(await api.rebase(record.id, target, chosen));
    } catch (e) {
      const details = apiErrorOf(e)?.details as { conflicts?: RebaseConflict[] } | undefined;
      if (details?.conflicts) {
        if (!template) setTemplate(await api.show(`${target.key}@${target.version}`).catch(() => null));
        setConflicts(details.conflicts);
        setResolutions({ ...initialResolutions(details.conflicts), ...chosen });
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  const open = (conflicts ?? []).filter((c) => !isResolvable(c) || resolutions[c.path] === undefined);
  return (
    <Stack spacing={2}>
      <Alert severity="warning">{translate('shuoshi.workflows.rebase_available', { key: parent.key, from: parent.version, to: newest })}</Alert>
      {conflicts === null ? (
        <Box>
          <Button variant="contained" disabled={busy} onClick={() => void rebase({})} data-action="rebase">
            {translate('shuoshi.workflows.rebase_to', { version: newest })}
          </Button>
        </Box>
      ) : (
        <>
          <Typography variant="body2">{translate('shuoshi.workflows.rebase_conflicts_help', { count: conflicts.length })}</Typography>
          <RebaseConflictForm conflicts={conflicts} template={(template?.definition ?? {}) as TitledWorkflow} mine={record.definition as TitledWorkflow} value={resolutions} onChange={setResolutions} />
          {open.some((c) => !isResolvable(c)) && <Alert severity="error">{translate('shuoshi.workflows.rebase_fix_in_designer')}</Alert>}
          <Box>
            <Button variant="contained" disabled={busy || open.length > 0} onClick={() => void rebase(resolutions)} data-action="rebase-resolved">
              {translate('shuoshi.workflows.rebase_with_choices', { version: newest })}
            </Button>
          </Box>
        </>
      )}
      <ApiErrorAlert error={error} />
    </Stack>
  );
}
