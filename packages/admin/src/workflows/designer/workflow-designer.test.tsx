// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Workflow } from '@shuoshi/engine';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingDataProvider, TestAdmin } from '../../testing/test-admin.js';
import type { WorkflowDetail } from './use-designer-data.js';
import { WorkflowDesigner } from './workflow-designer.js';

// A small flow keeps the diagram, which every edit redraws, quick to render.
const definition: Workflow = {
  key: 'mini-grievance', version: 1, title: { zh: '职工诉求', en: 'Grievance' }, initial: 'intake', fields: {},
  states: {
    intake: { title: { zh: '受理', en: 'Intake' }, transitions: [{ event: 'close', label: { zh: '归档', en: 'Close' }, target: 'closed' }] },
    closed: { title: { zh: '归档', en: 'Closed' }, final: true, transitions: [] },
  },
};
const detail: WorkflowDetail = {
  id: 'mini-grievance@1', tenantId: 'ninghai', key: 'mini-grievance', version: 1, status: 'draft', title: definition.title,
  parent: null, isOverlay: false, definition, overlay: null,
};

vi.mock('../../api/api-fetch.js', () => ({
  apiFetch: async (path: string) => ({ status: 200, headers: new Headers(), body: path.startsWith('/agencies') ? [] : detail }),
  apiErrorOf: () => undefined,
}));

afterEach(cleanup);

describe('the workflow designer page', () => {
  it('undoes and redoes an edit of the name with its buttons and the keyboard', async () => {
    window.history.pushState({}, '', '/#/workflows/mini-grievance@1/design');
    render(
      <TestAdmin dataProvider={recordingDataProvider().dataProvider}>
        <Routes>
          <Route path="/workflows/:id/design" element={<WorkflowDesigner />} />
        </Routes>
      </TestAdmin>,
    );
    // Queries by label and test id: a query by role walks the whole diagram and is slow.
    const undo = (await screen.findByTestId('designer-undo', {}, { timeout: 10_000 })) as HTMLButtonElement;
    const name = screen.getByLabelText('流程名称（中文）') as HTMLInputElement;
    expect(undo.disabled).toBe(true);
    fireEvent.change(name, { target: { value: '岔路镇职工说事' } });
    expect(name.value).toBe('岔路镇职工说事');
    await waitFor(() => expect(undo.disabled).toBe(false));
    fireEvent.click(undo);
    expect(name.value).toBe('职工诉求');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true, shiftKey: true });
    expect(name.value).toBe('岔路镇职工说事');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(name.value).toBe('职工诉求');
  });
});
