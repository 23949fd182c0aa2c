// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Condition } from '@shuoshi/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { renderControlled } from '../../testing/render-controlled.js';
import { ConditionBuilder } from './condition-builder.js';
import { TEST_FIELDS } from './test-fields.js';

afterEach(cleanup);

function renderBuilder(initial?: Condition, disabled = false) {
  return renderControlled<Condition | undefined>(initial, (value, onChange) => <ConditionBuilder value={value} fields={TEST_FIELDS} disabled={disabled} onChange={onChange} />);
}

async function pick(label: string, option: string, index = 0) {
  const boxes = await screen.findAllByRole('combobox', { name: label });
  const box = boxes[index];
  if (!box) throw new Error(`no ${label} #${index}`);
  await userEvent.click(box);
  const listbox = await screen.findByRole('listbox');
  await userEvent.click(within(listbox).getByRole('option', { name: option }));
}

async function optionsOf(label: string, index = 0): Promise<string[]> {
  const box = (await screen.findAllByRole('combobox', { name: label }))[index];
  if (!box) throw new Error(`no ${label}`);
  await userEvent.click(box);
  const listbox = await screen.findByRole('listbox');
  const names = within(listbox).getAllByRole('option').map((o) => o.textContent ?? '');
  await userEvent.keyboard('{Escape}');
  return names;
}

describe('ConditionBuilder', () => {
  it('starts without a condition and adds a comparison on the first field', async () => {
    const { last } = renderBuilder();
    expect(screen.getByText('无条件：任何时候都可以操作')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '添加条件' }));
    expect(last()).toEqual({ field: 'workers_affected', op: 'eq', value: 0 });
  });

  it("offers only the operators that fit each field's type", async () => {
    renderBuilder({ field: 'workers_affected', op: 'eq', value: 0 });
    const numeric = await optionsOf('比较');
    expect(numeric).toEqual(['等于', '不等于', '大于', '大于或等于', '小于', '小于或等于', '是其中之一', '不是其中任何一个', '已填写', '未填写']);
    await pick('字段', '共性诉求');
    expect(await optionsOf('比较')).toEqual(['等于', '不等于', '已填写', '未填写']);
    await pick('字段', '诉求内容');
    expect(await optionsOf('比较')).toContain('包含');
  });

  it('builds a typed value, combines rows with all/any and negates one', async () => {
    const { last } = renderBuilder({ field: 'workers_affected', op: 'eq', value: 0 });
    await pick('比较', '大于或等于');
    const input = screen.getByRole('textbox', { name: '值' });
    await userEvent.clear(input);
    await userEvent.type(input, '10');
    expect(last()).toEqual({ field: 'workers_affected', op: 'gte', value: 10 });

    await userEvent.click(screen.getByRole('button', { name: '添加条件' }));
    await pick('字段', '诉求类别', 1);
    await pick('值', '通勤');
    expect(last()).toEqual({ all: [{ field: 'workers_affected', op: 'gte', value: 10 }, { field: 'category', op: 'eq', value: 'commute' }] });

    await userEvent.click(screen.getByRole('button', { name: '满足任一' }));
    await userEvent.click(screen.getAllByRole('checkbox', { name: '不' })[1] as HTMLElement);
    expect(last()).toEqual({ any: [{ field: 'workers_affected', op: 'gte', value: 10 }, { not: { field: 'category', op: 'eq', value: 'commute' } }] });
  });

  it('takes a list of options for "is one of" and no value for "is filled in"', async () => {
    const { last } = renderBuilder({ field: 'category', op: 'eq', value: 'wages' });
    await pick('比较', '是其中之一');
    expect(last()).toEqual({ field: 'category', op: 'in', value: ['wages'] });
    await pick('比较', '已填写');
    expect(last()).toEqual({ field: 'category', op: 'exists' });
    expect(screen.queryByRole('combobox', { name: '值' })).toBeNull();
  });

  it('removes the last row and with it the condition', async () => {
    const { last } = renderBuilder({ field: 'common_demand', op: 'eq', value: true });
    await userEvent.click(screen.getByRole('button', { name: '删除此条件' }));
    expect(last()).toBeUndefined();
    expect(screen.getByRole('button', { name: '添加条件' })).toBeTruthy();
  });

  it('disables every input and offers no add or remove when disabled', async () => {
    const { count } = renderBuilder({ any: [{ field: 'workers_affected', op: 'gte', value: 10 }, { not: { field: 'category', op: 'in', value: ['wages'] } }, { all: [{ field: 'common_demand', op: 'eq', value: true }] }] }, true);
    const builder = screen.getByTestId('condition-builder');
    const inputs = [...builder.querySelectorAll('input, textarea')].filter((el) => el.getAttribute('aria-hidden') !== 'true');
    expect(inputs.length).toBeGreaterThan(3);
    for (const input of inputs) expect((input as HTMLInputElement).disabled, input.outerHTML.slice(0, 120)).toBe(true);
    // MUI's selects are not inputs: a keyboard user reaches them by their combobox role.
    const boxes = within(builder).getAllByRole('combobox');
    expect(boxes).toHaveLength(8);
    for (const box of boxes) expect(box.getAttribute('aria-disabled')).toBe('true');
    for (const button of within(builder).getAllByRole('button')) expect((button as HTMLButtonElement).disabled, button.textContent ?? '').toBe(true);
    expect(within(builder).queryAllByRole('button', { name: /添加|删除/ })).toEqual([]);

    await userEvent.tab();
    expect(builder.contains(document.activeElement)).toBe(false);
    await userEvent.type(within(builder).getByRole('textbox', { name: '值' }), '5');
    expect(count()).toBe(0);
  });

  it('offers no way to add a condition when disabled and empty', () => {
    renderBuilder(undefined, true);
    expect(screen.getByText('无条件：任何时候都可以操作')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '添加条件' })).toBeNull();
  });
});
