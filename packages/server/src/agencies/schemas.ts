import { identifierSchema } from '@shuoshi/engine';
import { z } from 'zod';
import { containsNul, idFilterSchema, NUL_MESSAGE } from '../http/list-query.js';

const nameText = z.string().trim().min(1, { error: 'A name may not be empty.' }).max(200);
const contactSchema = z.string().trim().max(500).nullable();

/**
 * Zod schema of an outside agency as the API answers it; `code` is the agency id workflows
 * refer to (e.g. `people_congress_liaison`).
 * @example
 * agencySchema.parse(response.body);
 */
export const agencySchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  code: z.string(),
  name: z.object({ zh: z.string(), en: z.string() }),
  contact: z.string().nullable(),
  createdAt: z.string(),
});

/**
 * An outside agency as the API answers it.
 * @example
 * const agency: Agency = await agencies.show(caller, id);
 */
export type Agency = z.infer<typeof agencySchema>;

/**
 * Zod schema of the body that creates an agency (in the caller's union unless `tenantId`
 * names one in the caller's subtree).
 * @example
 * createAgencySchema.parse({ code: 'judicial_office', name: { zh: '司法所', en: 'Judicial Office' } });
 */
export const createAgencySchema = z.strictObject({
  code: identifierSchema,
  name: z.strictObject({ zh: nameText, en: nameText }),
  contact: contactSchema.optional(),
  tenantId: z.string().min(1).max(200).optional(),
})
  .refine((body) => !containsNul(body), { error: NUL_MESSAGE });

/**
 * Zod schema of the body that changes an agency.
 * @example
 * updateAgencySchema.parse({ contact: '0574-6556 0000' });
 */
export const updateAgencySchema = z
  .strictObject({
    code: identifierSchema.optional(),
    name: z.strictObject({ zh: nameText.optional(), en: nameText.optional() }).optional(),
    contact: contactSchema.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: 'Send at least one of code, name, contact.' })
  .refine((body) => !containsNul(body), { error: NUL_MESSAGE });

/**
 * Zod schema of the agencies list's filter.
 * @example
 * agencyFilterSchema.parse({ q: '司法' });
 */
export const agencyFilterSchema = z.strictObject({
  id: idFilterSchema.optional(),
  q: z.string().max(200).optional(),
  tenantId: z.string().max(200).optional(),
  code: z.string().max(200).optional(),
});

/**
 * Zod schema of the `:id` path parameter.
 * @example
 * idParamsSchema.parse({ id: '5f0c…' });
 */
export const idParamsSchema = z.object({ id: z.string().min(1).max(200).refine((id) => !containsNul(id), { error: NUL_MESSAGE }) });
