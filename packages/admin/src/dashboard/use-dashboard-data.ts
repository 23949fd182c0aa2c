import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiFetch } from '../api/api-fetch.js';
import type { Metrics, RiskEntry, TownshipTable, TrendMonth } from './metrics-types.js';

/**
 * What the dashboard asks for: a union (the caller's when absent) and a period (the server's
 * current month when absent).
 * @example
 * const query: DashboardQuery = { tenantId: 'chalu', from: '2025-10-01', to: '2025-12-31' };
 */
export interface DashboardQuery {
  tenantId?: string;
  from?: string;
  to?: string;
}

function search(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

async function getJson<T>(path: string): Promise<T> {
  return (await apiFetch(path)).body as T;
}

// The dashboard refreshes itself while it is open: the figures of the current period are live.
const REFRESH_MS = 60_000;

/**
 * GET /api/metrics for a union and period.
 * @example
 * const { data } = useMetrics({ tenantId: 'chalu' });
 */
export function useMetrics(query: DashboardQuery): UseQueryResult<Metrics> {
  return useQuery({ queryKey: ['shuoshi', 'metrics', query], queryFn: () => getJson<Metrics>(`/metrics${search({ ...query })}`), refetchInterval: REFRESH_MS });
}

/**
 * GET /api/metrics/townships: the union's direct children ranked.
 * @example
 * const { data } = useTownships({});
 */
export function useTownships(query: DashboardQuery): UseQueryResult<TownshipTable> {
  return useQuery({ queryKey: ['shuoshi', 'townships', query], queryFn: () => getJson<TownshipTable>(`/metrics/townships${search({ ...query })}`), refetchInterval: REFRESH_MS });
}

/**
 * GET /api/metrics/trend: the last 12 months of a union.
 * @example
 * const { data } = useTrend('chalu');
 */
export function useTrend(tenantId: string | undefined): UseQueryResult<{ months: TrendMonth[] }> {
  return useQuery({ queryKey: ['shuoshi', 'trend', tenantId ?? null], queryFn: () => getJson<{ months: TrendMonth[] }>(`/metrics/trend${search({ tenantId, months: 12 })}`), refetchInterval: REFRESH_MS });
}

/**
 * The red and yellow enterprises of a union's subtree (most serious first) and how many there are.
 * @example
 * const { data } = useRiskRegister('chalu');
 */
export function useRiskRegister(tenantId: string | undefined, limit = 8): UseQueryResult<{ entries: RiskEntry[]; total: number }> {
  return useQuery({
    queryKey: ['shuoshi', 'risk', tenantId ?? null, limit],
    queryFn: async () => {
      const filter = JSON.stringify({ colour: ['red', 'yellow'], ...(tenantId ? { tenantId } : {}) });
      const { body, headers } = await apiFetch(`/risk-register${search({ filter, sort: JSON.stringify(['colour', 'DESC']), range: JSON.stringify([0, limit - 1]) })}`);
      const total = Number.parseInt(headers.get('Content-Range')?.split('/').pop() ?? '', 10);
      const entries = body as RiskEntry[];
      return { entries, total: Number.isNaN(total) ? entries.length : total };
    },
    refetchInterval: REFRESH_MS,
  });
}

/**
 * GET /api/risk-register/:id: one enterprise with its changes of colour (loaded when opened).
 * @example
 * const { data } = useRiskHistory('ent-fangzheng', open);
 */
export function useRiskHistory(enterpriseId: string, enabled: boolean): UseQueryResult<RiskEntry> {
  return useQuery({ queryKey: ['shuoshi', 'risk-history', enterpriseId], queryFn: () => getJson<RiskEntry>(`/risk-register/${encodeURIComponent(enterpriseId)}`), enabled });
}
