import { Pagination, AutocompleteInput, Create, Datagrid, Edit, FunctionField, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, SimpleForm, TextField, TextInput, required, useLocaleState, useTranslate } from 'react-admin';
import type { LocalizedText } from '../api/types.js';
import { DateTimeText } from '../format/date-time-text.js';
import { localize } from '../i18n/use-localized.js';
import { LocalizedName } from './tenant-name.js';

const CHILD_LEVELS = ['township', 'park', 'enterprise', 'workstation'] as const;
const ALL_LEVELS = ['county', ...CHILD_LEVELS] as const;

function useLevelChoices(levels: readonly string[]) {
  const translate = useTranslate();
  return levels.map((id) => ({ id, name: translate(`shuoshi.level.${id}`) }));
}

/**
 * The unions of the user's subtree as a tree (in path order, indented by depth).
 * @example
 * <Resource name="tenants" list={TenantList} />
 */
export function TenantList() {
  const levels = useLevelChoices(ALL_LEVELS);
  const translate = useTranslate();
  return (
    <List exporter={false} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />} sort={{ field: 'path', order: 'ASC' }} perPage={100} filters={[<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="level" source="level" choices={levels} />]}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <LocalizedName indent label="resources.tenants.fields.name" sortBy="path" />
        <FunctionField source="level" render={(record: { level: string }) => translate(`shuoshi.level.${record.level}`, { _: record.level })} />
        <TextField source="id" sortable={false} />
        <FunctionField source="createdAt" sortable={false} render={(record: { createdAt: string }) => <DateTimeText value={record.createdAt} dateOnly />} />
      </Datagrid>
    </List>
  );
}

function ParentInput() {
  const [locale] = useLocaleState();
  return (
    <ReferenceInput source="parentId" reference="tenants" sort={{ field: 'path', order: 'ASC' }}>
      <AutocompleteInput optionText={(tenant: { name: LocalizedText }) => localize(tenant.name, locale)} filterToQuery={(q: string) => (q ? { q } : {})} validate={required()} sx={{ minWidth: 320 }} />
    </ReferenceInput>
  );
}

/**
 * Creating a union below one the admin administers.
 * @example
 * <Resource name="tenants" create={TenantCreate} />
 */
export function TenantCreate() {
  const levels = useLevelChoices(CHILD_LEVELS);
  return (
    <Create redirect="list">
      <SimpleForm>
        <ParentInput />
        <SelectInput source="level" choices={levels} validate={required()} />
        <TextInput source="name.zh" validate={required()} />
        <TextInput source="name.en" validate={required()} />
        <TextInput source="id" helperText="shuoshi.admin.tenant_id_help" />
      </SimpleForm>
    </Create>
  );
}

/**
 * Renaming a union (its place in the tree does not change).
 * @example
 * <Resource name="tenants" edit={TenantEdit} />
 */
export function TenantEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextField source="id" />
        <ReferenceField source="parentId" reference="tenants" link={false} emptyText="—">
          <LocalizedName />
        </ReferenceField>
        <TextInput source="name.zh" validate={required()} />
        <TextInput source="name.en" validate={required()} />
      </SimpleForm>
    </Edit>
  );
}
