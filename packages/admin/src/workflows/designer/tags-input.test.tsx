// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { renderControlled } from '../../testing/render-controlled.js';
import { TagsInput } from './tags-input.js';

afterEach(cleanup);

function renderInput(initial?: string[]) {
  return renderControlled<string[] | undefined>(initial, (value, onChange) => <TagsInput label="标签" value={value} name="tags" onChange={onChange} />);
}

describe('TagsInput', () => {
  it('adds a typed tag on Enter and a known one from the list', async () => {
    const { last } = renderInput();
    await userEvent.type(screen.getByTestId('tags'), 'night_shift{Enter}');
    expect(last()).toEqual(['night_shift']);
    await userEvent.click(screen.getByTestId('tags'));
    await userEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: 'resolved · 计为办结' }));
    expect(last()).toEqual(['night_shift', 'resolved']);
  });

  it('refuses a malformed tag, quoting it and keeping it for correction', async () => {
    const { count } = renderInput(['resolved']);
    await userEvent.type(screen.getByTestId('tags'), 'Night Shift{Enter}');
    expect(count()).toBe(0);
    expect(screen.getByText('标签“Night Shift”不符合要求：请以小写字母开头，只用小写字母、数字和下划线。')).toBeTruthy();
    expect((screen.getByTestId('tags') as HTMLInputElement).value).toBe('Night Shift');
  });

  it('gives undefined once the last tag is removed', async () => {
    const { last } = renderInput(['resolved']);
    await userEvent.type(screen.getByTestId('tags'), '{Backspace}');
    expect(last()).toBeUndefined();
  });
});
