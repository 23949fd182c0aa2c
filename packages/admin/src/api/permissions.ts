/**
 * What a resource action needs: the roles the server allows it to (mirrored here so that the
 * panel hides what a role may not do; the server still decides).
 * @example
 * ACCESS_RULES.users.create; // ['county_admin', 'township_admin']
 */
export const ACCESS_RULES: Readonly<Record<string, Readonly<Record<string, readonly string[] | 'staff'>>>> = {
  cases: { list: 'staff', show: 'staff', create: ['county_admin', 'township_admin', 'intake_operator'], export: 'staff', assign: 'staff' },
  tenants: { list: ['county_admin', 'township_admin'], show: ['county_admin', 'township_admin'], create: ['county_admin', 'township_admin'], edit: ['county_admin', 'township_admin'] },
  users: { list: ['county_admin', 'township_admin'], show: ['county_admin', 'township_admin'], create: ['county_admin', 'township_admin'], edit: ['county_admin', 'township_admin'] },
  agencies: { list: ['county_admin', 'township_admin'], show: ['county_admin', 'township_admin'], create: ['county_admin', 'township_admin'], edit: ['county_admin', 'township_admin'], delete: ['county_admin', 'township_admin'] },
  enterprises: {
    list: ['county_admin', 'township_admin', 'intake_operator'],
    show: ['county_admin', 'township_admin', 'intake_operator'],
    create: ['county_admin', 'township_admin', 'intake_operator'],
    edit: ['county_admin', 'township_admin', 'intake_operator'],
    delete: ['county_admin', 'township_admin'],
  },
};

/**
 * Roles that may see personal fields unmasked (the server's PII_ROLES), with an audit record.
 * @example
 * mayRevealPii(['mediator']); // true
 */
export const PII_ROLES: readonly string[] = ['county_admin', 'township_admin', 'intake_operator', 'mediator', 'lawyer', 'counsellor'];

/**
 * Tells whether the roles may reveal personal fields.
 * @example
 * mayRevealPii(['supervisor']); // false
 */
export function mayRevealPii(roles: readonly string[]): boolean {
  return roles.some((role) => PII_ROLES.includes(role));
}

/**
 * Tells whether roles may do an action on a resource. Unknown resources and actions are
 * allowed to any signed-in user (reference lookups such as workflows): the server checks anyway.
 * @example
 * canAccessWith(['mediator'], 'users', 'create'); // false
 */
export function canAccessWith(roles: readonly string[], resource: string, action: string): boolean {
  const rule = ACCESS_RULES[resource]?.[action];
  if (rule === undefined) return roles.length > 0;
  if (rule === 'staff') return roles.length > 0;
  return roles.some((role) => rule.includes(role));
}
