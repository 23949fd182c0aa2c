import { Card, CardContent } from '@mui/material';
import { useMemo } from 'react';
import {
  BulkExportButton,
  CreateButton,
  Datagrid,
  ExportButton,
  FilterButton,
  FilterList,
  FilterListItem,
  FunctionField,
  List,
  ReferenceField,
  SavedQueriesList,
  TextField,
  TopToolbar,
  useGetIdentity,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import type { CaseRecord, LocalizedText } from '../api/types.js';
import { DateTimeText } from '../format/date-time-text.js';
import { localize, useLocalized } from '../i18n/use-localized.js';
import { BulkAssignButton } from './bulk-assign-button.js';
import { useCaseFilters } from './case-filters.js';
import { createCaseExporter } from './case-exporter.js';
import { FigureFilterChip } from './figure-filter-chip.js';
import { SlaCountdown } from './sla-countdown.js';
import { WarningChip } from './warning-chip.js';

function CaseListActions({ exporter }: { exporter: ReturnType<typeof createCaseExporter> }) {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
      <ExportButton exporter={exporter} maxResults={10_000} />
    </TopToolbar>
  );
}

// Quick views beside the list, and the user's saved queries (kept per user across logins).
function CaseListAside() {
  const { identity } = useGetIdentity();
  return (
    <Card sx={{ order: -1, mr: 2, mt: 2, width: 200, flexShrink: 0, display: { xs: 'none', md: 'block' } }}>
      <CardContent sx={{ pt: 1 }}>
        <SavedQueriesList />
        <FilterList label="shuoshi.cases.quick_views" icon={null}>
          {identity && <FilterListItem label="shuoshi.cases.mine" value={{ assigneeId: String(identity.id) }} />}
          <FilterListItem label="shuoshi.cases.open_only" value={{ status: 'open' }} />
          <FilterListItem label="shuoshi.cases.overdue_only" value={{ overdue: true }} />
          <FilterListItem label="shuoshi.cases.red_only" value={{ warning: ['red'] }} />
        </FilterList>
      </CardContent>
    </Card>
  );
}

/**
 * The cases list: filters (text, warning chips, state, union, workflow, assignee, channel,
 * enterprise, overdue, days opened, a dashboard figure shown as a chip), saved queries, quick
 * views, bulk assign, CSV export; a row opens the case.
 * @example
 * <Resource name="cases" list={CaseList} />
 */
export function CaseList() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const l = useLocalized();
  const filters = useCaseFilters();
  const exporter = useMemo(() => createCaseExporter(translate, locale), [translate, locale]);
  return (
    <List filters={filters} actions={<CaseListActions exporter={exporter} />} aside={<CaseListAside />} sort={{ field: 'openedAt', order: 'DESC' }} exporter={exporter} perPage={25}>
      <FigureFilterChip />
      <Datagrid
        rowClick="show"
        bulkActionButtons={
          <>
            <BulkAssignButton />
            <BulkExportButton exporter={exporter} />
          </>
        }
        sx={{ '& .column-title': { minWidth: 160, maxWidth: 320 }, '& .column-reference, & .column-state, & .column-warning, & .column-channel, & .column-openedAt, & .column-dueAt, & .column-assigneeId': { whiteSpace: 'nowrap' } }}
      >
        <TextField source="reference" />
        <TextField source="title" />
        <FunctionField source="state" sortBy="state" render={(record: CaseRecord) => l(record.stateTitle) || record.state} />
        <FunctionField source="warning" sortBy="warning" render={(record: CaseRecord) => <WarningChip level={record.warning} />} />
        <ReferenceField source="tenantId" reference="tenants" link={false} sortable={false}>
          <FunctionField render={(tenant: { name: LocalizedText }) => localize(tenant.name, locale)} />
        </ReferenceField>
        <ReferenceField source="assigneeId" reference="users" link={false} sortable={false} emptyText="—">
          <TextField source="displayName" />
        </ReferenceField>
        <FunctionField source="channel" sortable={false} render={(record: CaseRecord) => translate(`shuoshi.channel.${record.channel}`, { _: record.channel })} />
        <FunctionField source="openedAt" sortBy="openedAt" render={(record: CaseRecord) => <DateTimeText value={record.openedAt} />} />
        <FunctionField source="dueAt" sortBy="dueAt" render={(record: CaseRecord) => <SlaCountdown record={record} />} />
      </Datagrid>
    </List>
  );
}
