// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FieldDefinition } from '@shuoshi/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { renderControlled } from '../../testing/render-controlled.js';
import { FieldBuilder } from './field-builder.js';
import type { Usage } from './node-usage.js';

afterEach(cleanup);

type Fields = Record<string, FieldDefinition>;

const FIELDS: Fields = {
  outcome: { type: 'longtext', label: { zh: '办理结果', en: 'Outcome' }, maxLength: 2000 },
  orchard: { type: 'text', label: { zh: '果园名称', en: 'Orchard' } },
  satisfaction: { type: 'rating', label: { zh: '满意度', en: 'Satisfaction' }, locked: true },
};

function renderBuilder(initial: Fields = FIELDS) {
  const usage: Record<string, Usage[]> = { outcome: [{ key: 'required_by', values: { state: '直接办理', event: '办结' } }] };
  return renderControlled(initial, (fields, onChange) => <FieldBuilder fields={fields} usageOf={(id) => usage[id] ?? []} onChange={onChange} />);
}

describe('FieldBuilder', () => {
  it('adds a field by id, refusing a malformed or a taken id with the id quoted', async () => {
    const { last, count } = renderBuilder();
    const id = screen.getByTestId('new-field-id');
    await userEvent.type(id, 'Orchard Name');
    await userEvent.click(screen.getByRole('button', { name: '添加字段' }));
    expect(await screen.findByText(/编号“Orchard Name”不符合要求/)).toBeTruthy();
    await userEvent.clear(id);
    await userEvent.type(id, 'orchard');
    await userEvent.click(screen.getByRole('button', { name: '添加字段' }));
    expect(await screen.findByText('编号“orchard”已被使用：请换一个。')).toBeTruthy();
    expect(count()).toBe(0);
    await userEvent.clear(id);
    await userEvent.type(id, 'fruit_kind');
    await userEvent.click(screen.getByRole('button', { name: '添加字段' }));
    expect(last()?.['fruit_kind']).toEqual({ type: 'text', label: { zh: '', en: '' } });
  });

  it('edits labels, flags and turns a text field into a choice with options', async () => {
    const { last } = renderBuilder();
    await userEvent.click(screen.getByText('果园名称'));
    const zh = screen.getByTestId('field-orchard-label-zh');
    await userEvent.clear(zh);
    await userEvent.type(zh, '果园');
    await userEvent.click(within(screen.getByTestId('field-orchard')).getByRole('checkbox', { name: '个人信息' }));
    expect(last()?.['orchard']).toEqual({ type: 'text', label: { zh: '果园', en: 'Orchard' }, pii: true });

    await userEvent.click(within(screen.getByTestId('field-orchard')).getByRole('combobox', { name: '类型' }));
    await userEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: '单选' }));
    expect(last()?.['orchard']?.options).toEqual([{ value: 'option_1', label: { zh: '选项一', en: 'Option 1' } }]);
    await userEvent.click(screen.getByRole('button', { name: '添加选项' }));
    expect(last()?.['orchard']?.options).toHaveLength(2);
  });

  it('keeps only the keys that fit a new type', async () => {
    const { last } = renderBuilder();
    await userEvent.click(screen.getByText('办理结果'));
    await userEvent.click(within(screen.getByTestId('field-outcome')).getByRole('combobox', { name: '类型' }));
    await userEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: '整数' }));
    expect(last()?.['outcome']).toEqual({ type: 'integer', label: { zh: '办理结果', en: 'Outcome' } });
  });

  it('refuses to delete a field a transition still requires, and deletes an unused one after confirmation', async () => {
    const { last, count } = renderBuilder();
    await userEvent.click(screen.getByText('办理结果'));
    await userEvent.click(within(screen.getByTestId('field-outcome')).getByRole('button', { name: '删除字段' }));
    const refusal = await screen.findByRole('dialog');
    expect(within(refusal).getByText('“办理结果”还不能删除')).toBeTruthy();
    expect(within(refusal).getByText('环节“直接办理”的操作“办结”要求填写它')).toBeTruthy();
    expect(within(refusal).queryByRole('button', { name: '删除' })).toBeNull();
    await userEvent.click(within(refusal).getByRole('button', { name: '知道了' }));
    expect(count()).toBe(0);

    await userEvent.click(screen.getByText('果园名称'));
    await userEvent.click(within(screen.getByTestId('field-orchard')).getByRole('button', { name: '删除字段' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '删除' }));
    expect(Object.keys(last() ?? {})).toEqual(['outcome', 'satisfaction']);
  });

  it('shows a field the template locks without ways to change or delete it', async () => {
    renderBuilder();
    await userEvent.click(screen.getByText('满意度'));
    const locked = screen.getByTestId('field-satisfaction');
    expect(within(locked).getByLabelText('模板锁定')).toBeTruthy();
    expect((within(locked).getByTestId('field-satisfaction-label-zh') as HTMLInputElement).disabled).toBe(true);
    expect(within(locked).queryByRole('button', { name: '删除字段' })).toBeNull();
  });
});
