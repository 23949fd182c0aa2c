// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EntryEffect } from '@shuoshi/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { renderControlled } from '../../testing/render-controlled.js';
import { EntryEffectsEditor } from './entry-effects-editor.js';
import type { Choice } from './use-choices.js';

afterEach(cleanup);

const ROLES: Choice[] = [{ id: 'supervisor', label: '督办人员' }];
const EFFECTS: EntryEffect[] = [{ type: 'requestFollowUp', within: '3wd' }];

function renderEditor(initial: EntryEffect[] | undefined, disabled = false) {
  return renderControlled<EntryEffect[] | undefined>(initial, (value, onChange) => <EntryEffectsEditor value={value} roles={ROLES} actions={[]} disabled={disabled} onChange={onChange} />);
}

describe('EntryEffectsEditor', () => {
  it('adds a notification to the worker and removes every effect, leaving none', async () => {
    const { last } = renderEditor(EFFECTS);
    await userEvent.click(screen.getByRole('button', { name: '添加效果' }));
    expect(last()).toEqual([...EFFECTS, { type: 'notify', to: { worker: true }, message: { zh: '', en: '' } }]);
    for (const button of screen.getAllByRole('button', { name: '删除此效果' }).reverse()) await userEvent.click(button);
    expect(last()).toBeUndefined();
  });

  it('shows the effects read-only, without add or remove buttons, when disabled', () => {
    renderEditor(EFFECTS, true);
    expect(screen.getByRole('combobox', { name: '类型' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.queryByRole('button', { name: '添加效果' })).toBeNull();
    expect(screen.queryByRole('button', { name: '删除此效果' })).toBeNull();
  });
});
