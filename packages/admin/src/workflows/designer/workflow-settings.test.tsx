// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { unionGrievance, type Workflow } from '@shuoshi/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { renderControlled } from '../../testing/render-controlled.js';
import { WorkflowSettings } from './workflow-settings.js';

afterEach(cleanup);

// A small workflow keeps typing fast; the read-only check uses the full grievance template.
const SMALL: Workflow = {
  key: 'night-bus',
  version: 1,
  title: { zh: '夜班公交', en: 'Night bus' },
  description: { zh: '下夜班打车难', en: 'No way home after the night shift' },
  category: 'grievance',
  initial: 'intake',
  fields: {},
  states: {
    intake: { title: { zh: '受理', en: 'Intake' }, transitions: [{ event: 'close', label: { zh: '归档', en: 'Close' }, target: 'closed' }] },
    closed: { title: { zh: '已归档', en: 'Closed' }, final: true, transitions: [] },
  },
};

function renderSettings(initial: Workflow, readOnly = false) {
  return renderControlled(initial, (workflow, onChange) => <WorkflowSettings workflow={workflow} readOnly={readOnly} onChange={onChange} />);
}

describe('WorkflowSettings', () => {
  it('edits the category and calendar, and drops an emptied description', async () => {
    const { last } = renderSettings(SMALL);
    const category = screen.getByTestId('workflow-category');
    await userEvent.clear(category);
    await userEvent.type(category, 'Grievance');
    expect(screen.getByText('分类“Grievance”不符合要求：请以小写字母开头，只用小写字母、数字和下划线，例如 grievance。')).toBeTruthy();
    await userEvent.clear(category);
    expect(Object.hasOwn(last() ?? {}, 'category')).toBe(false);

    await userEvent.click(screen.getByRole('combobox', { name: '工作日历' }));
    await userEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: '自然日历' }));
    expect(last()?.calendar).toBe('natural');

    await userEvent.clear(screen.getByTestId('workflow-description-zh'));
    await userEvent.clear(screen.getByTestId('workflow-description-en'));
    expect(Object.hasOwn(last() ?? {}, 'description')).toBe(false);
  });

  it('writes a cleared public option as false in an overlay, and drops it in a template', async () => {
    const template = renderSettings({ ...SMALL, public: { disclosure: true } });
    await userEvent.click(screen.getByRole('checkbox', { name: '办结后匿名展示在结果公示中' }));
    expect(Object.hasOwn(template.last() ?? {}, 'public')).toBe(false);
    cleanup();

    const overlay = renderSettings({ ...SMALL, key: 'chalu-night-bus', extends: { key: 'night-bus', version: 1 }, public: { disclosure: true } });
    await userEvent.click(screen.getByRole('checkbox', { name: '办结后匿名展示在结果公示中' }));
    expect(overlay.last()?.public).toEqual({ disclosure: false });
  });

  it('disables every input when read-only', () => {
    renderSettings({ ...unionGrievance, roles: { chamber_mediator: { title: { zh: '商会调解员', en: 'Chamber mediator' } } }, actions: { send_sms: { title: { zh: '发短信', en: 'Send an SMS' } } } }, true);
    const settings = screen.getByTestId('workflow-settings');
    // The warning rules' condition builders are among them.
    expect(within(settings).getAllByTestId('condition-builder').length).toBeGreaterThan(0);
    const inputs = [...settings.querySelectorAll('input, textarea')].filter((el) => el.getAttribute('aria-hidden') !== 'true');
    expect(inputs.length).toBeGreaterThan(10);
    for (const input of inputs) expect((input as HTMLInputElement).disabled, input.outerHTML.slice(0, 120)).toBe(true);
    expect(within(settings).queryAllByRole('button', { name: /添加|删除/ })).toEqual([]);
  });
});
