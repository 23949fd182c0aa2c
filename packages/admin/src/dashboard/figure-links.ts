import type { WarningLevel } from '../api/types.js';
import type { CaseFigure } from '../cases/case-figures.js';
import type { RateKey } from './metrics-types.js';

/**
 * A figure of the dashboard that opens a list: the cases a figure counts (by the cases list's
 * `figure` filter), the open cases by colour or step, the referrals awaiting a reply, an
 * enterprise's cases, or the risk register.
 * @example
 * const figure: DashboardFigure = { kind: 'cases', figure: 'onTime' };
 */
export type DashboardFigure =
  | { kind: 'cases'; figure: CaseFigure }
  | { kind: 'open' | 'satisfaction' }
  | { kind: 'warning'; level: WarningLevel }
  | { kind: 'state'; workflow: string; state: string }
  | { kind: 'referrals'; overdue: boolean }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'risk'; colours?: WarningLevel[] };

/**
 * What the links are narrowed to: the union shown (its subtree; the caller's when absent) and
 * the period shown (its days, Asia/Shanghai), which narrows the flow figures to the cases opened
 * in it.
 * @example
 * const scope: LinkScope = { tenantId: 'chalu', period: { from: '2026-11-01', to: '2026-11-30' } };
 */
export interface LinkScope {
  tenantId?: string;
  period?: { from: string; to: string };
}

/**
 * The case figures behind each rate's numerator and denominator (satisfaction counts ratings, not
 * cases: it has none).
 * @example
 * figureLink({ kind: 'cases', figure: RATE_FIGURES.onTime.denominator }, scope); // the completed cases
 */
export const RATE_FIGURES: Record<Exclude<RateKey, 'satisfaction'>, { numerator: CaseFigure; denominator: CaseFigure }> = {
  completion: { numerator: 'completed', denominator: 'received' },
  onTime: { numerator: 'onTime', denominator: 'completed' },
  response: { numerator: 'respondedOnTime', denominator: 'received' },
};

// Figures about the cases open now, whenever they were opened: the period does not narrow them.
const STOCK_FIGURES: ReadonlySet<CaseFigure> = new Set(['overdue', 'referralsAwaiting', 'referralsOverdue', 'inHand']);

// Filters the cases list does not mark as shown in its bar ("displayedFilters"): always on, or (a
// figure) shown as a chip above the rows.
const NOT_DISPLAYED = new Set(['q', 'warning', 'figure']);

/**
 * The react-admin list URL (a hash route path with its query) of a resource with a filter and a
 * sort, with the filters shown in the list's filter bar.
 * @example
 * listLink('cases', { status: 'open', warning: ['red'] }); // '/cases?filter=...&displayedFilters=...&sort=dueAt&order=ASC&page=1'
 */
export function listLink(resource: string, filter: Record<string, unknown>, sort: { field: string; order: 'ASC' | 'DESC' } = { field: 'openedAt', order: 'DESC' }): string {
  const displayed = Object.fromEntries(Object.keys(filter).filter((key) => !NOT_DISPLAYED.has(key)).map((key) => [key, true]));
  const query = new URLSearchParams({ filter: JSON.stringify(filter), displayedFilters: JSON.stringify(displayed), sort: sort.field, order: sort.order, page: '1' });
  return `/${resource}?${query.toString()}`;
}

/**
 * Where a dashboard figure leads: the list of exactly what it counts. Flow figures (received,
 * completed, on time...) list the cases opened in the period shown that count for it now; the
 * others list what is open now. A list shows the cases as they are now: for a past period it may
 * differ from the period's figures (docs/metrics.md, "Click-through").
 * @example
 * figureLink({ kind: 'cases', figure: 'late' }, { tenantId: 'chalu', period: { from: '2026-11-01', to: '2026-11-30' } }); // '/cases?filter={"tenantId":"chalu","figure":"late","openedFrom":"2026-11-01",...}...'
 */
export function figureLink(figure: DashboardFigure, scope: LinkScope = {}): string {
  const tenant = scope.tenantId ? { tenantId: scope.tenantId } : {};
  const dueFirst = { field: 'dueAt', order: 'ASC' } as const;
  switch (figure.kind) {
    case 'cases': {
      if (STOCK_FIGURES.has(figure.figure)) return listLink('cases', { ...tenant, figure: figure.figure }, dueFirst);
      const period = scope.period ? { openedFrom: scope.period.from, openedTo: scope.period.to } : {};
      return listLink('cases', { ...tenant, figure: figure.figure, ...period });
    }
    case 'open':
      return listLink('cases', { ...tenant, status: 'open' }, dueFirst);
    case 'satisfaction':
      return listLink('cases', { ...tenant, status: 'closed' }, { field: 'updatedAt', order: 'DESC' });
    case 'warning':
      return listLink('cases', { ...tenant, status: 'open', warning: [figure.level] }, dueFirst);
    case 'state':
      return listLink('cases', { ...tenant, status: 'open', workflowKey: [figure.workflow], state: [figure.state] }, dueFirst);
    case 'referrals':
      return listLink('referrals', { ...tenant, status: 'awaiting', ...(figure.overdue ? { overdue: true } : {}) }, { field: 'replyDueAt', order: 'ASC' });
    case 'enterprise':
      // The register counts the cases in hand: open, and not in a resolved or follow-up state.
      return listLink('cases', { enterpriseId: figure.enterpriseId, figure: 'inHand' }, dueFirst);
    case 'risk':
      return listLink('risk-register', { ...tenant, ...(figure.colours ? { colour: figure.colours } : {}) }, { field: 'colour', order: 'DESC' });
  }
}
