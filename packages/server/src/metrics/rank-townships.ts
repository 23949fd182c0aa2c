import type { Rate, TownshipRow } from './schemas.js';

/**
 * A union's figures before ranking.
 * @example
 * const u: UnrankedTownship = { tenant, received: 10, completion, onTime, response, satisfaction, open: 2, overdue: 0, referralsOverdue: 0 };
 */
export interface UnrankedTownship {
  tenant: TownshipRow['tenant'];
  received: number;
  completion: Rate;
  onTime: Rate;
  response: Rate;
  satisfaction: Rate & { average: number | null };
  open: number;
  overdue: number;
  referralsOverdue: number;
}

/**
 * The rates a township is ranked on, in the order of the table.
 * @example
 * RANKED_RATES.map((name) => row[name].rank);
 */
export const RANKED_RATES = ['completion', 'onTime', 'response', 'satisfaction'] as const;

// Competition ranking ("1224"): equal rates share a rank, the next rank skips; no rate, no rank.
function ranks(values: ReadonlyArray<number | null>): Array<number | null> {
  return values.map((value) => (value === null ? null : 1 + values.filter((other) => other !== null && other > value).length));
}

/**
 * Ranks unions on each rate (highest first; equal rates share a rank; a rate without a
 * denominator has no rank) and orders them by their score, the mean of the rates they have
 * (ties: higher completion rate, then more cases received, then id); unions without any rate come
 * last, unranked.
 * @example
 * const rows = rankTownships(unranked);
 */
export function rankTownships(unranked: readonly UnrankedTownship[]): TownshipRow[] {
  const rateRanks = Object.fromEntries(RANKED_RATES.map((name) => [name, ranks(unranked.map((u) => u[name].rate))])) as Record<(typeof RANKED_RATES)[number], Array<number | null>>;
  const scored = unranked.map((u, index) => {
    const rates = RANKED_RATES.map((name) => u[name].rate).filter((rate): rate is number => rate !== null);
    const score = rates.length === 0 ? null : rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
    return {
      overallRank: null as number | null,
      tenant: u.tenant,
      received: u.received,
      completion: { ...u.completion, rank: rateRanks.completion[index] ?? null },
      onTime: { ...u.onTime, rank: rateRanks.onTime[index] ?? null },
      response: { ...u.response, rank: rateRanks.response[index] ?? null },
      satisfaction: { ...u.satisfaction, rank: rateRanks.satisfaction[index] ?? null },
      score,
      open: u.open,
      overdue: u.overdue,
      referralsOverdue: u.referralsOverdue,
    };
  });
  scored.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      (b.completion.rate ?? -1) - (a.completion.rate ?? -1) ||
      b.received - a.received ||
      a.tenant.id.localeCompare(b.tenant.id),
  );
  const scores = scored.map((row) => row.score);
  const overall = ranks(scores);
  return scored.map((row, index) => ({ ...row, overallRank: overall[index] ?? null }));
}
