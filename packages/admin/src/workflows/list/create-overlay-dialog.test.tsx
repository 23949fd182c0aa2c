// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingDataProvider, TestAdmin } from '../../testing/test-admin.js';
import { WorkflowApiContext, type WorkflowApi, type WorkflowDetail, type WorkflowSummary } from '../lifecycle/workflow-api.js';
import { CreateOverlayDialog } from './create-overlay-dialog.js';

afterEach(cleanup);

const TEMPLATE: WorkflowSummary = {
  id: 'union-grievance@1', tenantId: 'ninghai', key: 'union-grievance', version: 1, status: 'published', title: { zh: '职工诉求处理', en: 'Union grievance' }, parent: null, isOverlay: false,
  runningCases: 11, note: null, createdBy: null, createdAt: '2025-09-01T00:00:00Z', publishedAt: '2025-09-01T00:00:00Z',
};

function renderDialog(createOverlay: WorkflowApi['createOverlay'], onCreated = vi.fn()) {
  const refuse = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  const api: WorkflowApi = { list: async () => [TEMPLATE], createOverlay, show: refuse, createDraft: refuse, diff: refuse, validate: refuse, publish: refuse, retire: refuse, rebase: refuse, migrate: refuse };
  const { dataProvider } = recordingDataProvider();
  render(
    <TestAdmin dataProvider={dataProvider} roles={['township_admin']}>
      <WorkflowApiContext.Provider value={api}>
        <CreateOverlayDialog open onClose={() => undefined} onCreated={onCreated} />
      </WorkflowApiContext.Provider>
    </TestAdmin>,
  );
  return onCreated;
}

describe('the overlay dialog', () => {
  it('creates an overlay of the chosen template under the key given, and hands over the draft', async () => {
    const user = userEvent.setup();
    const draft = { ...TEMPLATE, id: 'chalu-chamber@1', key: 'chalu-chamber', status: 'draft', definition: {}, overlay: {} } as WorkflowDetail;
    const createOverlay = vi.fn<WorkflowApi['createOverlay']>(async () => draft);
    const onCreated = renderDialog(createOverlay);
    const dialog = await screen.findByRole('dialog');
    const create = within(dialog).getByRole('button', { name: '创建并打开设计器' });
    expect(create).toHaveProperty('disabled', true);

    await user.click(within(dialog).getByRole('combobox', { name: '模板' }));
    await user.click(await screen.findByRole('option', { name: '职工诉求处理 · union-grievance v1' }));
    const key = within(dialog).getByRole('textbox', { name: '流程标识' });
    await user.clear(key);
    await user.type(key, 'Chalu Chamber');
    expect(within(dialog).getByText('流程标识“ChaluChamber”不符合要求：请只用小写英文字母、数字和连字符，并以字母开头，例如 huchen-help-farmers。')).toBeTruthy();
    expect(create).toHaveProperty('disabled', true);

    await user.clear(key);
    await user.type(key, 'chalu-chamber');
    await user.click(create);
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(draft));
    expect(createOverlay).toHaveBeenCalledWith({ key: 'union-grievance', version: 1 }, { key: 'chalu-chamber' });
  });
});
