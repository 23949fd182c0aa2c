import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useGetIdentity, useTranslate } from 'react-admin';
import { ApiErrorAlert } from '../../cases/show/api-error-alert.js';
import { useLocalized } from '../../i18n/use-localized.js';
import { useWorkflowApi, type WorkflowDetail, type WorkflowSummary } from '../lifecycle/workflow-api.js';

/**
 * What a workflow key must look like (the server's rule): lower kebab case, starting with a letter.
 * @example
 * WORKFLOW_KEY_PATTERN.test('huchen-help-farmers'); // true
 */
export const WORKFLOW_KEY_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * A dialog that creates a township overlay draft: pick a published template, name the new key
 * (and optionally its title), then open the draft.
 * @example
 * <CreateOverlayDialog open onClose={close} onCreated={(draft) => navigate(`/workflows/${draft.id}/design`)} />
 */
export function CreateOverlayDialog({ open, parentId, onClose, onCreated }: { open: boolean; parentId?: string; onClose: () => void; onCreated: (draft: WorkflowDetail) => void }) {
  const translate = useTranslate();
  const l = useLocalized();
  const api = useWorkflowApi();
  const { identity } = useGetIdentity();
  const tenantId = (identity as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const [templates, setTemplates] = useState<WorkflowSummary[]>([]);
  const [parent, setParent] = useState(parentId ?? '');
  const [key, setKey] = useState('');
  const [titleZh, setTitleZh] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    api.list({ status: 'published' }).then((rows) => live && setTemplates(rows), (e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [api, open]);
  useEffect(() => setParent(parentId ?? ''), [parentId]);

  const chosen = templates.find((t) => t.id === parent);
  const keyProblem = key !== '' && !WORKFLOW_KEY_PATTERN.test(key) ? translate('shuoshi.workflows.key_invalid', { key }) : '';
  const canSave = chosen !== undefined && WORKFLOW_KEY_PATTERN.test(key) && (titleZh.trim() === '') === (titleEn.trim() === '') && !saving;

  const pick = (id: string) => {
    setParent(id);
    const template = templates.find((t) => t.id === id);
    if (template && key === '') setKey(tenantId ? `${tenantId}-${template.key}`.slice(0, 64) : '');
  };

  const save = async () => {
    if (!chosen) return;
    setSaving(true);
    setError(null);
    try {
      const title = titleZh.trim() ? { title: { zh: titleZh.trim(), en: titleEn.trim() } } : {};
      onCreated(await api.createOverlay({ key: chosen.key, version: chosen.version }, { key, ...title }));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="create-overlay-title">
      <DialogTitle id="create-overlay-title">{translate('shuoshi.workflows.overlay_title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate('shuoshi.workflows.overlay_help')}</DialogContentText>
        <Stack spacing={2}>
          <TextField select label={translate('shuoshi.workflows.template')} value={parent} onChange={(e) => pick(e.target.value)} fullWidth inputProps={{ 'data-testid': 'overlay-template' }}>
            {templates.map((t) => (
              <MenuItem key={t.id} value={t.id}>
                {`${l(t.title)} · ${t.key} v${t.version}`}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate('shuoshi.workflows.key')}
            value={key}
            onChange={(e) => setKey(e.target.value.trim())}
            error={keyProblem !== ''}
            helperText={keyProblem || translate('shuoshi.workflows.key_help')}
            fullWidth
            inputProps={{ 'data-testid': 'overlay-key' }}
          />
          <Stack direction="row" spacing={2}>
            <TextField label={translate('shuoshi.workflows.title_zh')} value={titleZh} onChange={(e) => setTitleZh(e.target.value)} fullWidth helperText={translate('shuoshi.workflows.title_optional')} />
            <TextField label={translate('shuoshi.workflows.title_en')} value={titleEn} onChange={(e) => setTitleEn(e.target.value)} fullWidth />
          </Stack>
          <ApiErrorAlert error={error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={!canSave}>
          {translate('shuoshi.workflows.overlay_create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
