import { useEffect } from 'react';
import { CheckboxGroupInput, required, useRecordContext } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useUnionRoles } from './use-union-roles.js';

/**
 * The roles of a user form: the roles the chosen union's staff may hold (the form's `tenantId`,
 * the edited user's union, or the signed-in user's when none is chosen), built-in roles
 * translated and custom ones by their title; roles the edited user holds stay choices. Roles
 * ticked before another union is chosen are unticked when that union does not offer them.
 * @example
 * <SimpleForm><TenantInput source="tenantId" /><UnionRolesInput /></SimpleForm>
 */
export function UnionRolesInput({ source = 'roles' }: { source?: string }) {
  const record = useRecordContext<{ tenantId?: string; roles?: string[] }>();
  const watched = useWatch({ name: 'tenantId' }) as unknown;
  const tenantId = (typeof watched === 'string' && watched !== '' ? watched : record?.tenantId) || undefined;
  const { roles, choices } = useUnionRoles(tenantId, { held: record?.roles });
  const { getValues, setValue } = useFormContext();
  const offered = roles ? choices.map((choice) => choice.id).join(' ') : undefined;
  useEffect(() => {
    if (offered === undefined) return;
    const allowed = new Set(offered.split(' '));
    const current = (getValues(source) ?? []) as string[];
    const kept = current.filter((role) => allowed.has(role));
    if (kept.length !== current.length) setValue(source, kept, { shouldDirty: true });
  }, [offered, source, getValues, setValue]);
  return <CheckboxGroupInput source={source} choices={choices} validate={required()} helperText="shuoshi.admin.roles_help" />;
}
