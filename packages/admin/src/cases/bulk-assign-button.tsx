import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { AutocompleteInput, Button, Form, ReferenceInput, SaveButton, useDataProvider, useListContext, useNotify, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import { isApiError } from '../api/api-fetch.js';
import type { ShuoshiDataProvider } from '../api/data-provider.js';
import type { CaseRecord } from '../api/types.js';

/**
 * Assigns several cases at once: each with the version just read, so a case someone else changed
 * meanwhile is skipped and counted, not overwritten.
 * @example
 * assignAll(dataProvider, ['c1', 'c2'], 'chalu.mediator'); // { assigned: 2, conflicts: 0, failed: 0 }
 */
export async function assignAll(dataProvider: ShuoshiDataProvider, ids: readonly string[], assigneeId: string | null): Promise<{ assigned: number; conflicts: number; failed: number }> {
  const { data } = await dataProvider.getMany('cases', { ids: [...ids] });
  const result = { assigned: 0, conflicts: 0, failed: ids.length - data.length };
  for (const record of data as CaseRecord[]) {
    try {
      await dataProvider.assignCase(record.id, assigneeId, record.version);
      result.assigned += 1;
    } catch (error) {
      if (isApiError(error, 409)) result.conflicts += 1;
      else result.failed += 1;
    }
  }
  return result;
}

/**
 * The bulk action "assign": picks a user and assigns every selected case to them.
 * @example
 * <Datagrid bulkActionButtons={<BulkAssignButton />} />
 */
export function BulkAssignButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ShuoshiDataProvider>();
  const { selectedIds, resource } = useListContext();
  const unselectAll = useUnselectAll(resource ?? 'cases');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      const assigneeId = typeof values['assigneeId'] === 'string' ? values['assigneeId'] : null;
      const result = await assignAll(dataProvider, selectedIds.map(String), assigneeId);
      notify('shuoshi.cases.bulk_assign_done', { type: result.conflicts + result.failed > 0 ? 'warning' : 'info', messageArgs: result });
      setOpen(false);
      unselectAll();
      refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="shuoshi.cases.assign" onClick={() => setOpen(true)}>
        <PersonAddIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <Form onSubmit={submit}>
          <DialogTitle>{translate('shuoshi.cases.bulk_assign_title', { count: selectedIds.length })}</DialogTitle>
          <DialogContent>
            <ReferenceInput source="assigneeId" reference="users" sort={{ field: 'displayName', order: 'ASC' }} filter={{ active: true }}>
              <AutocompleteInput optionText="displayName" filterToQuery={(q: string) => (q ? { q } : {})} label="resources.cases.fields.assigneeId" fullWidth />
            </ReferenceInput>
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} disabled={busy} />
            <SaveButton label="shuoshi.cases.assign" icon={<PersonAddIcon />} disabled={busy} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
