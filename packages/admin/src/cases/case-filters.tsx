import type { ReactElement } from 'react';
import { AutocompleteInput, BooleanInput, DateInput, ReferenceInput, SearchInput, SelectArrayInput, SelectInput, useLocaleState, useTranslate } from 'react-admin';
import { CHANNELS, type LocalizedText } from '../api/types.js';
import { localize } from '../i18n/use-localized.js';
import { WarningFilterInput } from './warning-filter-input.js';
import { stateChoices, usePublishedWorkflows, workflowChoices } from './use-workflow-catalog.js';

const byQuery = (q: string) => (q ? { q } : {});

/**
 * The inputs of the cases list's filter bar: text search and the warning chips always shown; state,
 * status, union, workflow, assignee, channel, enterprise, overdue and the days opened on demand
 * ("添加筛选"). A dashboard figure (`figure`) has no input: FigureFilterChip shows it.
 * @example
 * const filters = useCaseFilters();
 * <List filters={filters} />
 */
export function useCaseFilters(): ReactElement[] {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { workflows } = usePublishedWorkflows();
  const named = (choices: Array<{ id: string; name: LocalizedText }>) => choices.map((choice) => ({ id: choice.id, name: localize(choice.name, locale) }));
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('shuoshi.cases.search_placeholder')} />,
    <WarningFilterInput key="warning" source="warning" alwaysOn />,
    <SelectArrayInput key="state" source="state" choices={named(stateChoices(workflows))} sx={{ minWidth: 200 }} />,
    <SelectInput key="status" source="status" choices={['open', 'closed'].map((id) => ({ id, name: translate(`shuoshi.status.${id}`) }))} />,
    <ReferenceInput key="tenantId" source="tenantId" reference="tenants" sort={{ field: 'path', order: 'ASC' }}>
      <AutocompleteInput optionText={(tenant: { name: LocalizedText }) => localize(tenant.name, locale)} filterToQuery={byQuery} sx={{ minWidth: 240 }} />
    </ReferenceInput>,
    <SelectArrayInput key="workflowKey" source="workflowKey" choices={named(workflowChoices(workflows))} sx={{ minWidth: 200 }} />,
    <ReferenceInput key="assigneeId" source="assigneeId" reference="users" sort={{ field: 'displayName', order: 'ASC' }}>
      <AutocompleteInput optionText="displayName" filterToQuery={byQuery} />
    </ReferenceInput>,
    <SelectArrayInput key="channel" source="channel" choices={CHANNELS.map((id) => ({ id, name: translate(`shuoshi.channel.${id}`) }))} />,
    <ReferenceInput key="enterpriseId" source="enterpriseId" reference="enterprises" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" filterToQuery={byQuery} sx={{ minWidth: 240 }} />
    </ReferenceInput>,
    <BooleanInput key="overdue" source="overdue" defaultValue />,
    <DateInput key="openedFrom" source="openedFrom" />,
    <DateInput key="openedTo" source="openedTo" />,
  ];
}
