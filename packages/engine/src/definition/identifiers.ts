import { z } from 'zod';

/** Pattern every identifier in a workflow follows: states, events, fields, roles, agencies, actions. */
const ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Zod schema of an identifier (lower snake case, 1-64 characters).
 * @example
 * identifierSchema.parse('direct_handling'); // 'direct_handling'
 */
export const identifierSchema = z
  .string()
  .regex(ID_PATTERN, {
    error: (issue) =>
      `Identifier ${JSON.stringify(issue.input)} is not valid: use lower snake case starting with a letter, e.g. "legal_aid" (at most 64 characters).`,
  });

/**
 * Zod schema of a workflow key (lower kebab case), e.g. `union-grievance`.
 * @example
 * workflowKeySchema.parse('union-grievance');
 */
export const workflowKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,63}$/, {
    error: (issue) =>
      `Workflow key ${JSON.stringify(issue.input)} is not valid: use lower kebab case starting with a letter, e.g. "union-grievance".`,
  });

/**
 * Staff roles every deployment knows; a workflow may declare more in `roles`.
 * @example
 * BUILTIN_ROLES.includes('mediator'); // true
 */
export const BUILTIN_ROLES = [
  'county_admin',
  'township_admin',
  'intake_operator',
  'mediator',
  'early_warning_officer',
  'lawyer',
  'counsellor',
  'supervisor',
] as const;

/**
 * Roles that are not staff: the worker (public endpoints), an outside agency (signed link)
 * and the system (timers).
 * @example
 * PSEUDO_ROLES.includes('worker'); // true
 */
export const PSEUDO_ROLES = ['worker', 'agency', 'system'] as const;

/**
 * A role name a built-in deployment knows.
 * @example
 * const r: BuiltinRole = 'lawyer';
 */
export type BuiltinRole = (typeof BUILTIN_ROLES)[number];
