import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
import LayersIcon from '@mui/icons-material/Layers';
import { Button, Stack } from '@mui/material';
import { useState, type MouseEvent } from 'react';
import { BooleanInput, Datagrid, FunctionField, List, SearchInput, SelectInput, TextField, TopToolbar, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { useLocalized } from '../../i18n/use-localized.js';
import type { WorkflowDetail, WorkflowSummary } from '../lifecycle/workflow-api.js';
import { CreateOverlayDialog } from './create-overlay-dialog.js';
import { NewDraftButton } from './new-draft-button.js';
import { useWorkflowAccess } from './use-workflow-access.js';
import { WorkflowStatusChip } from './workflow-status-chip.js';

function RowActions({ row, onOverlay, onOpen }: { row: WorkflowSummary; onOverlay: (id: string) => void; onOpen: (draft: WorkflowDetail) => void }) {
  const translate = useTranslate();
  const { canWrite, isTemplate } = useWorkflowAccess();
  const template = isTemplate(row);
  const stop = (e: MouseEvent) => e.stopPropagation();
  return (
    <Stack direction="row" spacing={0.5} onClick={stop}>
      <Button size="small" startIcon={<EditIcon />} href={`#/workflows/${encodeURIComponent(row.id)}/design`} data-action="design">
        {translate(row.status === 'draft' && canWrite && !template ? 'shuoshi.workflows.design' : 'shuoshi.workflows.view_diagram')}
      </Button>
      {canWrite && row.status === 'published' && !template && <NewDraftButton row={row} onCreated={onOpen} />}
      {canWrite && row.status === 'published' && (
        <Button size="small" startIcon={<LayersIcon />} onClick={() => onOverlay(row.id)} data-action="overlay">
          {translate('shuoshi.workflows.overlay_from')}
        </Button>
      )}
    </Stack>
  );
}

function ListActions({ onOverlay }: { onOverlay: () => void }) {
  const translate = useTranslate();
  const { canWrite } = useWorkflowAccess();
  return (
    <TopToolbar>
      {canWrite && (
        <Button variant="contained" size="small" startIcon={<AddIcon />} onClick={onOverlay} data-action="create-overlay">
          {translate('shuoshi.workflows.overlay_title')}
        </Button>
      )}
    </TopToolbar>
  );
}

/**
 * The workflows list: the union's own workflows and the templates above it, one row per version
 * with its status, parent template and running cases; admins open a version in the designer,
 * start a new draft from a published one, or create a township overlay from a template.
 * @example
 * <Resource name="workflows" list={WorkflowList} />
 */
export function WorkflowList() {
  const translate = useTranslate();
  const l = useLocalized();
  const navigate = useNavigate();
  const [overlayOf, setOverlayOf] = useState<string | null>(null);
  const openDraft = (draft: WorkflowDetail) => navigate(`/workflows/${encodeURIComponent(draft.id)}/design`);
  const filters = [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('shuoshi.workflows.search')} />,
    <SelectInput
      key="status"
      source="status"
      label="shuoshi.workflows.status"
      alwaysOn
      choices={['draft', 'published', 'retired'].map((id) => ({ id, name: `shuoshi.workflows.status_${id}` }))}
    />,
    <BooleanInput key="templates" source="templates" label="shuoshi.workflows.templates_only" alwaysOn />,
  ];
  return (
    <>
      <List resource="workflows" filters={filters} sort={{ field: 'key', order: 'ASC' }} perPage={50} exporter={false} actions={<ListActions onOverlay={() => setOverlayOf('')} />} title={translate('shuoshi.workflows.title')}>
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <TextField source="key" label="shuoshi.workflows.key" />
          <FunctionField<WorkflowSummary> source="title" label="shuoshi.workflows.title_column" render={(row) => l(row.title)} />
          <FunctionField<WorkflowSummary> source="version" label="shuoshi.workflows.version" render={(row) => `v${row.version}`} />
          <FunctionField<WorkflowSummary> source="status" label="shuoshi.workflows.status" render={(row) => <WorkflowStatusChip status={row.status} />} />
          <FunctionField<WorkflowSummary>
            sortable={false}
            label="shuoshi.workflows.parent"
            render={(row) => (row.parent ? `${row.parent.key} v${row.parent.version}` : translate('shuoshi.workflows.no_parent'))}
          />
          <TextField source="tenantId" label="shuoshi.workflows.owner" />
          <FunctionField<WorkflowSummary> sortable={false} label="shuoshi.workflows.running_cases" render={(row) => <span data-running={row.id}>{row.runningCases}</span>} />
          <FunctionField<WorkflowSummary> sortable={false} label="shuoshi.workflows.actions" render={(row) => <RowActions row={row} onOverlay={setOverlayOf} onOpen={openDraft} />} />
        </Datagrid>
      </List>
      <CreateOverlayDialog open={overlayOf !== null} {...(overlayOf ? { parentId: overlayOf } : {})} onClose={() => setOverlayOf(null)} onCreated={openDraft} />
    </>
  );
}
