// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AvailableEvent, CaseRecord, FieldDefinition } from '../../api/types.js';
import { recordingDataProvider, TestAdmin } from '../../testing/test-admin.js';
import { EventFormDialog, eventData, eventFormFields, initialValues } from './event-form-dialog.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// react-admin logs every data provider error to the console; the refusals below are on purpose.
function quietDataProviderErrors(): void {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
}

const FIELDS: Record<string, FieldDefinition> = {
  title: { type: 'text', label: { zh: '诉求标题', en: 'Title' }, required: true, maxLength: 100 },
  category: {
    type: 'select',
    label: { zh: '诉求类别', en: 'Category' },
    options: [
      { value: 'wages', label: { zh: '欠薪', en: 'Wage arrears' } },
      { value: 'safety', label: { zh: '安全生产', en: 'Safety' } },
      { value: 'contract', label: { zh: '劳动合同', en: 'Employment contract' } },
    ],
  },
  workers_affected: { type: 'integer', label: { zh: '涉及职工人数', en: 'Workers affected' }, min: 1 },
  resolution: { type: 'longtext', label: { zh: '办理结果', en: 'Resolution' }, description: { zh: '答复职工的办理结果', en: 'The outcome the worker is told' }, maxLength: 5000 },
  satisfaction: { type: 'rating', label: { zh: '满意度评价', en: 'Satisfaction' }, min: 1, max: 5 },
  worker_phone: { type: 'phone', label: { zh: '联系电话', en: "Worker's phone" }, pii: true },
  common_demand: { type: 'boolean', label: { zh: '共性诉求', en: 'Common demand' } },
  visit_date: { type: 'date', label: { zh: '走访日期', en: 'Visit date' } },
};

const RECORD: CaseRecord = {
  id: 'case-1',
  reference: 'NH-2025-0001',
  tenantId: 'chalu',
  workflow: { key: 'union-grievance', version: 1, tenantId: 'ninghai' },
  state: 'triage',
  stateTitle: { zh: '研判分流', en: 'Triage' },
  status: 'open',
  warning: 'green',
  assigneeId: null,
  channel: 'phone',
  enterpriseId: null,
  title: '下夜班打车难',
  description: '下夜班要走3公里才能打到车',
  data: { title: '下夜班打车难', worker_phone: '138****0000', workers_affected: 12 },
  version: 4,
  dueAt: null,
  overdue: false,
  openedBy: 'chalu.intake',
  openedAt: '2025-09-29T01:00:00Z',
  updatedAt: '2025-09-29T01:00:00Z',
  closedAt: null,
};

function required(field: string, filled = false): AvailableEvent['requires'][number] {
  const definition = FIELDS[field];
  if (!definition) throw new Error(`no test field ${field}`);
  return { field, type: definition.type, label: definition.label, ...(definition.options ? { options: definition.options } : {}), pii: definition.pii === true, filled };
}

function event(name: string, requires: AvailableEvent['requires']): AvailableEvent {
  return { event: name, label: { zh: '转调解', en: 'Route to mediation' }, target: 'mediation', targetTitle: { zh: '调解', en: 'Mediation' }, requires, conditionMet: true };
}

function renderForm(available: AvailableEvent, sendEvent: (...args: never[]) => Promise<unknown>, handlers: { onReload?: () => void; onDone?: (c: CaseRecord) => void } = {}) {
  const { dataProvider, calls } = recordingDataProvider({ sendEvent });
  render(
    <TestAdmin dataProvider={dataProvider}>
      <EventFormDialog record={RECORD} event={available} fields={FIELDS} onClose={() => undefined} onDone={handlers.onDone ?? (() => undefined)} onReload={handlers.onReload ?? (() => undefined)} />
    </TestAdmin>,
  );
  return calls;
}

