import { Pagination, Create, Datagrid, Edit, List, NumberField, NumberInput, ReferenceField, SearchInput, SimpleForm, TextField, TextInput, minValue, required } from 'react-admin';
import { LocalizedName } from './tenant-name.js';
import { TenantInput } from './tenant-input.js';

/**
 * The employers of the user's subtree: name, unified social credit code, industry, workers, union.
 * @example
 * <Resource name="enterprises" list={EnterpriseList} />
 */
export function EnterpriseList() {
  return (
    <List exporter={false} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />} sort={{ field: 'name', order: 'ASC' }} filters={[<SearchInput key="q" source="q" alwaysOn />, <TenantInput key="tenantId" source="tenantId" />, <TextInput key="industry" source="industry" />]}>
      <Datagrid rowClick="edit">
        <TextField source="name" />
        <TextField source="creditCode" emptyText="—" />
        <TextField source="industry" emptyText="—" />
        <NumberField source="workers" emptyText="—" />
        <ReferenceField source="tenantId" reference="tenants" link={false}>
          <LocalizedName />
        </ReferenceField>
      </Datagrid>
    </List>
  );
}

function EnterpriseInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <TextInput source="creditCode" helperText="shuoshi.admin.credit_code_help" />
      <TextInput source="industry" />
      <NumberInput source="workers" validate={minValue(0)} step={1} />
    </>
  );
}

/**
 * Registering an employer (intake operators may, on the spot).
 * @example
 * <Resource name="enterprises" create={EnterpriseCreate} />
 */
export function EnterpriseCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <EnterpriseInputs />
        <TenantInput source="tenantId" helperText="shuoshi.admin.tenant_default_help" />
      </SimpleForm>
    </Create>
  );
}

/**
 * Changing an employer.
 * @example
 * <Resource name="enterprises" edit={EnterpriseEdit} />
 */
export function EnterpriseEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <EnterpriseInputs />
      </SimpleForm>
    </Edit>
  );
}
