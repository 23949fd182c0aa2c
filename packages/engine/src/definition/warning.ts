import { z } from 'zod';
import { conditionSchema } from './condition.js';
import { durationSchema, parseDuration } from './duration.js';
import { recipientsSchema } from './effect-spec.js';
import { localizedTextSchema } from './localized-text.js';

/**
 * Warning colours, lowest first (预警: 绿 / 黄 / 红).
 * @example
 * WARNING_LEVELS.indexOf('red'); // 2
 */
export const WARNING_LEVELS = ['green', 'yellow', 'red'] as const;

/**
 * A warning colour.
 * @example
 * const level: WarningLevel = 'yellow';
 */
export type WarningLevel = (typeof WARNING_LEVELS)[number];

const raisedLevelSchema = z.enum(['yellow', 'red'], {
  error: (issue) =>
    issue.input === undefined
      ? 'Warning level is missing: add "level" with "yellow" or "red".'
      : `Warning level ${JSON.stringify(issue.input)} is not known: use "yellow" or "red".`,
});

const PERCENT_PATTERN = /^(\d{1,3})%$/;

/**
 * Parses a ladder step's `at`: a share of the SLA (`'80%'`) or a duration after entry (`'2wd'`).
 * @example
 * parseLadderAt('80%'); // { share: 0.8 }
 */
export function parseLadderAt(at: string): { share: number } | { duration: string } | undefined {
  const percent = PERCENT_PATTERN.exec(at);
  if (percent) {
    const share = Number(percent[1]) / 100;
    return share > 0 && share <= 2 ? { share } : undefined;
  }
  return parseDuration(at) ? { duration: at } : undefined;
}

/**
 * Zod schema of one step of a state's warning ladder.
 * @example
 * ladderStepSchema.parse({ at: '80%', level: 'yellow' });
 */
export const ladderStepSchema = z.strictObject({
  at: z
    .string()
    .refine((value) => parseLadderAt(value) !== undefined, {
      error: (issue) =>
        `Ladder step at ${JSON.stringify(issue.input)} is not valid: write a share of the SLA from 1% to 200% (e.g. "80%") or a duration after entry (e.g. "2wd").`,
    })
    .describe(
      'When the step is reached: a share of the SLA from 1% to 200% (e.g. "80%") or a duration after entering the state (e.g. "2wd").',
    ),
  level: raisedLevelSchema.describe('Colour the case rises to at this step.'),
  notify: recipientsSchema.optional().describe('Who is told when the step is reached.'),
});

/**
 * Zod schema of a data warning rule: when the condition holds, the case is at least this colour.
 * @example
 * warningRuleSchema.parse({ when: { field: 'workers_affected', op: 'gte', value: 10 }, level: 'red' });
 */
export const warningRuleSchema = z.strictObject({
  title: localizedTextSchema.optional().describe('Name of the rule, also the notification text.'),
  when: conditionSchema.describe('Condition on the case data.'),
  level: raisedLevelSchema.describe('Colour while the condition holds.'),
  notify: recipientsSchema.optional().describe('Who is told when the rule starts to hold.'),
});

/**
 * Zod schema of a state's SLA: the time the state may take, on a named calendar.
 * @example
 * slaSchema.parse({ within: '5wd' });
 */
export const slaSchema = z.strictObject({
  within: durationSchema.describe('Time the state may take, e.g. "5wd".'),
  calendar: z.string().min(1).optional().describe("Calendar of the clock; defaults to the workflow's."),
});

/**
 * One step of a warning ladder.
 * @example
 * const s: LadderStep = { at: '100%', level: 'red', notify: { roles: ['supervisor'] } };
 */
export type LadderStep = z.infer<typeof ladderStepSchema>;

/**
 * A data warning rule.
 * @example
 * const r: WarningRule = { when: { field: 'arrears_months', op: 'gte', value: 2 }, level: 'yellow' };
 */
export type WarningRule = z.infer<typeof warningRuleSchema>;

/**
 * A state's SLA.
 * @example
 * const s: Sla = { within: '15d' };
 */
export type Sla = z.infer<typeof slaSchema>;
