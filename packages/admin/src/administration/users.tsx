import { Chip } from '@mui/material';
import { BooleanField, Pagination, BooleanInput, CheckboxGroupInput, Create, Datagrid, Edit, FunctionField, List, NullableBooleanInput, PasswordInput, ReferenceField, SearchInput, SelectInput, SimpleForm, TextField, TextInput, minLength, required, useTranslate } from 'react-admin';
import { STAFF_ROLES } from '../api/types.js';
import { LocalizedName } from './tenant-name.js';
import { TenantInput } from './tenant-input.js';

function useRoleChoices() {
  const translate = useTranslate();
  return STAFF_ROLES.map((id) => ({ id, name: translate(`shuoshi.roles.${id}`) }));
}

/**
 * A user's roles as chips in the user's language (roles added by overlays keep their id).
 * @example
 * <RoleChips roles={['mediator']} />
 */
export function RoleChips({ roles }: { roles: readonly string[] }) {
  const translate = useTranslate();
  return (
    <>
      {roles.map((role) => (
        <Chip key={role} size="small" label={translate(`shuoshi.roles.${role}`, { _: role })} sx={{ mr: 0.5, mb: 0.5 }} />
      ))}
    </>
  );
}

/**
 * The staff of the user's subtree: username, name, union, roles, active.
 * @example
 * <Resource name="users" list={UserList} />
 */
export function UserList() {
  const roles = useRoleChoices();
  return (
    <List exporter={false} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />} sort={{ field: 'username', order: 'ASC' }} filters={[<SearchInput key="q" source="q" alwaysOn />, <TenantInput key="tenantId" source="tenantId" />, <SelectInput key="role" source="role" choices={roles} />, <NullableBooleanInput key="active" source="active" />]}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="username" />
        <TextField source="displayName" />
        <ReferenceField source="tenantId" reference="tenants" link={false}>
          <LocalizedName />
        </ReferenceField>
        <FunctionField source="roles" sortable={false} render={(record: { roles: string[] }) => <RoleChips roles={record.roles} />} />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}

/**
 * Creating a staff account with its roles in a union of the admin's subtree.
 * @example
 * <Resource name="users" create={UserCreate} />
 */
export function UserCreate() {
  const roles = useRoleChoices();
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="username" validate={required()} helperText="shuoshi.admin.username_help" />
        <TextInput source="displayName" validate={required()} />
        <PasswordInput source="password" validate={[required(), minLength(8)]} />
        <TenantInput source="tenantId" helperText="shuoshi.admin.tenant_default_help" />
        <CheckboxGroupInput source="roles" choices={roles} validate={required()} />
      </SimpleForm>
    </Create>
  );
}

/**
 * Changing a user's name, roles or password, or disabling the account.
 * @example
 * <Resource name="users" edit={UserEdit} />
 */
export function UserEdit() {
  const roles = useRoleChoices();
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextField source="username" />
        <TextInput source="displayName" validate={required()} />
        <CheckboxGroupInput source="roles" choices={roles} validate={required()} />
        <PasswordInput source="password" validate={minLength(8)} helperText="shuoshi.admin.password_keep_help" />
        <BooleanInput source="active" />
      </SimpleForm>
    </Edit>
  );
}
