import { SelectInput, useListContext } from 'react-admin';
import { useUnionRoles } from './use-union-roles.js';

/**
 * The users list's role filter: the roles of the union the list is filtered on, or, with no union
 * chosen, every role the signed-in user's unions may use (their own and those declared below);
 * built-in roles translated, custom ones by their title.
 * @example
 * <List filters={[<RoleFilterInput key="role" source="role" />]} />
 */
export function RoleFilterInput({ source = 'role' }: { source?: string; alwaysOn?: boolean }) {
  const { filterValues } = useListContext();
  const chosen = (filterValues as { tenantId?: unknown }).tenantId;
  const tenantId = typeof chosen === 'string' && chosen !== '' ? chosen : undefined;
  // The role filtered on stays a choice when another union, which does not offer it, is chosen.
  const role = (filterValues as { role?: unknown }).role;
  const { choices } = useUnionRoles(tenantId, { below: tenantId === undefined, held: typeof role === 'string' ? [role] : [] });
  return <SelectInput source={source} choices={choices} />;
}
