import RedoIcon from '@mui/icons-material/Redo';
import SaveIcon from '@mui/icons-material/Save';
import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Box, Button, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { deepEqual, type Workflow } from '@shuoshi/engine';
import { useEffect, useState, type ReactNode } from 'react';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { apiErrorOf, apiFetch } from '../../api/api-fetch.js';
import { useLocalized } from '../../i18n/use-localized.js';
import { deriveOverlay } from './derive-overlay.js';
import { DesignerWorkspace } from './designer-workspace.js';
import { isEditableWorkflow } from './editable-workflow.js';
import { useDesignerData, workflowQueryKey, type WorkflowDetail } from './use-designer-data.js';
import { useDraftHistory } from './use-draft-history.js';
import { useLiveValidation } from './use-live-validation.js';

/**
 * The body PATCH /api/workflows/:id takes for the edited workflow: the overlay derived from the
 * template for a township overlay, else the whole definition.
 * @example
 * patchBody(detail, template, edited); // { overlay: { key: 'chalu-grievance', states: { ... } } }
 */
export function patchBody(detail: Pick<WorkflowDetail, 'key'>, template: Workflow | null, edited: Workflow): { body: { overlay: Record<string, unknown> } | { definition: Workflow }; dropped: string[] } {
  if (!template) return { body: { definition: edited }, dropped: [] };
  const { overlay, dropped } = deriveOverlay(template, edited);
  return { body: { overlay: { key: detail.key, ...overlay } }, dropped };
}

function HistoryButton({ step, icon, enabled, onClick }: { step: 'undo' | 'redo'; icon: ReactNode; enabled: boolean; onClick(): void }) {
  const translate = useTranslate();
  return (
    <Tooltip title={translate(step === 'undo' ? 'shuoshi.history.undo_tip' : 'shuoshi.history.redo_tip')}>
      {/* A disabled button fires no events: the span keeps the tooltip, which names the shortcut. */}
      <span>
        <Button size="small" startIcon={icon} disabled={!enabled} onClick={onClick} data-testid={`designer-${step}`}>
          {translate(step === 'undo' ? 'shuoshi.history.undo' : 'shuoshi.history.redo')}
        </Button>
      </span>
    </Tooltip>
  );
}

/**
 * The workflow designer page (`/workflows/:id/design`): loads a version, edits it with the
 * diagram, the forms and the JSON view, with undo and redo, validates it live in the browser and
 * saves a draft (PATCH); a published version opens read-only.
 * @example
 * <Route path="/workflows/:id/design" element={<WorkflowDesigner />} />
 */
export function WorkflowDesigner() {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const l = useLocalized();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { detail, template, agencies, isLoading, error } = useDesignerData(id);
  const { draft, load, change, undo, redo, canUndo, canRedo } = useDraftHistory<Workflow>(detail?.status === 'draft');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (detail && isEditableWorkflow(detail.definition)) load(detail.definition, detail.id);
  }, [detail, load]);
  const { issues, pending } = useLiveValidation(draft, template, agencies, detail?.key ?? '', detail?.version ?? 1);
  const unsaved = draft !== undefined && detail !== undefined && detail.status === 'draft' && !deepEqual(draft, detail.definition);
  // Closing the tab or reloading would lose the edits: the browser asks first.
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  if (isLoading) return <Loading />;
  if (error || !detail) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {translate('shuoshi.designer.load_failed', { id, error: apiErrorOf(error)?.message ?? (error instanceof Error ? error.message : '') })}
      </Alert>
    );
  }
  if (!draft) {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {translate('shuoshi.designer.not_editable', { id })}
      </Alert>
    );
  }
  const readOnly = detail.status !== 'draft';
  const dirty = unsaved;

  const save = async () => {
    const { body, dropped } = patchBody(detail, template, draft);
    setSaving(true);
    try {
      const { body: saved } = await apiFetch(`/workflows/${encodeURIComponent(detail.id)}`, { method: 'PATCH', json: body });
      queryClient.setQueryData(workflowQueryKey(detail.id), saved);
      await queryClient.invalidateQueries({ queryKey: ['workflows'] });
      notify(dropped.length > 0 ? 'shuoshi.designer.saved_with_dropped' : 'shuoshi.designer.saved', { type: dropped.length > 0 ? 'warning' : 'success', messageArgs: { keys: dropped.join(', ') } });
    } catch (problem) {
      notify('shuoshi.designer.save_failed', { type: 'error', messageArgs: { error: apiErrorOf(problem)?.message ?? String(problem) } });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box sx={{ p: 2 }} data-testid="workflow-designer">
      <Title title={translate('shuoshi.designer.page_title', { name: l(draft.title) })} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5">{l(draft.title) || detail.key}</Typography>
        <Chip size="small" label={detail.id} sx={{ fontFamily: 'monospace' }} />
        <Chip size="small" color={readOnly ? 'default' : 'primary'} label={translate(`shuoshi.designer.status.${detail.status}`)} />
        {detail.parent ? <Chip size="small" variant="outlined" label={translate('shuoshi.designer.extends', { key: detail.parent.key, version: detail.parent.version })} /> : null}
        <Box sx={{ flex: 1 }} />
        {dirty && !readOnly ? (
          <Typography variant="body2" color="warning.main" data-testid="designer-dirty">
            {translate('shuoshi.designer.unsaved')}
          </Typography>
        ) : null}
        {/* A published version changes no more: no undo, redo or save, as the forms offer no edits. */}
        {readOnly ? null : (
          <>
            <HistoryButton step="undo" icon={<UndoIcon />} enabled={canUndo} onClick={undo} />
            <HistoryButton step="redo" icon={<RedoIcon />} enabled={canRedo} onClick={redo} />
            <Button variant="contained" startIcon={<SaveIcon />} disabled={!dirty || saving} onClick={() => void save()} data-testid="designer-save">
              {translate('shuoshi.designer.save')}
            </Button>
          </>
        )}
      </Stack>
      {readOnly ? (
        <Alert severity="info" sx={{ mb: 2 }} data-testid="designer-read-only">
          {translate('shuoshi.designer.read_only', { status: translate(`shuoshi.designer.status.${detail.status}`) })}
        </Alert>
      ) : null}
      <DesignerWorkspace workflow={draft} template={template} issues={issues} pending={pending} readOnly={readOnly} onChange={change} />
    </Box>
  );
}
