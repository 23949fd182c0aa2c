import { z } from 'zod';
import { containsNul, idFilterSchema, NUL_MESSAGE } from '../http/list-query.js';
import { creditCodeProblem } from './credit-code.js';

const nameSchema = z.string().trim().min(1, { error: 'The enterprise name may not be empty.' }).max(200);
const creditCodeSchema = z
  .string()
  .transform((code) => code.trim().toUpperCase())
  .check((ctx) => {
    const problem = creditCodeProblem(ctx.value);
    if (problem !== undefined) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: `The unified social credit code ${JSON.stringify(ctx.value)} is not valid: ${problem}. Copy it from the business licence (营业执照).` });
    }
  })
  .nullable();
const industrySchema = z.string().trim().min(1).max(100).nullable();
const workersSchema = z.number().int({ error: 'workers must be a whole number of people.' }).min(0).max(10_000_000).nullable();

/**
 * Zod schema of an enterprise as the API answers it.
 * @example
 * enterpriseSchema.parse(response.body);
 */
export const enterpriseSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  industry: z.string().nullable(),
  workers: z.number().nullable(),
  createdAt: z.string(),
});

/**
 * An enterprise as the API answers it.
 * @example
 * const enterprise: Enterprise = await enterprises.show(caller, id);
 */
export type Enterprise = z.infer<typeof enterpriseSchema>;

/**
 * Zod schema of the body that creates an enterprise (in the caller's union unless `tenantId`
 * names one in the caller's subtree); `creditCode` is the 18-character unified social credit code.
 * @example
 * createEnterpriseSchema.parse({ name: '恒祥保洁有限公司', creditCode: '91350100M000100Y43', industry: 'cleaning', workers: 120 });
 */
export const createEnterpriseSchema = z.strictObject({
  name: nameSchema,
  creditCode: creditCodeSchema.optional(),
  industry: industrySchema.optional(),
  workers: workersSchema.optional(),
  tenantId: z.string().min(1).max(200).optional(),
})
  .refine((body) => !containsNul(body), { error: NUL_MESSAGE });

/**
 * Zod schema of the body that changes an enterprise (null clears an optional field).
 * @example
 * updateEnterpriseSchema.parse({ workers: 140 });
 */
export const updateEnterpriseSchema = z
  .strictObject({
    name: nameSchema.optional(),
    creditCode: creditCodeSchema.optional(),
    industry: industrySchema.optional(),
    workers: workersSchema.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: 'Send at least one of name, creditCode, industry, workers.' })
  .refine((body) => !containsNul(body), { error: NUL_MESSAGE });

/**
 * Zod schema of the enterprises list's filter.
 * @example
 * enterpriseFilterSchema.parse({ q: '恒祥', industry: 'cleaning' });
 */
export const enterpriseFilterSchema = z.strictObject({
  id: idFilterSchema.optional(),
  q: z.string().max(200).optional(),
  tenantId: z.string().max(200).optional(),
  industry: z.string().max(100).optional(),
  creditCode: z.string().max(18).optional(),
});

/**
 * Zod schema of the `:id` path parameter.
 * @example
 * idParamsSchema.parse({ id: '5f0c…' });
 */
export const idParamsSchema = z.object({ id: z.string().min(1).max(200).refine((id) => !containsNul(id), { error: NUL_MESSAGE }) });
