import { z } from 'zod';
import { containsNul, NUL_MESSAGE } from '../http/list-query.js';

const localized = z.object({ zh: z.string(), en: z.string() });

/**
 * Zod schema of GET /roles's query: the union (the caller's when omitted), and whether to add the
 * roles declared below it (for a list filter over a whole subtree).
 * @example
 * rolesQuerySchema.parse({ tenantId: 'huchen' });
 */
export const rolesQuerySchema = z.strictObject({
  tenantId: z
    .string()
    .min(1)
    .max(200)
    .refine((value) => !containsNul(value), { error: NUL_MESSAGE })
    .optional()
    .describe('A union in your subtree; yours when omitted.'),
  below: z
    .enum(['true', 'false'], { error: 'below is "true" or "false".' })
    .optional()
    .describe('"true" adds the custom roles declared by the workflows of the unions below it (for filtering a whole subtree); "false" by default.'),
});

/**
 * Zod schema of a workflow version that declares a custom role.
 * @example
 * roleWorkflowSchema.parse({ id: 'huchen-help-farmers@1', tenantId: 'huchen', key: 'huchen-help-farmers', version: 1, status: 'published', title });
 */
export const roleWorkflowSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  key: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'retired']),
  title: localized,
});

/**
 * Zod schema of one role a union's staff may hold: built in, or custom with the workflow versions
 * that declare it (the first one's title is the role's).
 * @example
 * roleEntrySchema.parse({ id: 'mediator', builtIn: true, title: { zh: '调解员', en: 'Mediator' }, workflows: [] });
 */
export const roleEntrySchema = z.object({
  id: z.string().describe('The role id users hold, e.g. "mediator" or "chamber_mediator".'),
  builtIn: z.boolean().describe('True for the eight built-in roles; false for a custom role a workflow declares.'),
  title: localized.describe('The role\'s name (zh, en): a custom role\'s from the first workflow version listed.'),
  workflows: z.array(roleWorkflowSchema).describe('The workflow versions declaring a custom role: nearest union first, published before retired before draft; empty for a built-in role.'),
});

/**
 * A role a union's staff may hold.
 * @example
 * const role: RoleEntry = { id: 'chamber_mediator', builtIn: false, title: { zh: '商会调解员', en: 'Chamber of commerce mediator' }, workflows: [] };
 */
export type RoleEntry = z.infer<typeof roleEntrySchema>;

/**
 * Zod schema of GET /roles's answer: the union and its roles, built-in first.
 * @example
 * unionRolesSchema.parse(response.body);
 */
export const unionRolesSchema = z.object({
  tenantId: z.string(),
  roles: z.array(roleEntrySchema),
});

/**
 * The roles a union's staff may hold, as GET /roles answers them.
 * @example
 * const answer: UnionRoles = await findUnionRoles(db, caller, 'huchen');
 */
export type UnionRoles = z.infer<typeof unionRolesSchema>;
