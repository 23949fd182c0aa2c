// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDataProvider, TestAdmin } from '../testing/test-admin.js';
import { DashboardFigures } from './dashboard-figures.js';
import { DEFAULT_TARGETS, targetStanding } from './dashboard-targets.js';
import { figureLink, listLink } from './figure-links.js';
import type { Metrics } from './metrics-types.js';
import { periodOf, periodRange, shiftPeriod } from './period.js';

afterEach(cleanup);

const METRICS: Metrics = {
  tenant: { id: 'chalu', name: { zh: '岔路镇总工会', en: 'Chalu Town Union' } },
  period: { from: '2026-11-01', to: '2026-11-30', start: '2026-10-31T16:00:00.000Z', end: '2026-11-30T16:00:00.000Z', asOf: '2026-11-29T04:00:00.000Z', timeZone: 'Asia/Shanghai' },
  received: 40,
  completion: { numerator: 38, denominator: 40, rate: 0.95, resolved: 30, endedUnresolved: 8 },
  onTime: { numerator: 30, denominator: 38, rate: 30 / 38 },
  response: { numerator: 0, denominator: 0, rate: null },
  satisfaction: { count: 10, average: 4.3, satisfied: { numerator: 9, denominator: 10, rate: 0.9 } },
  open: {
    total: 12,
    overdue: 3,
    byWarning: { green: 7, yellow: 4, red: 1 },
    byState: [{ workflow: 'union-grievance', state: 'mediation', title: { zh: '调解', en: 'Mediation' }, count: 5 }],
  },
  referrals: { awaiting: 2, overdue: 1 },
  goldenIdeas: { count: 0, adopted: 0, value: 0 },
};

