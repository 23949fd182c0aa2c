import { Box, Typography } from '@mui/material';
import { AutocompleteInput, Datagrid, FunctionField, List, NumberField, ReferenceField, ReferenceInput, SearchInput, SelectArrayInput, TextField, useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { WARNING_LEVELS, type LocalizedText } from '../api/types.js';
import { WarningChip } from '../cases/warning-chip.js';
import type { RiskEntry } from '../dashboard/metrics-types.js';
import { DateTimeText } from '../format/date-time-text.js';
import { localize } from '../i18n/use-localized.js';

const byQuery = (q: string) => (q ? { q } : {});

function reasonsText(entry: Pick<RiskEntry, 'reasons'>, locale: string): string {
  return entry.reasons.map((reason) => (locale.startsWith('en') ? reason.en : reason.zh)).join('；');
}

// The row's history, read when the row is expanded (GET /api/risk-register/:id; lists leave it out).
function RiskHistoryPanel() {
  const record = useRecordContext<RiskEntry>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: detail } = useGetOne<RiskEntry>('risk-register', { id: record?.id ?? '' }, { enabled: record !== undefined });
  if (!detail) return null;
  const history = detail.history ?? [];
  return (
    <Box sx={{ display: 'grid', gap: 1, py: 1 }} data-testid={`risk-history-${detail.id}`}>
      <Typography variant="subtitle2">{translate('shuoshi.dashboard.risk_history')}</Typography>
      {history.length === 0 && <Typography variant="body2">{translate('shuoshi.dashboard.risk_no_history')}</Typography>}
      {history.map((change) => (
        <Box key={change.at} sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <DateTimeText value={change.at} />
          <WarningChip level={change.from} outlined />→<WarningChip level={change.to} />
          <Typography variant="body2">{reasonsText(change, locale)}</Typography>
        </Box>
      ))}
    </Box>
  );
}

/**
 * The enterprise risk register (企业风险三色图, GET /api/risk-register): each enterprise's colour
 * with its reasons, most serious first; a row expands to its history.
 * @example
 * <Resource name="risk-register" list={RiskRegisterList} />
 */
export function RiskRegisterList() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectArrayInput key="colour" source="colour" alwaysOn choices={WARNING_LEVELS.map((id) => ({ id, name: translate(`shuoshi.warning.${id}`) }))} sx={{ minWidth: 200 }} />,
    <ReferenceInput key="tenantId" source="tenantId" reference="tenants" sort={{ field: 'path', order: 'ASC' }}>
      <AutocompleteInput optionText={(tenant: { name: LocalizedText }) => localize(tenant.name, locale)} filterToQuery={byQuery} sx={{ minWidth: 240 }} />
    </ReferenceInput>,
  ];
  return (
    <List filters={filters} sort={{ field: 'colour', order: 'DESC' }} perPage={25} exporter={false}>
      <Datagrid expand={<RiskHistoryPanel />} rowClick="expand" bulkActionButtons={false}>
        <FunctionField source="colour" render={(record: RiskEntry) => <WarningChip level={record.colour} />} />
        <TextField source="name" />
        <ReferenceField source="tenantId" reference="tenants" link={false} sortable={false}>
          <FunctionField render={(tenant: { name: LocalizedText }) => localize(tenant.name, locale)} />
        </ReferenceField>
        <NumberField source="openCases" />
        <FunctionField source="reasons" sortable={false} render={(record: RiskEntry) => reasonsText(record, locale)} />
        <FunctionField source="changedAt" render={(record: RiskEntry) => <DateTimeText value={record.changedAt} />} />
      </Datagrid>
    </List>
  );
}
