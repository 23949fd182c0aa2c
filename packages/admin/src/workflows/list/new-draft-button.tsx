import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Button, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../api/api-fetch.js';
import { useWorkflowApi, type WorkflowApi, type WorkflowDetail, type WorkflowSummary } from '../lifecycle/workflow-api.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Opens the next version of a published workflow as a draft: an overlay gets a new overlay draft on
 * the same template, a full definition a copy of itself (the server numbers the version).
 * @example
 * const draft = await newDraftFrom(api, 'huchen-help-farmers@1');
 */
export async function newDraftFrom(api: WorkflowApi, id: string): Promise<WorkflowDetail> {
  const source = await api.show(id);
  if (source.parent && isRecord(source.overlay)) {
    const { version: _version, extends: _extends, ...overlay } = source.overlay;
    return api.createOverlay({ key: source.parent.key, version: source.parent.version }, { ...overlay, key: source.key });
  }
  if (!isRecord(source.definition)) throw new Error(`Workflow ${JSON.stringify(id)} has no definition to copy.`);
  const { version: _version, ...definition } = source.definition;
  return api.createDraft(definition);
}

/**
 * A button that starts a new draft from a published version and opens it in the designer.
 * @example
 * <NewDraftButton row={row} onCreated={(d) => navigate(`/workflows/${d.id}/design`)} />
 */
export function NewDraftButton({ row, onCreated }: { row: WorkflowSummary; onCreated: (draft: WorkflowDetail) => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const api = useWorkflowApi();
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    try {
      onCreated(await newDraftFrom(api, row.id));
    } catch (error) {
      notify(apiErrorOf(error)?.message ?? (error instanceof Error ? error.message : String(error)), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip title={translate('shuoshi.workflows.new_draft_help')}>
      <span>
        <Button size="small" startIcon={<ContentCopyIcon />} disabled={busy} onClick={(e) => { e.stopPropagation(); void start(); }}>
          {translate('shuoshi.workflows.new_draft')}
        </Button>
      </span>
    </Tooltip>
  );
}
