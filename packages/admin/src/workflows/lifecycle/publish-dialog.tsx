import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, List, ListItem, ListItemText, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { apiErrorOf } from '../../api/api-fetch.js';
import { ApiErrorAlert } from '../../cases/show/api-error-alert.js';
import { useWorkflowApi, type WorkflowDetail } from './workflow-api.js';

type Issue = { path: string; code: string; message: string; severity?: string };

/**
 * A dialog that validates a draft, lists every issue with its message (errors block publishing),
 * and publishes it with a note when it is valid.
 * @example
 * <PublishDialog record={draft} open onClose={close} onPublished={reload} />
 */
export function PublishDialog({ record, open, onClose, onPublished }: { record: WorkflowDetail; open: boolean; onClose: () => void; onPublished: (published: WorkflowDetail) => void }) {
  const translate = useTranslate();
  const api = useWorkflowApi();
  const [note, setNote] = useState('');
  const [issues, setIssues] = useState<Issue[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setIssues(null);
    setError(null);
    api.validate(record.id).then((answer) => live && setIssues(answer.issues), (e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [api, open, record.id]);

  const errors = (issues ?? []).filter((issue) => issue.severity !== 'warning');
  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      onPublished(await api.publish(record.id, note));
    } catch (e) {
      // A 422 carries every issue: show them in the list rather than one long message.
      const details = apiErrorOf(e)?.details as { issues?: Issue[] } | undefined;
      if (details?.issues) setIssues(details.issues);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="publish-title">
      <DialogTitle id="publish-title">{translate('shuoshi.workflows.publish_title', { id: record.id })}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('shuoshi.workflows.publish_help')}</DialogContentText>
        {issues === null && !error && <Alert severity="info">{translate('shuoshi.workflows.validating')}</Alert>}
        {issues !== null && errors.length === 0 && <Alert severity="success">{translate('shuoshi.workflows.valid')}</Alert>}
        {issues !== null && issues.length > 0 && (
          <>
            {errors.length > 0 && <Alert severity="error">{translate('shuoshi.workflows.publish_blocked', { count: errors.length })}</Alert>}
            <List dense data-testid="publish-issues">
              {issues.map((issue) => (
                <ListItem key={`${issue.code}:${issue.path}`} data-issue={issue.code}>
                  <ListItemText primary={issue.message} secondary={`${issue.severity === 'warning' ? translate('shuoshi.workflows.warning') : translate('shuoshi.workflows.error')} · ${issue.path}`} />
                </ListItem>
              ))}
            </List>
          </>
        )}
        <TextField label={translate('shuoshi.workflows.note')} helperText={translate('shuoshi.workflows.note_help')} value={note} onChange={(e) => setNote(e.target.value)} fullWidth multiline minRows={2} sx={{ mt: 2 }} inputProps={{ maxLength: 2000, 'data-testid': 'publish-note' }} />
        <ApiErrorAlert error={error} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || issues === null || errors.length > 0} onClick={() => void publish()}>
          {translate('shuoshi.workflows.publish')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
