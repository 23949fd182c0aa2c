import type { LocalizedText, WarningLevel } from '../api/types.js';

/**
 * A rate as the metrics API answers it: `rate` is numerator / denominator, null without a denominator.
 * @example
 * const completion: Rate = { numerator: 31, denominator: 92, rate: 0.337 };
 */
export interface Rate {
  numerator: number;
  denominator: number;
  rate: number | null;
}

/**
 * The period of a metrics answer (dates in Asia/Shanghai, instants in ISO 8601).
 * @example
 * const period: MetricsPeriod = metrics.period;
 */
export interface MetricsPeriod {
  from: string;
  to: string;
  start: string;
  end: string;
  asOf: string;
  timeZone: string;
}

/**
 * GET /api/metrics: a union subtree's figures for a period (docs/metrics.md).
 * @example
 * const { completion, open } = metrics as Metrics;
 */
export interface Metrics {
  tenant: { id: string; name: LocalizedText };
  period: MetricsPeriod;
  received: number;
  completion: Rate & { resolved: number; endedUnresolved: number };
  onTime: Rate;
  response: Rate;
  satisfaction: { count: number; average: number | null; satisfied: Rate };
  open: { total: number; overdue: number; byWarning: Record<WarningLevel, number>; byState: Array<{ workflow: string; state: string; title: LocalizedText; count: number }> };
  referrals: { awaiting: number; overdue: number };
  goldenIdeas: { count: number; adopted: number; value: number };
}

/**
 * The four rates the dashboard weighs against targets.
 * @example
 * RATE_KEYS.map((key) => translate(`shuoshi.dashboard.rate_${key}`));
 */
export const RATE_KEYS = ['completion', 'onTime', 'response', 'satisfaction'] as const;

/**
 * One of the four rates.
 * @example
 * const key: RateKey = 'onTime';
 */
export type RateKey = (typeof RATE_KEYS)[number];

/**
 * One row of GET /api/metrics/townships (a direct child union, ranked).
 * @example
 * const first: TownshipRow = table.rows[0];
 */
export interface TownshipRow {
  overallRank: number | null;
  tenant: { id: string; name: LocalizedText };
  received: number;
  completion: Rate & { rank: number | null };
  onTime: Rate & { rank: number | null };
  response: Rate & { rank: number | null };
  satisfaction: Rate & { rank: number | null; average: number | null };
  score: number | null;
  open: number;
  overdue: number;
  referralsOverdue: number;
}

/**
 * GET /api/metrics/townships.
 * @example
 * const { rows } = table as TownshipTable;
 */
export interface TownshipTable {
  tenant: { id: string; name: LocalizedText };
  period: MetricsPeriod;
  rows: TownshipRow[];
}

/**
 * One month of GET /api/metrics/trend.
 * @example
 * const last: TrendMonth = trend.months.at(-1);
 */
export interface TrendMonth {
  month: string;
  period: MetricsPeriod;
  received: number;
  completion: Rate;
  onTime: Rate;
  response: Rate;
  satisfaction: { count: number; average: number | null; satisfied: Rate };
}

/**
 * An enterprise of the risk register (GET /api/risk-register), with its reasons.
 * @example
 * const red = (entries as RiskEntry[]).filter((e) => e.colour === 'red');
 */
export interface RiskEntry {
  id: string;
  tenantId: string;
  name: string;
  industry: string | null;
  workers: number | null;
  colour: WarningLevel;
  reasons: Array<{ rule: string; level: 'yellow' | 'red'; value: number; zh: string; en: string }>;
  openCases: number;
  computedAt: string | null;
  changedAt: string | null;
  history?: Array<{ from: WarningLevel; to: WarningLevel; reasons: RiskEntry['reasons']; at: string }>;
}

/**
 * The rate of one of the four keys in a metrics answer (satisfaction is the share rating 4-5).
 * @example
 * rateOf(metrics, 'satisfaction').rate; // 0.69
 */
export function rateOf(figures: Pick<Metrics, RateKey> | Pick<TrendMonth, RateKey>, key: RateKey): Rate {
  return key === 'satisfaction' ? figures.satisfaction.satisfied : figures[key];
}
