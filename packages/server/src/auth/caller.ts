/**
 * The signed-in user a request acts for: who, in which union, with which roles.
 * @example
 * const caller: Caller = { userId: 'u1', username: 'chalu.admin', displayName: '叶主席', tenantId: 'chalu', tenantPath: '/ninghai/chalu/', roles: ['township_admin'], sessionId: 's1' };
 */
export interface Caller {
  userId: string;
  username: string;
  displayName: string;
  tenantId: string;
  /** Materialised path of the caller's union; the caller sees this subtree. */
  tenantPath: string;
  roles: string[];
  sessionId: string;
}

/**
 * Roles that may read personal fields unmasked (with an audit record).
 * @example
 * PII_ROLES.includes('mediator'); // true
 */
export const PII_ROLES: readonly string[] = ['county_admin', 'township_admin', 'intake_operator', 'mediator', 'lawyer', 'counsellor'];
