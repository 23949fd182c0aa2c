import { Pagination, Create, Datagrid, Edit, List, ReferenceField, SearchInput, SimpleForm, TextField, TextInput, regex, required } from 'react-admin';
import { LocalizedName } from './tenant-name.js';
import { TenantInput } from './tenant-input.js';

const CODE = regex(/^[a-z][a-z0-9_]{0,63}$/, 'shuoshi.admin.code_format');

/**
 * The outside bodies (人大联络站, 政协, 人社局 ...) the user's unions refer matters to.
 * @example
 * <Resource name="agencies" list={AgencyList} />
 */
export function AgencyList() {
  return (
    <List exporter={false} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />} sort={{ field: 'code', order: 'ASC' }} filters={[<SearchInput key="q" source="q" alwaysOn />, <TenantInput key="tenantId" source="tenantId" />]}>
      <Datagrid rowClick="edit">
        <TextField source="code" />
        <LocalizedName label="resources.agencies.fields.name" sortBy="name" />
        <TextField source="contact" sortable={false} />
        <ReferenceField source="tenantId" reference="tenants" link={false}>
          <LocalizedName />
        </ReferenceField>
      </Datagrid>
    </List>
  );
}

/**
 * Registering an outside body.
 * @example
 * <Resource name="agencies" create={AgencyCreate} />
 */
export function AgencyCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="code" validate={[required(), CODE]} helperText="shuoshi.admin.code_help" />
        <TextInput source="name.zh" validate={required()} />
        <TextInput source="name.en" validate={required()} />
        <TextInput source="contact" multiline />
        <TenantInput source="tenantId" helperText="shuoshi.admin.tenant_default_help" />
      </SimpleForm>
    </Create>
  );
}

/**
 * Changing an outside body.
 * @example
 * <Resource name="agencies" edit={AgencyEdit} />
 */
export function AgencyEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextInput source="code" validate={[required(), CODE]} />
        <TextInput source="name.zh" validate={required()} />
        <TextInput source="name.en" validate={required()} />
        <TextInput source="contact" multiline />
      </SimpleForm>
    </Edit>
  );
}
