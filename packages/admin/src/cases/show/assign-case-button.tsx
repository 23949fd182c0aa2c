import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { AutocompleteInput, Form, ReferenceInput, SaveButton, useDataProvider, useTranslate } from 'react-admin';
import type { ShuoshiDataProvider } from '../../api/data-provider.js';
import type { CaseRecord } from '../../api/types.js';
import { ApiErrorAlert } from './api-error-alert.js';

/**
 * Assigns the case to a user (or clears the assignee) with the version read: a 409 offers a reload.
 * @example
 * <AssignCaseButton record={record} onChanged={refetch} />
 */
export function AssignCaseButton({ record, onChanged }: { record: CaseRecord; onChanged: () => void }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShuoshiDataProvider>();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (values: Record<string, unknown>) => {
    setError(null);
    try {
      await dataProvider.assignCase(record.id, typeof values['assigneeId'] === 'string' && values['assigneeId'] !== '' ? values['assigneeId'] : null, record.version);
      setOpen(false);
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  };
  if (record.status === 'closed') return null;
  return (
    <>
      <Button size="small" variant="text" startIcon={<PersonAddIcon />} onClick={() => setOpen(true)}>
        {translate('shuoshi.cases.assign')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <Form onSubmit={submit} defaultValues={{ assigneeId: record.assigneeId ?? undefined }}>
          <DialogTitle>{translate('shuoshi.cases.assign_title', { reference: record.reference })}</DialogTitle>
          <DialogContent>
            <ReferenceInput source="assigneeId" reference="users" sort={{ field: 'displayName', order: 'ASC' }} filter={{ active: true }}>
              <AutocompleteInput optionText="displayName" filterToQuery={(q: string) => (q ? { q } : {})} label="resources.cases.fields.assigneeId" fullWidth />
            </ReferenceInput>
            <ApiErrorAlert
              error={error}
              onReload={() => {
                setOpen(false);
                onChanged();
              }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label="shuoshi.cases.assign" icon={<PersonAddIcon />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