describe('the event form built from field definitions', () => {
  it('asks for each required field with the workflow label and the widget of its type', async () => {
    renderForm(event('route_to_mediation', [required('category'), required('resolution'), required('satisfaction'), required('visit_date'), required('common_demand')]), async () => ({ case: RECORD }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: '转调解' })).toBeTruthy();
    expect(within(dialog).getByText('执行后进入：调解')).toBeTruthy();
    // A select with few options is a radio group with the options' Chinese labels.
    const category = dialog.querySelector<HTMLElement>('[data-field-type="select"]');
    if (!category) throw new Error('no select field rendered');
    expect(within(category).getByText('诉求类别')).toBeTruthy();
    expect(within(within(category).getByRole('radiogroup')).getAllByRole('radio')).toHaveLength(3);
    expect(within(category).getByLabelText('欠薪')).toBeTruthy();
    // A longtext is a multi-line text box with the field's help text.
    expect(within(dialog).getByRole('textbox', { name: /办理结果/ }).tagName).toBe('TEXTAREA');
    expect(within(dialog).getByText('答复职工的办理结果')).toBeTruthy();
    // A rating is five stars.
    expect(within(dialog).getByLabelText('5 星')).toBeTruthy();
    expect(dialog.querySelector('[data-field-type="date"] input')?.getAttribute('type')).toBe('date');
    // A required yes/no is asked as a choice, not a switch that starts at "no".
    const yesNo = dialog.querySelector<HTMLElement>('[data-field-type="boolean"]');
    if (!yesNo) throw new Error('no boolean field rendered');
    expect(within(yesNo).getByText('共性诉求')).toBeTruthy();
    expect(within(yesNo).getByLabelText('是')).toBeTruthy();
    expect(within(yesNo).getByLabelText('否')).toBeTruthy();
  });

  it('refuses to send while a required field is empty, then sends the values in their types', async () => {
    const user = userEvent.setup();
    const sendEvent = vi.fn(async () => ({ case: { ...RECORD, version: 5, state: 'mediation', stateTitle: { zh: '调解', en: 'Mediation' } } }));
    const done = vi.fn();
    renderForm(event('route_to_mediation', [required('category'), required('satisfaction'), required('resolution')]), sendEvent, { onDone: done });
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '转调解' }));
    await waitFor(() => expect(within(dialog).getAllByText('必填').length).toBeGreaterThan(0));
    expect(sendEvent).not.toHaveBeenCalled();

    await user.click(within(dialog).getByLabelText('欠薪'));
    await user.click(within(dialog).getByLabelText('4 星'));
    await user.type(within(dialog).getByRole('textbox', { name: /办理结果/ }), '已协调企业补发工资');
    await user.click(within(dialog).getByRole('button', { name: '转调解' }));
    await waitFor(() => expect(sendEvent).toHaveBeenCalledTimes(1));
    expect(sendEvent).toHaveBeenCalledWith('case-1', { type: 'route_to_mediation', version: 4, data: { category: 'wages', satisfaction: 4, resolution: '已协调企业补发工资' } });
    await waitFor(() => expect(done).toHaveBeenCalledWith(expect.objectContaining({ state: 'mediation', version: 5 })));
  });

  it('prefills what the case holds, keeps masked personal values out, and sends only changes', async () => {
    const user = userEvent.setup();
    const sendEvent = vi.fn(async () => ({ case: RECORD }));
    renderForm(event('record', [required('workers_affected', true), required('worker_phone', true)]), sendEvent);
    const dialog = await screen.findByRole('dialog');
    const workers = within(dialog).getByRole('spinbutton', { name: /涉及职工人数/ }) as HTMLInputElement;
    expect(workers.value).toBe('12');
    const phone = within(dialog).getByRole('textbox', { name: /联系电话/ }) as HTMLInputElement;
    expect(phone.value).toBe('');
    expect(within(dialog).getByText('已填写（个人信息已遮蔽）；留空则保持不变')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: '转调解' }));
    await waitFor(() => expect(sendEvent).toHaveBeenCalledWith('case-1', { type: 'record', version: 4 }));
  });

  it('checks numbers and phone numbers as the engine does', async () => {
    const user = userEvent.setup();
    const sendEvent = vi.fn(async () => ({ case: RECORD }));
    renderForm(event('record', [required('workers_affected'), required('worker_phone')]), sendEvent);
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('spinbutton', { name: /涉及职工人数/ }), '0');
    await user.type(within(dialog).getByRole('textbox', { name: /联系电话/ }), 'call me');
    await user.click(within(dialog).getByRole('button', { name: '转调解' }));
    await waitFor(() => expect(within(dialog).getByText('不能小于 1')).toBeTruthy());
    expect(within(dialog).getByText('请输入电话号码（数字、空格、+、- 或括号）')).toBeTruthy();
    expect(sendEvent).not.toHaveBeenCalled();
  });

  it('says in plain words that someone else changed the case on a 409, and offers to reload', async () => {
    quietDataProviderErrors();
    const user = userEvent.setup();
    const reload = vi.fn();
    const conflict = new HttpError('Case "case-1" is at version 5, not 4; read it again and retry.', 409, { error: { status: 409, code: 'VERSION_CONFLICT', message: 'Case "case-1" is at version 5, not 4; read it again and retry.' } });
    renderForm(event('accept', []), async () => Promise.reject(conflict), { onReload: reload });
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('确认执行“转调解”吗？')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: '转调解' }));
    expect(await within(dialog).findByText('事项已被他人修改')).toBeTruthy();
    expect(within(dialog).getByText(/其他人已经修改了这件事项/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: '重新加载' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it("shows the engine's message on a 422", async () => {
    quietDataProviderErrors();
    const user = userEvent.setup();
    const message = 'Only the handler\'s colleagues may rate: "chalu.mediator" handled the case.';
    renderForm(event('rate', []), async () => Promise.reject(new HttpError(message, 422, { error: { status: 422, code: 'SEPARATION_OF_DUTIES', message } })));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '转调解' }));
    expect(await within(dialog).findByText('流程不允许此操作')).toBeTruthy();
    expect(within(dialog).getByText(message)).toBeTruthy();
  });
});

describe('the event form values', () => {
  const formFields = eventFormFields(event('e', [required('workers_affected', true), required('worker_phone', true), required('category')]), FIELDS);

  it('starts from the case data without masked personal values', () => {
    expect(initialValues(formFields, RECORD.data)).toEqual({ workers_affected: 12 });
  });

  it('sends only entered or changed values, converted to the field types', () => {
    const initial = initialValues(formFields, RECORD.data);
    expect(eventData(formFields, { workers_affected: 12, worker_phone: '', category: 'wages' }, initial)).toEqual({ category: 'wages' });
    expect(eventData(formFields, { workers_affected: '15', worker_phone: ' 13800000000 ', category: 'safety' }, initial)).toEqual({ workers_affected: 15, worker_phone: '13800000000', category: 'safety' });
  });

  it('falls back to what the available event says when the workflow is not loaded', () => {
    const [first] = eventFormFields(event('e', [required('category')]), undefined);
    expect(first?.field).toEqual({ type: 'select', label: FIELDS['category']?.label, options: FIELDS['category']?.options });
  });
});
