// @vitest-environment happy-dom
import { unionGrievance } from '@shuoshi/engine';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingDataProvider, TestAdmin } from '../../testing/test-admin.js';
import { RebasePanel } from './rebase-panel.js';
import { WorkflowApiContext, type RebaseConflict, type WorkflowApi, type WorkflowDetail, type WorkflowSummary } from './workflow-api.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const summary = (key: string, version: number, tenantId: string): WorkflowSummary => ({
  id: `${key}@${version}`, tenantId, key, version, status: 'published', title: { zh: key, en: key }, parent: null, isOverlay: false, runningCases: 0, note: null, createdBy: null, createdAt: '2025-09-01T00:00:00Z', publishedAt: '2025-09-01T00:00:00Z',
});

const OVERLAY: WorkflowDetail = { ...summary('huchen-quick-triage', 1, 'huchen'), parent: { tenantId: 'ninghai', key: 'union-grievance', version: 1 }, isOverlay: true, definition: unionGrievance, overlay: { states: { triage: { sla: { within: '3wd' } } } } };

const CONFLICTS: RebaseConflict[] = [
  { code: 'BOTH_CHANGED', path: 'states.triage.sla', segments: ['states', 'triage', 'sla'], message: 'Both change states.triage.sla', base: { within: '1wd' }, template: { within: '2wd' }, overlay: { within: '3wd' } },
  { code: 'LOCKED_NODE', path: 'states.reopened', segments: ['states', 'reopened'], message: 'Locked', base: { title: { zh: '重新办理', en: 'Reopened' } }, template: { title: { zh: '重新办理', en: 'Reopened' } }, overlay: { sla: { within: '2wd' } } },
];

function renderPanel(rebase: WorkflowApi['rebase'], onRebased = vi.fn()) {
  const refuse = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  const api: WorkflowApi = {
    list: async () => [summary('union-grievance', 1, 'ninghai'), summary('union-grievance', 2, 'ninghai')],
    show: async () => ({ ...summary('union-grievance', 2, 'ninghai'), definition: { ...unionGrievance, version: 2 }, overlay: null }),
    rebase,
    createDraft: refuse, createOverlay: refuse, diff: refuse, validate: refuse, publish: refuse, retire: refuse, migrate: refuse,
  };
  const { dataProvider } = recordingDataProvider();
  render(
    <TestAdmin dataProvider={dataProvider} roles={['township_admin']}>
      <WorkflowApiContext.Provider value={api}>
        <RebasePanel record={OVERLAY} onRebased={onRebased} />
      </WorkflowApiContext.Provider>
    </TestAdmin>,
  );
  return onRebased;
}

describe('the rebase panel', () => {
  it('shows each conflict with the three values, settles it in the form, then rebases with the choices', async () => {
    const user = userEvent.setup();
    const rebased = { ...OVERLAY, id: 'huchen-quick-triage@2', version: 2, status: 'draft' as const };
    const rebase = vi.fn<WorkflowApi['rebase']>(async (_id, _parent, resolutions) => {
      if (Object.keys(resolutions).length === 0) throw new HttpError('conflicts', 422, { error: { status: 422, code: 'OVERLAY_CONFLICTS', message: 'conflicts', details: { conflicts: CONFLICTS } } });
      return rebased;
    });
    const onRebased = renderPanel(rebase);
    expect(await screen.findByText('模板 union-grievance 已发布第 2 版（本流程依据第 1 版）。跟进后会生成新草稿，包含模板的新改动和本乡镇的定制。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '跟进到第 2 版' }));

    const sla = await screen.findByText((_, el) => el?.getAttribute('data-path') === 'states.triage.sla');
    expect(within(sla).getAllByRole('cell').slice(0, 4).map((c) => c.textContent)).toEqual(['环节「研判分流」 › 办理时限模板和本乡镇都修改了这里', '1 个工作日', '2 个工作日', '3 个工作日']);
    // A newly locked step can only follow the template, which is chosen already.
    const locked = document.querySelector<HTMLElement>('[data-path="states.reopened"]')!;
    expect(within(locked).getByLabelText('保留我的')).toHaveProperty('disabled', true);
    expect(within(locked).getByLabelText('采用模板的')).toHaveProperty('checked', true);

    const go = screen.getByRole('button', { name: '按所选方式跟进到第 2 版' });
    expect(go).toHaveProperty('disabled', true);
    await user.click(within(sla).getByLabelText('保留我的'));
    await waitFor(() => expect(go).toHaveProperty('disabled', false));
    await user.click(go);
    await waitFor(() => expect(onRebased).toHaveBeenCalledWith(rebased));
    expect(rebase.mock.calls[1]).toEqual(['huchen-quick-triage@1', { key: 'union-grievance', version: 2 }, { 'states.triage.sla': 'mine', 'states.reopened': 'template' }]);
  });
});
