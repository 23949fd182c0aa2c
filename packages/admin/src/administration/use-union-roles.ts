import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { apiFetch } from '../api/api-fetch.js';
import { STAFF_ROLES, type RoleRecord, type UnionRoles } from '../api/types.js';
import { localize } from '../i18n/use-localized.js';

/**
 * What {@link useUnionRoles} answers: the union's roles (undefined until they arrive or when the
 * union cannot be read), the choices of a role picker and a role's name in the user's language.
 * @example
 * const { choices, label } = useUnionRoles('huchen');
 */
export interface UnionRoleChoices {
  roles: readonly RoleRecord[] | undefined;
  choices: Array<{ id: string; name: string }>;
  label: (role: string) => string;
  isPending: boolean;
}

function search(tenantId: string | undefined, below: boolean): string {
  const query = new URLSearchParams();
  if (tenantId) query.set('tenantId', tenantId);
  if (below) query.set('below', 'true');
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * The roles the staff of a union may be given (GET /api/roles: the built-in ones and the custom
 * roles its workflows and those of the unions above it declare; the signed-in user's union when
 * `tenantId` is empty, with `below` also those declared under it), as picker choices: built-in
 * roles translated, custom ones by their title in the current language. Roles in `held` (those a
 * user holds already) stay choices, marked when the union no longer offers them, so they can be
 * unchecked. Until the answer arrives, the built-in roles.
 * @example
 * const { choices } = useUnionRoles(tenantId, { held: record?.roles });
 * <CheckboxGroupInput source="roles" choices={choices} />
 */
export function useUnionRoles(tenantId: string | undefined, options: { below?: boolean; held?: readonly string[] | undefined } = {}): UnionRoleChoices {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const below = options.below ?? false;
  const query = useQuery({
    queryKey: ['shuoshi', 'roles', tenantId ?? null, below],
    queryFn: async () => (await apiFetch(`/roles${search(tenantId, below)}`)).body as UnionRoles,
    // Roles change only when a workflow declares one: a minute is fresh enough for a form.
    staleTime: 60_000,
    retry: false,
  });
  const roles = query.data?.roles;
  const custom = new Map((roles ?? []).filter((role) => !role.builtIn).map((role) => [role.id, role]));
  const label = (role: string): string => {
    const found = custom.get(role);
    return found ? localize(found.title, locale) : translate(`shuoshi.roles.${role}`, { _: role });
  };
  const offered: readonly string[] = roles ? roles.map((role) => role.id) : STAFF_ROLES;
  const choices = offered.map((id) => ({ id, name: label(id) }));
  for (const role of options.held ?? []) {
    // Marked only once the union's roles are known: while they load, a custom role is not yet offered.
    if (!offered.includes(role)) choices.push({ id: role, name: roles ? translate('shuoshi.admin.role_undeclared', { role: label(role) }) : label(role) });
  }
  return { roles, choices, label, isPending: query.isPending };
}
