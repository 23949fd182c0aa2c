import { Card, CardContent, CardHeader, Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CaseRecord, Workflow } from '../../api/types.js';
import { localize } from '../../i18n/use-localized.js';
import { FieldValue } from './field-value.js';

// Shown in the follow-up card instead.
const FOLLOW_UP_FIELDS = new Set(['satisfaction', 'follow_up_comment']);

/**
 * The case's form: each workflow field that has a value, labelled from the workflow in the
 * user's language (personal fields as the server sent them: masked unless revealed).
 * @example
 * <CaseFieldsCard record={record} workflow={workflow?.definition} />
 */
export function CaseFieldsCard({ record, workflow }: { record: CaseRecord; workflow: Workflow | undefined }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // Required fields (the title and what the worker said) first: the server stores definitions as
  // jsonb, which does not keep the order the workflow lists its fields in.
  const known = Object.entries(workflow?.fields ?? {}).sort(([, a], [, b]) => Number(b.required === true) - Number(a.required === true));
  const ids = [...known.map(([id]) => id), ...Object.keys(record.data).filter((id) => !workflow?.fields[id])];
  const shown = ids.filter((id) => !FOLLOW_UP_FIELDS.has(id) && record.data[id] !== undefined && record.data[id] !== null && record.data[id] !== '');
  return (
    <Card variant="outlined">
      <CardHeader title={translate('shuoshi.case.fields')} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent sx={{ pt: 0 }}>
        <Table size="small" aria-label={translate('shuoshi.case.fields')}>
          <TableBody>
            {shown.map((id) => {
              const field = workflow?.fields[id];
              return (
                <TableRow key={id} data-field={id}>
                  <TableCell component="th" scope="row" sx={{ width: '32%', color: 'text.secondary', verticalAlign: 'top' }}>
                    {field ? localize(field.label, locale) : id}
                  </TableCell>
                  <TableCell>
                    <FieldValue field={field} value={record.data[id]} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
