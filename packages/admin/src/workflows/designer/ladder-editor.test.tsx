// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LadderStep } from '@shuoshi/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { renderControlled } from '../../testing/render-controlled.js';
import { LadderEditor } from './ladder-editor.js';
import type { Choice } from './use-choices.js';

afterEach(cleanup);

const ROLES: Choice[] = [{ id: 'supervisor', label: '督办人员' }];
const LADDER: LadderStep[] = [{ at: '80%', level: 'yellow' }];

function renderEditor(initial: LadderStep[] | undefined, disabled = false) {
  return renderControlled<LadderStep[] | undefined>(initial, (value, onChange) => <LadderEditor value={value} roles={ROLES} disabled={disabled} onChange={onChange} />);
}

describe('LadderEditor', () => {
  it('adds a red step after the yellow one and removes the last step, leaving no ladder', async () => {
    const { last } = renderEditor(LADDER);
    await userEvent.click(screen.getByRole('button', { name: '添加预警' }));
    expect(last()).toEqual([...LADDER, { at: '100%', level: 'red', notify: { roles: ['supervisor'] } }]);
    for (const button of screen.getAllByRole('button', { name: '删除此级预警' }).reverse()) await userEvent.click(button);
    expect(last()).toBeUndefined();
  });

  it('shows the steps read-only, without add or remove buttons, when disabled', () => {
    renderEditor(LADDER, true);
    expect((screen.getByRole('textbox', { name: '触发点' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: '添加预警' })).toBeNull();
    expect(screen.queryByRole('button', { name: '删除此级预警' })).toBeNull();
  });
});
