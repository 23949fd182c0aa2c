// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StateDefinition, Transition } from '@shuoshi/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { renderControlled } from '../../testing/render-controlled.js';
import { TimeoutEditor } from './timeout-editor.js';

afterEach(cleanup);

type Timeout = NonNullable<StateDefinition['onTimeout']>;

const TRANSITIONS: Transition[] = [
  { event: 'settle', label: { zh: '调解成功', en: 'Settled' }, target: 'resolved' },
  { event: 'hand_to_arbitration', label: { zh: '移交仲裁', en: 'Hand to arbitration' }, target: 'arbitration' },
];

function renderEditor(options: { initial?: Timeout; transitions?: Transition[]; sla?: string | undefined; disabled?: boolean } = {}) {
  const { initial, transitions = TRANSITIONS, disabled = false } = options;
  // An explicit `sla: undefined` is a state without an SLA, not the default one.
  const sla = 'sla' in options ? options.sla : '15d';
  return renderControlled<Timeout | undefined>(initial, (value, onChange) => <TimeoutEditor value={value} transitions={transitions} sla={sla} disabled={disabled} onChange={onChange} />);
}

const ENABLED = '时限到期时由系统自动执行一个操作';

describe('TimeoutEditor', () => {
  it("turns on with the state's first event, timed by the SLA until a time is given", async () => {
    const { last } = renderEditor();
    await userEvent.click(screen.getByRole('checkbox', { name: ENABLED }));
    expect(last()).toEqual({ event: 'settle' });
    expect(screen.getByText('超时时间留空，则在本环节的办理时限（15 自然日）到期时执行。')).toBeTruthy();

    await userEvent.click(screen.getByRole('combobox', { name: '自动执行的操作' }));
    await userEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: '移交仲裁' }));
    expect(last()).toEqual({ event: 'hand_to_arbitration' });

    await userEvent.type(screen.getByTestId('timeout-after-amount'), '20');
    expect(last()).toEqual({ event: 'hand_to_arbitration', after: '20wd' });
    expect(screen.queryByText(/超时时间留空/)).toBeNull();
    await userEvent.clear(screen.getByTestId('timeout-after-amount'));
    expect(last()).toEqual({ event: 'hand_to_arbitration' });

    await userEvent.click(screen.getByRole('checkbox', { name: ENABLED }));
    expect(last()).toBeUndefined();
  });

  it('asks for a time when the state has no SLA', () => {
    renderEditor({ initial: { event: 'settle' }, sla: undefined });
    expect(screen.getByText('本环节没有设置办理时限：请填写超时时间，或先设置办理时限。')).toBeTruthy();
  });

  it('cannot be turned on in a state without events', () => {
    renderEditor({ transitions: [] });
    expect((screen.getByRole('checkbox', { name: ENABLED }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('本环节还没有操作：先添加一个操作，才能设置超时自动处理。')).toBeTruthy();
  });

  it('keeps an event that is no longer a transition visible for validation to name', async () => {
    renderEditor({ initial: { event: 'expire' } });
    await userEvent.click(screen.getByRole('combobox', { name: '自动执行的操作' }));
    const options = within(await screen.findByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['调解成功', '移交仲裁', 'expire']);
  });

  it('disables everything when disabled', () => {
    renderEditor({ initial: { event: 'settle', after: '15wd' }, disabled: true });
    expect((screen.getByRole('checkbox', { name: ENABLED }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('timeout-after-amount') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByRole('combobox', { name: '自动执行的操作' }).getAttribute('aria-disabled')).toBe('true');
  });
});
