import { z } from 'zod';

/**
 * The time kinds a duration can be measured in.
 * @example
 * const kind: DurationKind = 'working_day';
 */
export type DurationKind = 'natural' | 'working_day' | 'working_hour';

const UNIT_TABLE = {
  m: { kind: 'natural', ms: 60_000 },
  h: { kind: 'natural', ms: 3_600_000 },
  d: { kind: 'natural', ms: 86_400_000 },
  wh: { kind: 'working_hour', ms: 3_600_000 },
  wd: { kind: 'working_day', ms: 86_400_000 },
} as const satisfies Record<string, { kind: DurationKind; ms: number }>;

/**
 * A duration's unit: minutes, hours, days, working hours, working days.
 * @example
 * const unit: DurationUnit = 'wd';
 */
export type DurationUnit = keyof typeof UNIT_TABLE;

const DURATION_PATTERN = /^(\d{1,4}(?:\.\d{1,2})?)(wd|wh|m|h|d)$/;

/**
 * A parsed duration: an amount of milliseconds of one time kind.
 * @example
 * const d: ParsedDuration = { text: '5wd', amount: 5, unit: 'wd', kind: 'working_day', ms: 432_000_000 };
 */
export interface ParsedDuration {
  text: string;
  amount: number;
  unit: DurationUnit;
  kind: DurationKind;
  ms: number;
}

/**
 * Parses a duration such as `5wd` (working days), `8wh` (working hours), `3d`, `4h`, `30m`;
 * returns `undefined` when the text is not a duration.
 * @example
 * parseDuration('15wd')?.kind; // 'working_day'
 */
export function parseDuration(text: string): ParsedDuration | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2] as DurationUnit;
  if (!(amount > 0)) return undefined;
  const { kind, ms } = UNIT_TABLE[unit];
  return { text, amount, unit, kind, ms: Math.round(amount * ms) };
}

/**
 * Zod schema of a duration text; the message explains the syntax.
 * @example
 * durationSchema.parse('5wd');
 */
export const durationSchema = z.string().refine((value) => parseDuration(value) !== undefined, {
  error: (issue) =>
    `Duration ${JSON.stringify(issue.input)} is not valid: write a positive number and a unit, e.g. "5wd" (working days), "8wh" (working hours), "3d" (days), "4h" (hours) or "30m" (minutes).`,
});
