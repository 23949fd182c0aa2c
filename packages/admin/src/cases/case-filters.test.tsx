// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderCaseList } from './case-list.fixture.js';

afterEach(() => {
  cleanup();
  // The list keeps its filters in the URL: start every test from a clean one.
  window.history.replaceState(null, '', '/');
});

describe('the cases list filters', () => {
  it('shows the cases in Chinese with the warning as a coloured chip', async () => {
    renderCaseList();
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
    const { lastFilter } = renderCaseList();
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
    const { lastFilter } = renderCaseList();
    await user.type(await screen.findByPlaceholderText('搜索标题、内容或编号'), '夜班');
    await waitFor(() => expect(lastFilter()).toEqual({ q: '夜班' }), { timeout: 3000 });
  });

  it('offers every filter of the brief, and the states of the published workflows', async () => {
    const user = userEvent.setup();
    renderCaseList();
    await screen.findByText('下夜班打车难');
    await user.click(screen.getByRole('button', { name: '添加筛选' }));
    const menu = await screen.findByRole('menu');
    for (const label of ['办理环节', '状态', '所属工会', '流程', '负责人', '来源渠道', '企业', '仅看逾期', '受理日期从', '受理日期至']) expect(within(menu).getByText(label)).toBeTruthy();
    await user.click(within(menu).getByText('办理环节'));
    await user.click(await screen.findByRole('combobox', { name: /办理环节/ }));
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getAllByRole('option').map((o) => o.textContent)).toEqual(['受理', '研判分流', '已归档']);
  });

  it('applies a quick view and keeps the saved queries beside the list', async () => {
    const user = userEvent.setup();
    const { lastFilter } = renderCaseList();
    await screen.findByText('下夜班打车难');
    expect(screen.getByText('已保存的查询')).toBeTruthy();
    await user.click(screen.getByText('已逾期'));
    await waitFor(() => expect(lastFilter()).toEqual({ overdue: true }));
  });

  it('narrows to the days the cases were opened', async () => {
    const user = userEvent.setup();
    const { lastFilter } = renderCaseList();
    await screen.findByText('下夜班打车难');
    await user.click(screen.getByRole('button', { name: '添加筛选' }));
    await user.click(within(await screen.findByRole('menu')).getByText('受理日期从'));
    await user.type(await screen.findByLabelText('受理日期从'), '2026-11-01');
    await waitFor(() => expect(lastFilter()).toEqual({ openedFrom: '2026-11-01' }), { timeout: 5000 });
  });
});
