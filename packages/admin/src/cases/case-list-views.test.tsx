// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSession } from '../api/session-store.js';
import { appMessagesEn } from '../i18n/app-messages-en.js';
import { appMessagesZh } from '../i18n/app-messages-zh.js';
import { createUserStore } from '../store/user-store.js';
import { CASE_FIGURES } from './case-figures.js';
import { listCase, renderCaseList } from './case-list.fixture.js';

afterEach(() => {
  cleanup();
  // The list keeps its filters in the URL, the store in localStorage: start every test clean.
  window.history.replaceState(null, '', '/');
  window.localStorage.clear();
});

// The machine is shared: give the list time to send its next query.
const SLOW = { timeout: 5000 };

const LATE_IN_NOVEMBER = { tenantId: 'chalu', figure: 'late', openedFrom: '2026-11-01', openedTo: '2026-11-30' };

function linkHash(filter: Record<string, unknown>, displayed: Record<string, boolean> = {}): string {
  return `#/?${new URLSearchParams({ filter: JSON.stringify(filter), displayedFilters: JSON.stringify(displayed) }).toString()}`;
}

describe('the cases list opened from a dashboard figure', () => {
  it('shows the figure as a chip in Chinese and the days opened in the filter bar, and sends them all', async () => {
    const { lastFilter } = renderCaseList({ hash: linkHash(LATE_IN_NOVEMBER, { openedFrom: true, openedTo: true }) });
    const chip = await screen.findByText('统计口径：超时办结（2026-11-01 至 2026-11-30 受理）');
    expect(chip.closest('[data-figure-filter]')?.getAttribute('data-figure-filter')).toBe('late');
    expect(lastFilter()).toEqual(LATE_IN_NOVEMBER);
    expect(screen.getByLabelText('受理日期从')).toBeTruthy();
    expect(screen.getByLabelText('受理日期至')).toBeTruthy();
  });

  it('names a stock figure without days', async () => {
    renderCaseList({ hash: linkHash({ figure: 'referralsOverdue' }) });
    expect(await screen.findByText('统计口径：有联动超期未答复')).toBeTruthy();
  });

  it('keeps the figure while other filters change, and drops it when its chip is deleted', async () => {
    const user = userEvent.setup();
    const { lastFilter } = renderCaseList({ hash: linkHash(LATE_IN_NOVEMBER, { openedFrom: true, openedTo: true }) });
    await screen.findByText(/统计口径：超时办结/);
    await user.click(within(screen.getByRole('group', { name: '预警' })).getByText('红色预警'));
    await waitFor(() => expect(lastFilter()).toEqual({ ...LATE_IN_NOVEMBER, warning: ['red'] }), SLOW);
    await user.click(screen.getByTitle('取消统计口径').closest('svg') ?? screen.getByTitle('取消统计口径'));
    await waitFor(() => expect(lastFilter()).toEqual({ tenantId: 'chalu', openedFrom: '2026-11-01', openedTo: '2026-11-30', warning: ['red'] }), SLOW);
    expect(screen.queryByText(/统计口径/)).toBeNull();
  });

  it('names every figure in Chinese and English', () => {
    for (const figure of CASE_FIGURES) {
      expect(appMessagesZh.shuoshi.figures[figure], figure).toMatch(/\p{Script=Han}/u);
      expect(appMessagesEn.shuoshi.figures[figure], figure).toMatch(/^[A-Z]/);
    }
  });

  it('shows no chip for a list without a figure, nor for a figure it does not know', async () => {
    renderCaseList({ hash: linkHash({ figure: 'completion' }) });
    await screen.findByText('下夜班打车难');
    expect(screen.queryByText(/统计口径/)).toBeNull();
  });
});

describe('bulk assign', () => {
  it('assigns every selected case with the version it read, and counts those someone else changed', async () => {
    const user = userEvent.setup();
    const assigned: Array<[string, string | null, number]> = [];
    const cases = [listCase(), listCase({ id: 'c2', reference: 'NH-2025-0008', title: '工资拖欠三个月', version: 5 })];
    const { calls } = renderCaseList({
      cases,
      overrides: {
        assignCase: async (id: never, assigneeId: never, version: never) => {
          assigned.push([id, assigneeId, version]);
          if (id === 'c2') throw new HttpError('Case "c2" is at version 6, not 5; read it again and retry.', 409, { error: { status: 409, code: 'VERSION_CONFLICT', message: 'stale' } });
          return { case: listCase({ assigneeId }) };
        },
      },
    });
    await screen.findByText('工资拖欠三个月');
    await user.click(screen.getAllByRole('checkbox', { name: /全选|Select all/ })[0] ?? document.body);
    await user.click(await screen.findByRole('button', { name: '指派' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('指派所选的 2 件事项')).toBeTruthy();
    await user.click(within(dialog).getByRole('combobox', { name: '负责人' }));
    await user.click(await screen.findByRole('option', { name: '岔路调解员' }));
    await user.click(within(dialog).getByRole('button', { name: '指派' }));
    await waitFor(() => expect(assigned).toHaveLength(2), SLOW);
    expect(assigned.sort()).toEqual([
      ['c1', 'chalu.mediator', 2],
      ['c2', 'chalu.mediator', 5],
    ]);
    expect(await screen.findByText('已指派 1 件；1 件已被他人修改未指派；0 件失败。')).toBeTruthy();
    // The versions came from a fresh read of the selected cases.
    expect(calls.some((c) => c.method === 'getMany' && c.args[0] === 'cases')).toBe(true);
  });
});

describe('saved views', () => {
  function signInAs(id: string): void {
    writeSession({ token: `token-${id}`, expiresAt: '2099-01-01T00:00:00Z', user: { id, username: id, displayName: id, roles: ['supervisor'], tenant: { id: 'chalu', name: { zh: '岔路镇总工会', en: 'Chalu Town Union' }, level: 'township', path: '/ninghai/chalu/' } } });
  }

  it('keeps each user their own saved queries, across logouts', async () => {
    const user = userEvent.setup();
    signInAs('chalu.supervisor');
    renderCaseList({ store: createUserStore(), hash: linkHash({ warning: ['red'], status: 'open' }) });
    await user.click(await screen.findByRole('button', { name: '保存当前查询…' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: '查询名称' }), '岔路红色在办');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('岔路红色在办')).toBeTruthy();
    cleanup();

    // Another user of the same browser does not see it.
    signInAs('chalu.mediator');
    const other = renderCaseList({ store: createUserStore(), hash: linkHash({}) });
    await screen.findByText('下夜班打车难');
    expect(screen.queryByText('岔路红色在办')).toBeNull();
    other.view.unmount();
    cleanup();

    // Back as the first user, the query is there and applies its filters.
    signInAs('chalu.supervisor');
    window.history.replaceState(null, '', '/');
    const again = renderCaseList({ store: createUserStore() });
    await user.click(await screen.findByText('岔路红色在办'));
    await waitFor(() => expect(again.lastFilter()).toEqual({ warning: ['red'], status: 'open' }), SLOW);
  });
});
