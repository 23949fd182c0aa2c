import { z } from 'zod';
import { CHANNELS } from '../cases/schemas.js';
import { containsNul, NUL_MESSAGE } from '../http/list-query.js';

const localized = z.object({ zh: z.string(), en: z.string() });
const text = (max: number) => z.string().min(1).max(max).refine((value) => !containsNul(value), { error: NUL_MESSAGE });

/**
 * Zod schema of the filters every metrics route takes.
 * @example
 * metricsFilterSchema.parse({ tenantId: 'chalu', from: '2026-11-01', to: '2026-11-30', workflow: 'union-grievance' });
 */
export const metricsFilterSchema = z.object({
  tenantId: text(200).optional().describe("A union in your subtree (and its subtree); yours when omitted."),
  from: z.string().max(40).optional().describe('First day of the period, YYYY-MM-DD in Asia/Shanghai; the first day of the month of "to" (or of this month) when omitted.'),
  to: z.string().max(40).optional().describe('Last day of the period (inclusive), YYYY-MM-DD; the last day of the month of "from" (or of this month) when omitted.'),
  workflow: text(100).optional().describe('Only cases of this workflow key, e.g. "union-grievance".'),
  category: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,99}$/, { error: 'A category is lower snake case, e.g. "wages" or "golden_idea".' })
    .optional()
    .describe("Only cases whose data.category is this, or whose workflow's category is this (e.g. wages, golden_idea)."),
  channel: z.enum(CHANNELS, { error: `The channel must be one of ${CHANNELS.join(', ')}.` }).optional(),
});

/**
 * Zod schema of GET /metrics's query.
 * @example
 * metricsQuerySchema.parse({ format: 'csv' });
 */
export const metricsQuerySchema = metricsFilterSchema.extend({
  format: z.enum(['json', 'csv'], { error: 'The format is "json" (the default) or "csv".' }).optional(),
});

/**
 * The parsed query of the metrics routes.
 * @example
 * const query: MetricsQuery = { tenantId: 'chalu', format: 'csv' };
 */
export type MetricsQuery = z.output<typeof metricsQuerySchema>;

/**
 * Zod schema of GET /metrics/trend's query.
 * @example
 * trendQuerySchema.parse({ months: '12' });
 */
export const trendQuerySchema = metricsFilterSchema.omit({ from: true, to: true }).extend({
  months: z.coerce
    .number({ error: 'months must be a whole number from 1 to 36, e.g. 12.' })
    .int({ error: 'months must be a whole number from 1 to 36, e.g. 12.' })
    .min(1, { error: 'months must be at least 1.' })
    .max(36, { error: 'months may be at most 36.' })
    .default(12)
    .describe('How many months, ending with the current one (1-36; 12 by default).'),
  format: z.enum(['json', 'csv'], { error: 'The format is "json" (the default) or "csv".' }).optional(),
});

/**
 * The parsed query of the trend route.
 * @example
 * const query: TrendQuery = { months: 12 };
 */
export type TrendQuery = z.output<typeof trendQuerySchema>;

/**
 * Zod schema of a rate: numerator over denominator (null when the denominator is 0).
 * @example
 * rateSchema.parse({ numerator: 9, denominator: 10, rate: 0.9 });
 */
export const rateSchema = z.object({ numerator: z.number(), denominator: z.number(), rate: z.number().nullable() });

/**
 * A rate: numerator over denominator.
 * @example
 * const r: Rate = { numerator: 9, denominator: 10, rate: 0.9 };
 */
export type Rate = z.infer<typeof rateSchema>;

const periodSchema = z.object({ from: z.string(), to: z.string(), start: z.string(), end: z.string(), asOf: z.string(), timeZone: z.literal('Asia/Shanghai') });
const filtersSchema = z.object({ workflow: z.string().nullable(), category: z.string().nullable(), channel: z.string().nullable() });
const tenantSchema = z.object({ id: z.string(), name: localized });

/**
 * Zod schema of the satisfaction figure.
 * @example
 * satisfactionSchema.parse({ count: 0, average: null, satisfied: { numerator: 0, denominator: 0, rate: null } });
 */
export const satisfactionSchema = z.object({ count: z.number(), average: z.number().nullable(), satisfied: rateSchema });

/**
 * Zod schema of GET /metrics's answer.
 * @example
 * metricsSchema.parse(response.body);
 */
export const metricsSchema = z.object({
  tenant: tenantSchema,
  period: periodSchema,
  filters: filtersSchema,
  received: z.number(),
  completion: rateSchema.extend({ resolved: z.number(), endedUnresolved: z.number() }),
  onTime: rateSchema,
  response: rateSchema,
  satisfaction: satisfactionSchema,
  open: z.object({
    total: z.number(),
    overdue: z.number(),
    byWarning: z.object({ green: z.number(), yellow: z.number(), red: z.number() }),
    byState: z.array(z.object({ workflow: z.string(), state: z.string(), title: localized, count: z.number() })),
  }),
  referrals: z.object({ awaiting: z.number(), overdue: z.number() }),
  goldenIdeas: z.object({ count: z.number(), adopted: z.number(), value: z.number() }),
});

/**
 * The metrics of a union's subtree for a period.
 * @example
 * const completion = (response.body as Metrics).completion.rate;
 */
export type Metrics = z.infer<typeof metricsSchema>;

const rankedRate = rateSchema.extend({ rank: z.number().nullable() });

/**
 * Zod schema of one row of the townships table.
 * @example
 * townshipRowSchema.parse(rows[0]);
 */
export const townshipRowSchema = z.object({
  overallRank: z.number().nullable(),
  tenant: tenantSchema,
  received: z.number(),
  completion: rankedRate,
  onTime: rankedRate,
  response: rankedRate,
  satisfaction: rankedRate.extend({ average: z.number().nullable() }),
  score: z.number().nullable(),
  open: z.number(),
  overdue: z.number(),
  referralsOverdue: z.number(),
});

/**
 * One ranked union of the townships table.
 * @example
 * const first: TownshipRow = table.rows[0];
 */
export type TownshipRow = z.infer<typeof townshipRowSchema>;

/**
 * Zod schema of GET /metrics/townships's answer.
 * @example
 * townshipsSchema.parse(response.body);
 */
export const townshipsSchema = z.object({ tenant: tenantSchema, period: periodSchema, filters: filtersSchema, rows: z.array(townshipRowSchema) });

/**
 * The ranked table of a union's direct children.
 * @example
 * const table: Townships = response.body;
 */
export type Townships = z.infer<typeof townshipsSchema>;

/**
 * Zod schema of one month of the trend.
 * @example
 * trendPointSchema.parse(points[0]);
 */
export const trendPointSchema = z.object({
  month: z.string(),
  period: periodSchema,
  received: z.number(),
  completion: rateSchema,
  onTime: rateSchema,
  response: rateSchema,
  satisfaction: satisfactionSchema,
});

/**
 * Zod schema of GET /metrics/trend's answer.
 * @example
 * trendSchema.parse(response.body);
 */
export const trendSchema = z.object({ tenant: tenantSchema, filters: filtersSchema, months: z.array(trendPointSchema) });

/**
 * The monthly series of the main rates.
 * @example
 * const last = (response.body as Trend).months.at(-1);
 */
export type Trend = z.infer<typeof trendSchema>;
