// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Workflow } from '@shuoshi/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { localize } from '../../i18n/use-localized.js';
import { renderControlled } from '../../testing/render-controlled.js';
import { NamedEntriesEditor, type NamedEntry } from './named-entries-editor.js';
import { entryUsage, titledUsages } from './node-usage.js';

afterEach(cleanup);

type Entries = Record<string, NamedEntry>;

const AGENCIES: Entries = {
  liaison: { title: { zh: '人大联络站', en: "People's congress liaison station" } },
  bus_company: { title: { zh: '公交公司', en: 'Bus company' }, description: { zh: '县公交公司', en: 'The county bus company' } },
};

const WORKFLOW: Workflow = {
  key: 'night-bus',
  version: 1,
  title: { zh: '夜班公交', en: 'Night bus' },
  initial: 'escalation',
  agencies: AGENCIES,
  fields: {},
  states: {
    escalation: {
      title: { zh: '转办联动', en: 'Escalation' },
      referral: { agency: 'liaison', replyWithin: '10wd', replyEvent: 'reply' },
      transitions: [{ event: 'reply', label: { zh: '收到答复', en: 'Reply' }, target: 'closed' }],
    },
    closed: { title: { zh: '已归档', en: 'Closed' }, final: true, transitions: [] },
  },
};

function renderEditor({ initial = AGENCIES, disabled = false }: { initial?: Entries | undefined; disabled?: boolean } = {}) {
  return renderControlled<Entries | undefined>(initial, (value, onChange) => (
    <NamedEntriesEditor
      name="agency"
      value={value}
      taken={['court', ...Object.keys(value ?? {})]}
      usageOf={(id) => {
        const workflow = { ...WORKFLOW, ...(value ? { agencies: value } : {}) };
        return titledUsages(workflow, entryUsage(workflow, 'agencies', id), (text) => localize(text, 'zh-CN'));
      }}
      newIdLabel="新单位编号"
      addLabel="添加单位"
      disabled={disabled}
      onChange={onChange}
    />
  ));
}

describe('NamedEntriesEditor', () => {
  it('adds an entry by id, refusing a taken one, and opens it named after its id', async () => {
    const { last, count } = renderEditor();
    const id = screen.getByTestId('new-agency-id');
    await userEvent.type(id, 'court');
    await userEvent.click(screen.getByRole('button', { name: '添加单位' }));
    expect(await screen.findByText('编号“court”已被使用：请换一个。')).toBeTruthy();
    expect(count()).toBe(0);
    await userEvent.clear(id);
    await userEvent.type(id, 'housing_bureau');
    await userEvent.click(screen.getByRole('button', { name: '添加单位' }));
    expect(last()?.['housing_bureau']).toEqual({ title: { zh: 'housing_bureau', en: 'housing_bureau' } });
    expect((screen.getByTestId('agency-housing_bureau-title-zh') as HTMLInputElement).value).toBe('housing_bureau');
  });

  it('edits the name and the description, and drops an emptied description', async () => {
    const { last } = renderEditor();
    await userEvent.click(screen.getByText('人大联络站'));
    const zh = screen.getByTestId('agency-liaison-title-zh');
    await userEvent.clear(zh);
    await userEvent.type(zh, '岔路镇人大联络站');
    await userEvent.type(screen.getByTestId('agency-liaison-description-zh'), '每月接待');
    expect(last()?.['liaison']).toEqual({ title: { zh: '岔路镇人大联络站', en: "People's congress liaison station" }, description: { zh: '每月接待', en: '' } });

    await userEvent.click(screen.getByText('公交公司'));
    await userEvent.clear(screen.getByTestId('agency-bus_company-description-zh'));
    await userEvent.clear(screen.getByTestId('agency-bus_company-description-en'));
    expect(last()?.['bus_company']).toEqual({ title: { zh: '公交公司', en: 'Bus company' } });
  });

  it('refuses to delete an entry a state still names, and deletes an unused one after confirmation', async () => {
    const { last, count } = renderEditor();
    await userEvent.click(screen.getByText('人大联络站'));
    await userEvent.click(within(screen.getByTestId('agency-liaison')).getByRole('button', { name: '删除' }));
    const refusal = await screen.findByRole('dialog');
    expect(within(refusal).getByText('“人大联络站”还不能删除')).toBeTruthy();
    expect(within(refusal).getByText('环节“转办联动”转办给它')).toBeTruthy();
    expect(within(refusal).queryByRole('button', { name: '删除' })).toBeNull();
    await userEvent.click(within(refusal).getByRole('button', { name: '知道了' }));
    expect(count()).toBe(0);

    await userEvent.click(screen.getByText('公交公司'));
    await userEvent.click(within(screen.getByTestId('agency-bus_company')).getByRole('button', { name: '删除' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '删除' }));
    expect(Object.keys(last() ?? {})).toEqual(['liaison']);
  });

  it('gives undefined once the last entry is deleted', async () => {
    const { last, count } = renderEditor({ initial: { bus_company: AGENCIES['bus_company'] as NamedEntry } });
    await userEvent.click(screen.getByText('公交公司'));
    await userEvent.click(within(screen.getByTestId('agency-bus_company')).getByRole('button', { name: '删除' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '删除' }));
    expect(count()).toBe(1);
    expect(last()).toBeUndefined();
  });

  it('shows entries read-only when disabled', async () => {
    renderEditor({ disabled: true });
    expect(screen.queryByTestId('new-agency-id')).toBeNull();
    await userEvent.click(screen.getByText('公交公司'));
    expect((screen.getByTestId('agency-bus_company-title-zh') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('agency-bus_company-description-en') as HTMLInputElement).disabled).toBe(true);
    expect(within(screen.getByTestId('agency-bus_company')).queryByRole('button', { name: '删除' })).toBeNull();
  });
});
