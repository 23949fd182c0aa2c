import { z } from 'zod';
import { containsNul, idFilterSchema, NUL_MESSAGE } from '../http/list-query.js';

/**
 * Levels of the tenant tree, top down.
 * @example
 * TENANT_LEVELS.includes('park'); // true
 */
export const TENANT_LEVELS = ['county', 'township', 'park', 'enterprise', 'workstation'] as const;

/**
 * A level of the tenant tree.
 * @example
 * const level: TenantLevel = 'township';
 */
export type TenantLevel = (typeof TENANT_LEVELS)[number];

/**
 * Which levels may sit directly below each level (a park may belong to a township, as Gaotan
 * belongs to Chalu; a workstation to any union below the county).
 * @example
 * CHILD_LEVELS.township.includes('park'); // true
 */
export const CHILD_LEVELS: Readonly<Record<TenantLevel, readonly TenantLevel[]>> = {
  county: ['township', 'park'],
  township: ['park', 'enterprise', 'workstation'],
  park: ['enterprise', 'workstation'],
  enterprise: ['workstation'],
  workstation: [],
};

const levelSchema = z.enum(TENANT_LEVELS, { error: (issue) => `Level ${JSON.stringify(issue.input)} is not known; use one of ${TENANT_LEVELS.join(', ')}.` });
const nameText = z.string().trim().min(1, { error: 'A name may not be empty.' }).max(200);

/**
 * Zod schema of a union id: lower snake case, as it appears in tenant paths.
 * @example
 * tenantIdSchema.parse('chalu');
 */
export const tenantIdSchema = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, {
  error: (issue) => `Union id ${JSON.stringify(issue.input)} is not valid: use 2-64 lower-case letters, digits and underscores starting with a letter, e.g. "qiantong".`,
});

/**
 * Zod schema of a union as the API answers it.
 * @example
 * tenantSchema.parse({ id: 'chalu', parentId: 'ninghai', level: 'township', name: { zh: '岔路镇总工会', en: 'Chalu Town Union' }, path: '/ninghai/chalu/', createdAt: '2025-09-29T01:00:00.000Z' });
 */
export const tenantSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  level: levelSchema,
  name: z.object({ zh: z.string(), en: z.string() }),
  path: z.string(),
  createdAt: z.string(),
});

/**
 * A union as the API answers it.
 * @example
 * const t: Tenant = await tenants.show(caller, 'chalu');
 */
export type Tenant = z.infer<typeof tenantSchema>;

/**
 * Zod schema of the body that creates a union below one the caller administers.
 * @example
 * createTenantSchema.parse({ id: 'qiantong', parentId: 'ninghai', level: 'township', name: { zh: '前童镇总工会', en: 'Qiantong Town Union' } });
 */
export const createTenantSchema = z.strictObject({
  id: tenantIdSchema.optional().describe('Readable id; a random one when omitted'),
  parentId: z.string().min(1).max(200),
  level: levelSchema.exclude(['county'], { error: (issue) => `Level ${JSON.stringify(issue.input)} cannot be created; create a township, park, enterprise or workstation union.` }),
  name: z.strictObject({ zh: nameText, en: nameText }),
})
  .refine((body) => !containsNul(body), { error: NUL_MESSAGE });

/**
 * Zod schema of the body that renames a union.
 * @example
 * updateTenantSchema.parse({ name: { en: 'Chalu Township Union' } });
 */
export const updateTenantSchema = z.strictObject({
  name: z
    .strictObject({ zh: nameText.optional(), en: nameText.optional() })
    .refine((n) => n.zh !== undefined || n.en !== undefined, { error: 'Send name.zh, name.en or both.' }),
})
  .refine((body) => !containsNul(body), { error: NUL_MESSAGE });

/**
 * Zod schema of the tenants list's filter.
 * @example
 * tenantFilterSchema.parse({ level: 'township', q: '岔路' });
 */
export const tenantFilterSchema = z.strictObject({
  id: idFilterSchema.optional(),
  q: z.string().max(200).optional(),
  level: levelSchema.optional(),
  parentId: z.string().max(200).optional(),
});

/**
 * Zod schema of the `:id` path parameter.
 * @example
 * idParamsSchema.parse({ id: 'chalu' });
 */
export const idParamsSchema = z.object({ id: z.string().min(1).max(200).refine((id) => !containsNul(id), { error: NUL_MESSAGE }) });
