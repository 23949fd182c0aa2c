// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRecord, WorkflowRecord } from '../api/types.js';
import { recordingDataProvider, TestAdmin } from '../testing/test-admin.js';
import { CaseList } from './case-list.js';

afterEach(() => {
  cleanup();
  // The list keeps its filters in the URL: start every test from a clean one.
  window.history.replaceState(null, '', '/');
});

const WORKFLOW: WorkflowRecord = {
  id: 'union-grievance@1',
  tenantId: 'ninghai',
  key: 'union-grievance',
  version: 1,
  status: 'published',
  title: { zh: '职工诉求处理', en: "Workers' matter handling" },
  definition: {
    key: 'union-grievance',
    version: 1,
    title: { zh: '职工诉求处理', en: "Workers' matter handling" },
    initial: 'intake',
    fields: { title: { type: 'text', label: { zh: '诉求标题', en: 'Title' }, required: true } },
    states: {
      intake: { title: { zh: '受理', en: 'Intake' }, transitions: [{ event: 'accept', label: { zh: '受理', en: 'Accept' }, target: 'triage' }] },
      triage: { title: { zh: '研判分流', en: 'Triage' }, transitions: [{ event: 'close', label: { zh: '归档', en: 'Close' }, target: 'closed' }] },
      closed: { title: { zh: '已归档', en: 'Closed' }, final: true, transitions: [] },
    },
  },
};

const CASE: CaseRecord = {
  id: 'c1',
  reference: 'NH-2025-0007',
  tenantId: 'chalu',
  workflow: { key: 'union-grievance', version: 1, tenantId: 'ninghai' },
  state: 'triage',
  stateTitle: { zh: '研判分流', en: 'Triage' },
  status: 'open',
  warning: 'yellow',
  assigneeId: null,
  channel: 'phone',
  enterpriseId: null,
  title: '下夜班打车难',
  description: '',
  data: {},
  version: 2,
  dueAt: '2099-01-01T00:00:00Z',
  overdue: false,
  openedBy: null,
  openedAt: '2025-09-29T01:00:00Z',
  updatedAt: '2025-09-29T01:00:00Z',
  closedAt: null,
};

function renderList() {
  const { dataProvider, calls } = recordingDataProvider({
    getList: async (resource: never) => {
      if (resource === 'workflows') return { data: [{ id: WORKFLOW.id, key: WORKFLOW.key, version: 1, title: WORKFLOW.title }], total: 1 };
      if (resource === 'cases') return { data: [CASE], total: 1 };
      return { data: [], total: 0 };
    },
    getOne: async (resource: never) => ({ data: resource === 'workflows' ? WORKFLOW : { id: 'x' } }),
    getMany: async (resource: never) => ({ data: resource === 'tenants' ? [{ id: 'chalu', name: { zh: '岔路镇总工会', en: 'Chalu Town Union' } }] : [] }),
  });
  render(
    <TestAdmin dataProvider={dataProvider}>
      <ResourceContextProvider value="cases">
        <CaseList />
      </ResourceContextProvider>
    </TestAdmin>,
  );
  const caseFilters = () => calls.filter((c) => c.method === 'getList' && c.args[0] === 'cases').map((c) => (c.args[1] as { filter: Record<string, unknown> }).filter);
  return { calls, lastFilter: () => caseFilters().at(-1) };
}

describe('the cases list filters', () => {
  it('shows the cases in Chinese with the warning as a coloured chip', async () => {
    renderList();
    expect(await screen.findByText('下夜班打车难')).toBeTruthy();
    const row = screen.getByText('NH-2025-0007').closest('tr');
    if (!row) throw new Error('no row for the case');
    expect(within(row).getByText('研判分流')).toBeTruthy();
    const chip = within(row).getByText('黄色预警').closest('[data-warning]');
    expect(chip?.getAttribute('data-warning')).toBe('yellow');
    expect(within(row).getByText('电话')).toBeTruthy();
    expect(await within(row).findByText('岔路镇总工会')).toBeTruthy();
  });

  it('filters by warning colour with chips that toggle', async () => {
    const user = userEvent.setup();
    const { lastFilter } = renderList();
    const chips = await screen.findByRole('group', { name: '预警' });
    await user.click(within(chips).getByText('黄色预警'));
    await waitFor(() => expect(lastFilter()).toEqual({ warning: ['yellow'] }));
    await user.click(within(chips).getByText('红色预警'));
    await waitFor(() => expect(lastFilter()).toEqual({ warning: ['yellow', 'red'] }));
    await user.click(within(chips).getByText('黄色预警'));
    await waitFor(() => expect(lastFilter()).toEqual({ warning: ['red'] }));
    expect(within(chips).getByText('红色预警').closest('[aria-pressed]')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('searches the text', async () => {
    const user = userEvent.setup();
    const { lastFilter } = renderList();
    await user.type(await screen.findByPlaceholderText('搜索标题、内容或编号'), '夜班');
    await waitFor(() => expect(lastFilter()).toEqual({ q: '夜班' }), { timeout: 3000 });
  });

  it('offers every filter of the brief, and the states of the published workflows', async () => {
    const user = userEvent.setup();
    renderList();
    await screen.findByText('下夜班打车难');
    await user.click(screen.getByRole('button', { name: '添加筛选' }));
    const menu = await screen.findByRole('menu');
    for (const label of ['办理环节', '状态', '所属工会', '流程', '负责人', '来源渠道', '企业', '仅看逾期']) expect(within(menu).getByText(label)).toBeTruthy();
    await user.click(within(menu).getByText('办理环节'));
    await user.click(await screen.findByRole('combobox', { name: /办理环节/ }));
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getAllByRole('option').map((o) => o.textContent)).toEqual(['受理', '研判分流', '已归档']);
  });

  it('applies a quick view and keeps the saved queries beside the list', async () => {
    const user = userEvent.setup();
    const { lastFilter } = renderList();
    await screen.findByText('下夜班打车难');
    expect(screen.getByText('已保存的查询')).toBeTruthy();
    await user.click(screen.getByText('已逾期'));
    await waitFor(() => expect(lastFilter()).toEqual({ overdue: true }));
  });
});
