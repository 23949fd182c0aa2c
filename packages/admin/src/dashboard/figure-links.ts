import type { WarningLevel } from '../api/types.js';

/**
 * A figure of the dashboard that opens a list: the cases behind a rate or a count, the
 * referrals awaiting a reply, an enterprise's cases, or the risk register.
 * @example
 * const figure: DashboardFigure = { kind: 'warning', level: 'yellow' };
 */
export type DashboardFigure =
  | { kind: 'received' | 'completion' | 'onTime' | 'response' | 'satisfaction' | 'open' | 'overdue' }
  | { kind: 'warning'; level: WarningLevel }
  | { kind: 'state'; workflow: string; state: string }
  | { kind: 'referrals'; overdue: boolean }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'risk'; colours?: WarningLevel[] }
  | { kind: 'ideas'; workflows: string[] };

/**
 * What the links are narrowed to: the union shown (its subtree; the caller's when absent) and
 * the first state of each workflow (where a case waits for its first response).
 * @example
 * const scope: LinkScope = { tenantId: 'chalu', initialStates: ['intake', 'submitted'] };
 */
export interface LinkScope {
  tenantId?: string;
  initialStates?: readonly string[];
}

// Filters the cases list shows in its bar only when asked for ("displayedFilters"); the others are always on.
const ALWAYS_ON = new Set(['q', 'warning']);

/**
 * The react-admin list URL (a hash route path with its query) of a resource with a filter and a
 * sort, with the filters shown in the list's filter bar.
 * @example
 * listLink('cases', { status: 'open', warning: ['red'] }); // '/cases?filter=...&displayedFilters=...&sort=dueAt&order=ASC&page=1'
 */
export function listLink(resource: string, filter: Record<string, unknown>, sort: { field: string; order: 'ASC' | 'DESC' } = { field: 'openedAt', order: 'DESC' }): string {
  const displayed = Object.fromEntries(Object.keys(filter).filter((key) => !ALWAYS_ON.has(key)).map((key) => [key, true]));
  const query = new URLSearchParams({ filter: JSON.stringify(filter), displayedFilters: JSON.stringify(displayed), sort: sort.field, order: sort.order, page: '1' });
  return `/${resource}?${query.toString()}`;
}

/**
 * Where a dashboard figure leads: the cases list (or the referrals or the risk register) with
 * the filter that shows what the figure counts, as closely as the list's filters allow. The
 * lists have no period filter: a rate leads to the cases it is about now (completion: the open
 * ones still to finish; on-time: the overdue ones; response: the open ones still in their first
 * state; satisfaction: the closed ones, with their ratings).
 * @example
 * figureLink({ kind: 'warning', level: 'yellow' }, { tenantId: 'chalu' }); // '/cases?filter={"tenantId":"chalu","status":"open","warning":["yellow"]}...'
 */
export function figureLink(figure: DashboardFigure, scope: LinkScope = {}): string {
  const tenant = scope.tenantId ? { tenantId: scope.tenantId } : {};
  const dueFirst = { field: 'dueAt', order: 'ASC' } as const;
  switch (figure.kind) {
    case 'received':
      return listLink('cases', { ...tenant });
    case 'completion':
    case 'open':
      return listLink('cases', { ...tenant, status: 'open' }, dueFirst);
    case 'onTime':
    case 'overdue':
      return listLink('cases', { ...tenant, status: 'open', overdue: true }, dueFirst);
    case 'response':
      return listLink('cases', { ...tenant, status: 'open', ...(scope.initialStates && scope.initialStates.length > 0 ? { state: [...new Set(scope.initialStates)] } : {}) }, { field: 'openedAt', order: 'ASC' });
    case 'satisfaction':
      return listLink('cases', { ...tenant, status: 'closed' }, { field: 'updatedAt', order: 'DESC' });
    case 'warning':
      return listLink('cases', { ...tenant, status: 'open', warning: [figure.level] }, dueFirst);
    case 'state':
      return listLink('cases', { ...tenant, status: 'open', workflowKey: [figure.workflow], state: [figure.state] }, dueFirst);
    case 'referrals':
      return listLink('referrals', { ...tenant, status: 'awaiting', ...(figure.overdue ? { overdue: true } : {}) }, { field: 'replyDueAt', order: 'ASC' });
    case 'enterprise':
      return listLink('cases', { enterpriseId: figure.enterpriseId, status: 'open' }, dueFirst);
    case 'risk':
      return listLink('risk-register', { ...tenant, ...(figure.colours ? { colour: figure.colours } : {}) }, { field: 'colour', order: 'DESC' });
    case 'ideas':
      return listLink('cases', { ...tenant, ...(figure.workflows.length > 0 ? { workflowKey: figure.workflows } : {}) });
  }
}
