/**
 * The roles that oversee every built-in case: they own its end states and may archive a follow-up
 * nobody answered.
 * @example
 * const closed: StateDefinition = { title, roles: ADMINS, final: true, transitions: [] };
 */
export const ADMINS = ['supervisor', 'township_admin', 'county_admin'];