// What a link opens: the resource and its filter, as react-admin's list reads them from the hash route.
function opened(href: string | null): { resource: string; filter: unknown; sort: string | null } {
  const [path = '', query = ''] = (href ?? '').replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  return { resource: path.replace(/^\//, ''), filter: JSON.parse(params.get('filter') ?? 'null'), sort: params.get('sort') };
}

function figure(name: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-figure="${name}"]`);
  if (!element) throw new Error(`no figure "${name}" on the page`);
  return element;
}

function hrefOf(name: string): string | null {
  const element = figure(name);
  return (element.tagName === 'A' ? element : element.querySelector('a'))?.getAttribute('href') ?? null;
}

const NOVEMBER = { openedFrom: '2026-11-01', openedTo: '2026-11-30' };

function linkIn(name: string, which: string): string | null {
  return figure(name).querySelector(`[data-link="${which}"]`)?.getAttribute('href') ?? null;
}

describe("the dashboard's figures", () => {
  it('open the list of exactly what each figure counts, in the union and period shown', async () => {
    const { dataProvider } = recordingDataProvider();
    render(
      <TestAdmin dataProvider={dataProvider} roles={['supervisor']}>
        <DashboardFigures metrics={{ ...METRICS, goldenIdeas: { count: 5, adopted: 2, value: 1000 } }} targets={DEFAULT_TARGETS} scope={{ tenantId: 'chalu', period: { from: '2026-11-01', to: '2026-11-30' } }} />
      </TestAdmin>,
    );
    await screen.findByText('办结率');
    // Each rate opens its numerator; its counts open the numerator and the denominator.
    expect(opened(hrefOf('completion'))).toMatchObject({ resource: 'cases', filter: { tenantId: 'chalu', figure: 'completed', ...NOVEMBER } });
    expect(opened(linkIn('completion', 'numerator')).filter).toEqual({ tenantId: 'chalu', figure: 'completed', ...NOVEMBER });
    expect(opened(linkIn('completion', 'denominator')).filter).toEqual({ tenantId: 'chalu', figure: 'received', ...NOVEMBER });
    expect(opened(linkIn('onTime', 'numerator')).filter).toEqual({ tenantId: 'chalu', figure: 'onTime', ...NOVEMBER });
    expect(opened(linkIn('onTime', 'denominator')).filter).toEqual({ tenantId: 'chalu', figure: 'completed', ...NOVEMBER });
    expect(within(figure('onTime')).getByText('30').closest('a')?.getAttribute('data-link')).toBe('numerator');
    expect(within(figure('onTime')).getByText('38').closest('a')?.getAttribute('data-link')).toBe('denominator');
    expect(opened(hrefOf('response'))).toMatchObject({ resource: 'cases', filter: { tenantId: 'chalu', figure: 'respondedOnTime', ...NOVEMBER } });
    // A rate without cases has no counts to open.
    expect(linkIn('response', 'numerator')).toBeNull();
    expect(opened(hrefOf('satisfaction'))).toMatchObject({ resource: 'cases', filter: { tenantId: 'chalu', status: 'closed' } });
    // The parts of the completed and on-time cases.
    expect(opened(hrefOf('resolved')).filter).toEqual({ tenantId: 'chalu', figure: 'resolved', ...NOVEMBER });
    expect(figure('resolved').textContent).toBe('已解决 30');
    expect(opened(hrefOf('endedUnresolved')).filter).toEqual({ tenantId: 'chalu', figure: 'endedUnresolved', ...NOVEMBER });
    expect(opened(hrefOf('late')).filter).toEqual({ tenantId: 'chalu', figure: 'late', ...NOVEMBER });
    expect(figure('late').textContent).toBe('超时办结 8');
    expect(opened(hrefOf('received'))).toMatchObject({ resource: 'cases', filter: { tenantId: 'chalu', figure: 'received', ...NOVEMBER } });
    expect(opened(hrefOf('ideas')).filter).toEqual({ tenantId: 'chalu', figure: 'ideas', ...NOVEMBER });
    expect(opened(hrefOf('ideasAdopted')).filter).toEqual({ tenantId: 'chalu', figure: 'ideasAdopted', ...NOVEMBER });
    // What is open now, whenever it was opened: no period.
    expect(opened(hrefOf('open'))).toMatchObject({ resource: 'cases', filter: { tenantId: 'chalu', status: 'open' } });
    expect(opened(hrefOf('overdue'))).toMatchObject({ resource: 'cases', filter: { tenantId: 'chalu', figure: 'overdue' }, sort: 'dueAt' });
    for (const level of ['green', 'yellow', 'red']) expect(opened(hrefOf(`warning-${level}`))).toMatchObject({ resource: 'cases', filter: { tenantId: 'chalu', status: 'open', warning: [level] } });
    expect(opened(hrefOf('referrals-awaiting'))).toMatchObject({ resource: 'referrals', filter: { tenantId: 'chalu', status: 'awaiting' }, sort: 'replyDueAt' });
    expect(opened(hrefOf('referrals-overdue'))).toMatchObject({ resource: 'referrals', filter: { tenantId: 'chalu', status: 'awaiting', overdue: true } });
    expect(opened(hrefOf('state-union-grievance-mediation'))).toMatchObject({ resource: 'cases', filter: { tenantId: 'chalu', status: 'open', workflowKey: ['union-grievance'], state: ['mediation'] } });
    // The counts read as the API gave them.
    expect(within(figure('warning-yellow')).getByText('4')).toBeTruthy();
    expect(within(figure('referrals-overdue')).getByText('1')).toBeTruthy();
  });

  it('shows each rate against its target: met in green, missed in red, none without cases', async () => {
    const { dataProvider } = recordingDataProvider();
    render(
      <TestAdmin dataProvider={dataProvider}>
        <DashboardFigures metrics={METRICS} targets={{ ...DEFAULT_TARGETS, satisfaction: 0.95 }} scope={{}} />
      </TestAdmin>,
    );
    await screen.findByText('办结率');
    expect(figure('completion').dataset['standing']).toBe('met');
    expect(figure('onTime').dataset['standing']).toBe('missed');
    expect(figure('response').dataset['standing']).toBe('none');
    expect(figure('satisfaction').dataset['standing']).toBe('missed');
    expect(within(figure('completion')).getByText('95%')).toBeTruthy();
    expect(figure('completion').querySelector('[data-counts]')?.textContent).toBe('38 / 40 件');
    expect(within(figure('satisfaction')).getByText('目标 95%')).toBeTruthy();
    // Without a union chosen, the links stay in the caller's own unions (no tenantId filter).
    expect(opened(hrefOf('open')).filter).toEqual({ status: 'open' });
  });
});

describe('the links and periods behind the dashboard', () => {
  it('shows the non-default filters of a link in the list\'s filter bar', () => {
    const params = new URLSearchParams(listLink('cases', { q: 'x', warning: ['red'], status: 'open' }).split('?')[1]);
    expect(JSON.parse(params.get('displayedFilters') ?? '{}')).toEqual({ status: true });
    // The figure shows as a chip, the days it was opened in the filter bar.
    const figureParams = new URLSearchParams(figureLink({ kind: 'cases', figure: 'onTime' }, { period: { from: '2026-11-01', to: '2026-11-30' } }).split('?')[1]);
    expect(JSON.parse(figureParams.get('displayedFilters') ?? '{}')).toEqual({ openedFrom: true, openedTo: true });
    expect(opened(figureLink({ kind: 'cases', figure: 'referralsOverdue' }, { tenantId: 'chalu', period: { from: '2026-11-01', to: '2026-11-30' } })).filter).toEqual({ tenantId: 'chalu', figure: 'referralsOverdue' });
    expect(figureLink({ kind: 'risk', colours: ['red'] }, { tenantId: 'nanbu' })).toContain('/risk-register?');
    expect(opened(figureLink({ kind: 'enterprise', enterpriseId: 'ent-1' }, { tenantId: 'chalu', period: { from: '2026-11-01', to: '2026-11-30' } })).filter).toEqual({ enterpriseId: 'ent-1', figure: 'inHand' });
  });

  it('turns months, quarters and years into the API dates, across year ends', () => {
    expect(periodRange(periodOf('month', '2024-02-10'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange(periodOf('quarter', '2025-11-29'))).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(periodRange(periodOf('year', '2025-11-29'))).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(shiftPeriod({ kind: 'month', year: 2025, index: 12 }, 1)).toEqual({ kind: 'month', year: 2026, index: 1 });
    expect(shiftPeriod({ kind: 'quarter', year: 2026, index: 1 }, -1)).toEqual({ kind: 'quarter', year: 2025, index: 4 });
  });

  it('counts a rate at its target as met, at the shown precision', () => {
    expect(targetStanding(0.95, 0.95)).toBe('met');
    expect(targetStanding(0.9499, 0.95)).toBe('missed');
    expect(targetStanding(null, 0.95)).toBe('none');
  });
});
