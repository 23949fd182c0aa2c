// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FieldDefinition, WarningRule } from '@shuoshi/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { renderControlled } from '../../testing/render-controlled.js';
import { TEST_FIELDS } from './test-fields.js';
import type { Choice } from './use-choices.js';
import { WarningRulesEditor } from './warning-rules-editor.js';

afterEach(cleanup);

type Rules = Record<string, WarningRule>;

const ROLES: Choice[] = [
  { id: 'supervisor', label: '督办人员' },
  { id: 'township_admin', label: '乡镇管理员' },
];

const RULES: Rules = {
  wage_arrears: { title: { zh: '欠薪诉求', en: 'Wage arrears' }, when: { field: 'category', op: 'eq', value: 'wages' }, level: 'yellow', notify: { roles: ['supervisor'] } },
};

function renderEditor(options: { initial?: Rules | undefined; fields?: Record<string, FieldDefinition>; disabled?: boolean } = {}) {
  // An explicit `initial: undefined` means no rules, not the default ones.
  const initial = 'initial' in options ? options.initial : RULES;
  const { fields = TEST_FIELDS, disabled = false } = options;
  return renderControlled<Rules | undefined>(initial, (value, onChange) => <WarningRulesEditor value={value} fields={fields} roles={ROLES} disabled={disabled} onChange={onChange} />);
}

async function pick(scope: HTMLElement, label: string, option: string) {
  await userEvent.click(within(scope).getByRole('combobox', { name: label }));
  await userEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: option }));
}

describe('WarningRulesEditor', () => {
  it('adds a yellow rule on the first field and makes it a named red rule', async () => {
    const { last } = renderEditor({ initial: undefined });
    expect(screen.getByText('还没有数据预警规则。例如：涉及 10 人以上时标为红色预警。')).toBeTruthy();
    await userEvent.type(screen.getByTestId('new-rule-id'), 'many_workers');
    await userEvent.click(screen.getByRole('button', { name: '添加规则' }));
    expect(last()).toEqual({ many_workers: { when: { field: 'workers_affected', op: 'eq', value: 0 }, level: 'yellow' } });

    const rule = screen.getByTestId('rule-many_workers');
    await userEvent.type(screen.getByTestId('rule-many_workers-title-zh'), '涉及10人以上');
    await userEvent.type(screen.getByTestId('rule-many_workers-title-en'), '10 or more workers');
    await pick(rule, '预警颜色', '红色预警');
    await pick(rule, '比较', '大于或等于');
    const value = within(rule).getByRole('textbox', { name: '值' });
    await userEvent.clear(value);
    await userEvent.type(value, '10');
    expect(last()?.['many_workers']).toEqual({ title: { zh: '涉及10人以上', en: '10 or more workers' }, when: { field: 'workers_affected', op: 'gte', value: 10 }, level: 'red' });
  });

  it('sets who is told and drops notify once nobody is', async () => {
    const { last } = renderEditor();
    await userEvent.click(screen.getByText('欠薪诉求'));
    const rule = screen.getByTestId('rule-wage_arrears');
    await userEvent.click(within(rule).getByRole('checkbox', { name: '通知承办人' }));
    expect(last()?.['wage_arrears']?.notify).toEqual({ roles: ['supervisor'], assignee: true });
    await userEvent.click(within(rule).getByRole('combobox', { name: '通知角色' }));
    await userEvent.click(within(await screen.findByRole('listbox')).getByRole('option', { name: '督办人员' }));
    await userEvent.keyboard('{Escape}');
    expect(last()?.['wage_arrears']?.notify).toEqual({ assignee: true });
    await userEvent.click(within(rule).getByRole('checkbox', { name: '通知承办人' }));
    expect(last()?.['wage_arrears']).toEqual({ title: { zh: '欠薪诉求', en: 'Wage arrears' }, when: { field: 'category', op: 'eq', value: 'wages' }, level: 'yellow' });
  });

  it('keeps the last condition of a rule and says why', async () => {
    const { count } = renderEditor();
    await userEvent.click(screen.getByText('欠薪诉求'));
    const rule = screen.getByTestId('rule-wage_arrears');
    await userEvent.click(within(rule).getByRole('button', { name: '删除此条件' }));
    expect(count()).toBe(0);
    expect(within(rule).getAllByTestId('condition-row')).toHaveLength(1);
    expect(within(rule).getByText('规则至少需要一个条件；不再需要时请删除整条规则。')).toBeTruthy();
  });

  it('deletes a rule after confirmation, leaving no rules at all', async () => {
    const { last, count } = renderEditor();
    await userEvent.click(screen.getByText('欠薪诉求'));
    await userEvent.click(within(screen.getByTestId('rule-wage_arrears')).getByRole('button', { name: '删除规则' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '删除' }));
    expect(count()).toBe(1);
    expect(last()).toBeUndefined();
  });

  it('asks for fields before a rule can be added', () => {
    renderEditor({ initial: undefined, fields: {} });
    expect(screen.getByText('请先在“表单字段”中添加字段，才能按字段设置预警规则。')).toBeTruthy();
    expect(screen.queryByTestId('new-rule-id')).toBeNull();
  });

  it('shows rules read-only when disabled', async () => {
    renderEditor({ disabled: true });
    expect(screen.queryByTestId('new-rule-id')).toBeNull();
    await userEvent.click(screen.getByText('欠薪诉求'));
    const rule = screen.getByTestId('rule-wage_arrears');
    expect((screen.getByTestId('rule-wage_arrears-title-zh') as HTMLInputElement).disabled).toBe(true);
    expect((within(rule).getByRole('checkbox', { name: '通知承办人' }) as HTMLInputElement).disabled).toBe(true);
    expect(within(rule).queryByRole('button', { name: '删除规则' })).toBeNull();
  });
});
