import { z } from 'zod';
import { containsNul, idFilterSchema, NUL_MESSAGE } from '../http/list-query.js';
import { riskRuleListSchema } from './risk-rules.js';

const colourSchema = z.enum(['green', 'yellow', 'red']);

/**
 * Zod schema of a reason for an enterprise's colour.
 * @example
 * riskReasonSchema.parse({ rule: 'open_red_case', level: 'red', value: 1, zh: '1件在办事项为红色预警', en: '1 open case(s) with a red warning' });
 */
export const riskReasonSchema = z.object({ rule: z.string(), level: z.enum(['yellow', 'red']), value: z.number(), zh: z.string(), en: z.string() });

/**
 * Zod schema of an enterprise in the risk register.
 * @example
 * riskEntrySchema.parse(response.body[0]);
 */
export const riskEntrySchema = z.object({
  id: z.string().describe('The enterprise id.'),
  tenantId: z.string(),
  name: z.string(),
  industry: z.string().nullable(),
  workers: z.number().nullable(),
  colour: colourSchema,
  reasons: z.array(riskReasonSchema),
  openCases: z.number(),
  computedAt: z.string().nullable().describe('When the colour was last computed; null before the first sweep reached it (then green).'),
  changedAt: z.string().nullable(),
});

/**
 * An enterprise in the risk register.
 * @example
 * const red = (response.body as RiskEntry[]).filter((e) => e.colour === 'red');
 */
export type RiskEntry = z.infer<typeof riskEntrySchema>;

/**
 * Zod schema of one change of colour.
 * @example
 * riskChangeSchema.parse(entry.history[0]);
 */
export const riskChangeSchema = z.object({ from: colourSchema, to: colourSchema, reasons: z.array(riskReasonSchema), at: z.string() });

/**
 * Zod schema of GET /risk-register/:enterpriseId.
 * @example
 * riskDetailSchema.parse(response.body);
 */
export const riskDetailSchema = riskEntrySchema.extend({ history: z.array(riskChangeSchema).describe('Every change of colour, newest first.') });

/**
 * An enterprise's risk with its history.
 * @example
 * const changes = (response.body as RiskDetail).history.length;
 */
export type RiskDetail = z.infer<typeof riskDetailSchema>;

/**
 * Zod schema of the register list's filter.
 * @example
 * riskFilterSchema.parse({ colour: ['red', 'yellow'], tenantId: 'chalu' });
 */
export const riskFilterSchema = z.strictObject({
  id: idFilterSchema.optional(),
  q: z.string().max(200).optional().describe('Part of the enterprise name.'),
  colour: z.union([colourSchema, z.array(colourSchema).max(3)]).optional(),
  tenantId: z.string().min(1).max(200).optional().describe('Only enterprises of this union and the unions below it.'),
});

/**
 * The register list's parsed filter.
 * @example
 * const filter: RiskFilter = { colour: 'red' };
 */
export type RiskFilter = z.output<typeof riskFilterSchema>;

const idText = z.string().min(1).max(200).refine((id) => !containsNul(id), { error: NUL_MESSAGE });

/**
 * Zod schema of `:enterpriseId`.
 * @example
 * enterpriseIdParamsSchema.parse({ enterpriseId: 'ent-hengxiang' });
 */
export const enterpriseIdParamsSchema = z.object({ enterpriseId: idText });

/**
 * Zod schema of the rules routes' query (the union; the caller's when omitted).
 * @example
 * ruleTenantQuerySchema.parse({ tenantId: 'chalu' });
 */
export const ruleTenantQuerySchema = z.object({ tenantId: idText.optional() });

/**
 * Zod schema of PUT /risk-register/rules: a union's own rule list.
 * @example
 * putRulesBodySchema.parse({ tenantId: 'chalu', rules: DEFAULT_RISK_RULES });
 */
export const putRulesBodySchema = z.strictObject({
  tenantId: idText.optional().describe("The union whose rules these are; the caller's when omitted."),
  rules: riskRuleListSchema,
}).refine((body) => !containsNul(body), { error: NUL_MESSAGE });

/**
 * Zod schema of the rules that apply to a union and where they come from.
 * @example
 * ruleSetSchema.parse(response.body);
 */
export const ruleSetSchema = z.object({
  tenantId: z.string(),
  source: z.string().describe('The union whose list applies, or "default" for the county defaults.'),
  rules: z.array(z.record(z.string(), z.unknown())),
});

/**
 * The rules that apply to a union.
 * @example
 * const own = (response.body as RuleSet).source === 'chalu';
 */
export type RuleSet = z.infer<typeof ruleSetSchema>;
