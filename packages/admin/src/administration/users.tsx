import { Chip } from '@mui/material';
import { BooleanField, Pagination, BooleanInput, Create, Datagrid, Edit, FunctionField, List, NullableBooleanInput, PasswordInput, ReferenceField, SearchInput, SimpleForm, TextField, TextInput, minLength, required, useTranslate } from 'react-admin';
import { RoleFilterInput } from './role-filter-input.js';
import { LocalizedName } from './tenant-name.js';
import { TenantInput } from './tenant-input.js';
import { UnionRolesInput } from './union-roles-input.js';
import { useUnionRoles } from './use-union-roles.js';

/**
 * A user's roles as chips in the user's language: built-in roles translated, custom ones by the
 * title `label` gives (from GET /api/roles), else by their id.
 * @example
 * <RoleChips roles={['mediator', 'chamber_mediator']} label={useUnionRoles(undefined, { below: true }).label} />
 */
export function RoleChips({ roles, label }: { roles: readonly string[]; label?: (role: string) => string }) {
  const translate = useTranslate();
  return (
    <>
      {roles.map((role) => (
        <Chip key={role} size="small" label={label ? label(role) : translate(`shuoshi.roles.${role}`, { _: role })} data-role={role} sx={{ mr: 0.5, mb: 0.5 }} />
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
  // Every role of the signed-in user's unions, those declared below included: the rows' chips.
  const { label } = useUnionRoles(undefined, { below: true });
  return (
    <List exporter={false} perPage={25} pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />} sort={{ field: 'username', order: 'ASC' }} filters={[<SearchInput key="q" source="q" alwaysOn />, <TenantInput key="tenantId" source="tenantId" />, <RoleFilterInput key="role" source="role" />, <NullableBooleanInput key="active" source="active" />]}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <TextField source="username" />
        <TextField source="displayName" />
        <ReferenceField source="tenantId" reference="tenants" link={false}>
          <LocalizedName />
        </ReferenceField>
        <FunctionField source="roles" sortable={false} render={(record: { roles: string[] }) => <RoleChips roles={record.roles} label={label} />} />
        <BooleanField source="active" />
      </Datagrid>
    </List>
  );
}

/**
 * Creating a staff account with its roles in a union of the admin's subtree (the roles that union
 * may use: built-in, or custom roles its workflows declare).
 * @example
 * <Resource name="users" create={UserCreate} />
 */
export function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="username" validate={required()} helperText="shuoshi.admin.username_help" />
        <TextInput source="displayName" validate={required()} />
        <PasswordInput source="password" validate={[required(), minLength(8)]} />
        <TenantInput source="tenantId" helperText="shuoshi.admin.tenant_default_help" />
        <UnionRolesInput source="roles" />
      </SimpleForm>
    </Create>
  );
}

/**
 * Changing a user's name, roles (those of the user's union) or password, or disabling the account.
 * @example
 * <Resource name="users" edit={UserEdit} />
 */
export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextField source="username" />
        <TextInput source="displayName" validate={required()} />
        <UnionRolesInput source="roles" />
        <PasswordInput source="password" validate={minLength(8)} helperText="shuoshi.admin.password_keep_help" />
        <BooleanInput source="active" />
      </SimpleForm>
    </Edit>
  );
}
