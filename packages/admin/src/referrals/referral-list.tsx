import { Chip } from '@mui/material';
import { AutocompleteInput, BooleanInput, Datagrid, FunctionField, List, ReferenceInput, SelectInput, TextField, useLocaleState, useTranslate } from 'react-admin';
import type { LocalizedText } from '../api/types.js';
import { DateTimeText } from '../format/date-time-text.js';
import { localize } from '../i18n/use-localized.js';

interface ReferralRow {
  id: string;
  caseId: string;
  reference: string;
  caseTitle: string;
  union: LocalizedText;
  agency: { code: string; name: LocalizedText };
  sentAt: string;
  replyDueAt: string;
  status: 'awaiting' | 'replied' | 'returned' | 'withdrawn';
  overdue: boolean;
}

const STATUS_COLOUR = { awaiting: 'primary', replied: 'success', returned: 'warning', withdrawn: 'default' } as const;
const byQuery = (q: string) => (q ? { q } : {});

/**
 * The referrals to outside bodies in the user's unions (GET /api/referrals): status, overdue
 * and union filters, the reply deadline first; a row opens its case.
 * @example
 * <Resource name="referrals" list={ReferralList} />
 */
export function ReferralList() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const filters = [
    <SelectInput key="status" source="status" alwaysOn choices={(['awaiting', 'replied', 'returned', 'withdrawn'] as const).map((id) => ({ id, name: translate(`shuoshi.referral.status_${id}`) }))} />,
    <BooleanInput key="overdue" source="overdue" alwaysOn />,
    <ReferenceInput key="tenantId" source="tenantId" reference="tenants" sort={{ field: 'path', order: 'ASC' }}>
      <AutocompleteInput optionText={(tenant: { name: LocalizedText }) => localize(tenant.name, locale)} filterToQuery={byQuery} sx={{ minWidth: 240 }} />
    </ReferenceInput>,
  ];
  return (
    <List filters={filters} sort={{ field: 'replyDueAt', order: 'ASC' }} perPage={25} exporter={false}>
      <Datagrid rowClick={(_id, _resource, record) => `/cases/${encodeURIComponent(String((record as ReferralRow).caseId))}/show`} bulkActionButtons={false}>
        <TextField source="reference" />
        <TextField source="caseTitle" sortable={false} />
        <FunctionField source="union" sortBy="tenantId" render={(record: ReferralRow) => localize(record.union, locale)} />
        <FunctionField source="agency" render={(record: ReferralRow) => localize(record.agency.name, locale) || record.agency.code} />
        <FunctionField source="sentAt" render={(record: ReferralRow) => <DateTimeText value={record.sentAt} />} />
        <FunctionField source="replyDueAt" render={(record: ReferralRow) => <DateTimeText value={record.replyDueAt} />} />
        <FunctionField
          source="status"
          render={(record: ReferralRow) => (
            <>
              <Chip size="small" color={STATUS_COLOUR[record.status]} label={translate(`shuoshi.referral.status_${record.status}`)} />
              {record.overdue && record.status === 'awaiting' && <Chip size="small" color="error" label={translate('shuoshi.referral.overdue')} sx={{ ml: 0.5 }} />}
            </>
          )}
        />
      </Datagrid>
    </List>
  );
}
