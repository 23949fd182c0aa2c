import { identifierSchema } from '@shuoshi/engine';
import { z } from 'zod';

const reasonText = z.string().trim().min(1).max(200);
const scalar = z.union([z.string().max(200), z.number(), z.boolean()]);

/**
 * Zod schema of the cases a risk rule looks at: open (the default), closed or any; by warning
 * colour; opened this month (Asia/Shanghai) or within some days; with one of the listed values in
 * any of the listed data fields; of (or not of) some workflow categories.
 * @example
 * riskCaseFilterSchema.parse({ status: 'open', warning: ['red'] });
 */
export const riskCaseFilterSchema = z.strictObject({
  status: z.enum(['open', 'closed', 'any']).default('open').describe('Which cases: open (default), closed or any.'),
  warning: z.array(z.enum(['green', 'yellow', 'red'])).min(1).optional().describe('Only cases of these warning colours.'),
  opened: z.enum(['this_month']).optional().describe('Only cases opened in the current month (Asia/Shanghai).'),
  openedWithinDays: z.number().int().min(1).max(3660).optional().describe('Only cases opened in the last N days.'),
  dataAnyOf: z
    .array(z.strictObject({ field: identifierSchema, in: z.array(scalar).min(1).max(50) }))
    .min(1)
    .max(20)
    .optional()
    .describe('Only cases where at least one of these fields holds one of its values, e.g. category = wages.'),
  workflowCategories: z.array(identifierSchema).min(1).optional().describe('Only cases of workflows of these categories.'),
  excludeWorkflowCategories: z.array(identifierSchema).min(1).optional().describe('Leave out cases of workflows of these categories (e.g. golden_idea: ideas are not complaints).'),
});

/**
 * Zod schema of one risk rule: which cases, what is measured on them (how many, or the sum or
 * largest value of a numeric field), the threshold, the colour it raises and the reason shown,
 * where `{value}` stands for the measured value and `{threshold}` for the threshold.
 * @example
 * riskRuleSchema.parse({ id: 'open_red', level: 'red', atLeast: 1, cases: { warning: ['red'] }, reason: { zh: '{value}件红色预警在办', en: '{value} open case(s) with a red warning' } });
 */
export const riskRuleSchema = z.strictObject({
  id: identifierSchema,
  level: z.enum(['yellow', 'red']),
  cases: riskCaseFilterSchema.default({ status: 'open' }),
  measure: z
    .union([z.strictObject({ kind: z.literal('count') }), z.strictObject({ kind: z.enum(['sum', 'max']), field: identifierSchema })])
    .default({ kind: 'count' })
    .describe('count of the cases (default), or sum / max of a numeric data field over them.'),
  atLeast: z.number().positive().max(1e12),
  reason: z.strictObject({ zh: reasonText, en: reasonText }),
});

/**
 * A risk rule.
 * @example
 * const rule: RiskRule = DEFAULT_RISK_RULES[0];
 */
export type RiskRule = z.output<typeof riskRuleSchema>;

/**
 * Zod schema of a rule list (ids unique).
 * @example
 * riskRuleListSchema.parse(DEFAULT_RISK_RULES);
 */
export const riskRuleListSchema = z
  .array(riskRuleSchema)
  .max(50)
  .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, { error: 'Rule ids must be unique; rename the duplicates.' });

const WAGE_ARREARS = [
  { field: 'category', in: ['wages'] },
  { field: 'dispute_type', in: ['wage_arrears'] },
  { field: 'matter_type', in: ['wage_arrears'] },
];
const COMPLAINTS = { status: 'any' as const, opened: 'this_month' as const, excludeWorkflowCategories: ['golden_idea'] };

/**
 * The county's default rules. Open cases' warnings: two in red make the employer red, one in red or
 * one in yellow yellow. Wage arrears: one open matter yellow, two red. Matters raised this month
 * (ideas aside): 5 yellow, 10 red. Workers affected by one open matter: 10 (a collective dispute in
 * law) yellow, 30 red. A union may replace them for its subtree.
 * @example
 * DEFAULT_RISK_RULES.map((r) => r.id);
 */
export const DEFAULT_RISK_RULES: readonly RiskRule[] = riskRuleListSchema.parse([
  { id: 'open_red_cases', level: 'red', cases: { warning: ['red'] }, atLeast: 2, reason: { zh: '{value}件在办事项为红色预警', en: '{value} open cases with a red warning' } },
  { id: 'open_red_case', level: 'yellow', cases: { warning: ['red'] }, atLeast: 1, reason: { zh: '{value}件在办事项为红色预警', en: '{value} open case(s) with a red warning' } },
  { id: 'open_yellow_case', level: 'yellow', cases: { warning: ['yellow'] }, atLeast: 1, reason: { zh: '{value}件在办事项为黄色预警', en: '{value} open case(s) with a yellow warning' } },
  { id: 'wage_arrears_repeated', level: 'red', cases: { dataAnyOf: WAGE_ARREARS }, atLeast: 2, reason: { zh: '{value}件欠薪事项同时在办', en: '{value} wage-arrears matters open at once' } },
  { id: 'wage_arrears_open', level: 'yellow', cases: { dataAnyOf: WAGE_ARREARS }, atLeast: 1, reason: { zh: '有{value}件欠薪事项在办', en: '{value} open wage-arrears matter(s)' } },
  { id: 'complaints_this_month_many', level: 'red', cases: COMPLAINTS, atLeast: 10, reason: { zh: '本月收到{value}件诉求（≥{threshold}）', en: '{value} matters raised this month (≥{threshold})' } },
  { id: 'complaints_this_month', level: 'yellow', cases: COMPLAINTS, atLeast: 5, reason: { zh: '本月收到{value}件诉求', en: '{value} matters raised this month' } },
  { id: 'mass_dispute', level: 'red', measure: { kind: 'max', field: 'workers_affected' }, atLeast: 30, reason: { zh: '在办事项涉及职工{value}人（≥{threshold}）', en: 'An open matter affects {value} workers (≥{threshold})' } },
  { id: 'collective_dispute', level: 'yellow', measure: { kind: 'max', field: 'workers_affected' }, atLeast: 10, reason: { zh: '在办事项涉及职工{value}人', en: 'An open matter affects {value} workers' } },
]);
