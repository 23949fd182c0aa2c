// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PublicI18nProvider } from '../public/public-i18n.js';
import { MatterForm } from './matter-form.js';
import type { FiledMatter, PublicUnions, PublicWorkflowForm } from './public-types.js';
import { unionOptions } from './union-options.js';

const GRIEVANCE: PublicWorkflowForm = {
  key: 'union-grievance',
  version: 1,
  title: { zh: '职工诉求处理', en: "Workers' matter handling" },
  anonymousAllowed: true,
  namedAllowed: true,
  fields: [
    { input: 'title', field: 'title', type: 'text', label: { zh: '诉求标题', en: 'Title' }, required: 'always', personal: false, maxLength: 20 },
    { input: 'description', field: 'description', type: 'longtext', label: { zh: '诉求内容', en: 'Description' }, required: 'always', personal: false, maxLength: 5000 },
    { input: 'category', field: 'category', type: 'select', label: { zh: '诉求类别', en: 'Category' }, required: 'no', personal: false, options: [{ value: 'wages', label: { zh: '欠薪', en: 'Wage arrears' } }, { value: 'commute', label: { zh: '通勤出行', en: 'Commuting' } }] },
    { input: 'name', field: 'worker_name', type: 'text', label: { zh: '职工姓名', en: "Worker's name" }, required: 'when_named', personal: true, maxLength: 50 },
    { input: 'phone', field: 'worker_phone', type: 'phone', label: { zh: '联系电话', en: "Worker's phone" }, required: 'when_named', personal: true },
  ],
};
const IDEA: PublicWorkflowForm = { ...GRIEVANCE, key: 'golden-idea', title: { zh: '金点子', en: 'Golden idea' }, fields: GRIEVANCE.fields.slice(0, 2) };

const DIRECTORY: PublicUnions = {
  unions: [
    { id: 'chalu', name: { zh: '岔路镇总工会', en: 'Chalu Town Union' }, level: 'township', parentId: 'ninghai', workflows: [{ key: 'union-grievance', form: 'g' }, { key: 'golden-idea', form: 'i' }] },
    { id: 'ninghai', name: { zh: '宁海县总工会', en: 'Ninghai' }, level: 'county', parentId: null, workflows: [{ key: 'union-grievance', form: 'g' }] },
    { id: 'gaotan', name: { zh: '高坛园区工会联合会', en: 'Gaotan' }, level: 'park', parentId: 'chalu', workflows: [] },
  ],
  workflows: { g: GRIEVANCE, i: IDEA },
};

const FILED: FiledMatter = {
  trackingCode: '7KQ2-9XMD-4TRV',
  notice: { zh: '请记下查询码', en: 'Write it down' },
  matter: { reference: 'NH-2026-000301', union: { id: 'chalu', name: DIRECTORY.unions[0]!.name }, workflow: { key: 'union-grievance', title: GRIEVANCE.title }, title: '下夜班打不到车', state: 'intake', stateTitle: { zh: '受理', en: 'Intake' }, status: 'open', openedAt: '2026-11-29T04:00:00Z', closedAt: null, timeline: [], answer: null, awaitingRating: false, rating: null },
};

interface Sent {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

function stubServer(answers: Array<{ status: number; body: unknown }>): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    sent.push({ url, headers: (init.headers ?? {}) as Record<string, string>, body: JSON.parse(String(init.body ?? '{}')) as Record<string, unknown> });
    const answer = answers.shift() ?? { status: 500, body: {} };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  });
  return sent;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderForm() {
  const onFiled = vi.fn();
  render(
    <PublicI18nProvider locale="zh-CN">
      <MatterForm directory={DIRECTORY} onFiled={onFiled} />
    </PublicI18nProvider>,
  );
  return { onFiled, user: userEvent.setup() };
}

describe("the workers' filing form", () => {
  it('lists the unions as a tree, each under its parent', () => {
    expect(unionOptions(DIRECTORY.unions).map(({ union, depth }) => `${depth}:${union.id}`)).toEqual(['0:ninghai', '1:chalu', '2:gaotan']);
  });

  it('files an anonymous matter without any identity, with an idempotency key, and hands back the code', async () => {
    const sent = stubServer([{ status: 201, body: FILED }]);
    const { onFiled, user } = renderForm();
    await user.selectOptions(screen.getByRole('combobox', { name: /向哪个工会反映/ }), 'chalu');
    // Chalu takes two kinds of matter: the worker picks one.
    await user.click(screen.getByRole('radio', { name: '职工诉求处理' }));
    expect(screen.getByRole('button', { name: /匿名反映/ }).getAttribute('aria-pressed')).toBe('true');
    // Anonymous: no name or phone to fill.
    expect(screen.queryByRole('textbox', { name: /职工姓名/ })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: /诉求标题/ }), '下夜班打不到车');
    await user.type(screen.getByRole('textbox', { name: /诉求内容/ }), '下夜班要走3公里才能打到车。');
    await user.selectOptions(screen.getByRole('combobox', { name: /诉求类别/ }), 'commute');
    await user.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(onFiled).toHaveBeenCalledWith(FILED));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('/api/public/matters');
    expect(sent[0]?.body).toEqual({ unionId: 'chalu', workflow: 'union-grievance', anonymous: true, title: '下夜班打不到车', description: '下夜班要走3公里才能打到车。', category: 'commute' });
    expect(sent[0]?.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('asks for what is missing before sending, and for a name and phone when filed by name', async () => {
    const sent = stubServer([]);
    const { user } = renderForm();
    await user.selectOptions(screen.getByRole('combobox', { name: /向哪个工会反映/ }), 'ninghai');
    // Ninghai takes one kind of matter: it is chosen without asking.
    expect(screen.queryByRole('radio')).toBeNull();
    await user.click(screen.getByRole('button', { name: /实名反映/ }));
    await user.type(screen.getByRole('textbox', { name: /诉求标题/ }), '这是一个超过二十个字的标题，太长了太长了太长了');
    await user.type(screen.getByRole('textbox', { name: /联系电话/ }), 'call me');
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('不能超过 20 个字')).toBeTruthy();
    expect(screen.getAllByText('必填')).toHaveLength(2); // the description and the name
    expect(screen.getByText('请填写电话号码，如 138 1234 5678')).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it("shows the server's issues beside the inputs, and sends a retry of the same filing with the same key", async () => {
    const sent = stubServer([
      { status: 400, body: { error: { status: 400, code: 'INVALID_INPUT', message: 'The request is not valid.', details: { issues: [{ path: 'title', message: 'say the matter in one sentence' }] } } } },
      { status: 429, body: { error: { status: 429, code: 'RATE_LIMITED', message: 'Too many requests.' } } },
      { status: 201, body: FILED },
    ]);
    const { onFiled, user } = renderForm();
    await user.selectOptions(screen.getByRole('combobox', { name: /向哪个工会反映/ }), 'ninghai');
    await user.type(screen.getByRole('textbox', { name: /诉求标题/ }), '   x');
    await user.type(screen.getByRole('textbox', { name: /诉求内容/ }), '工资拖欠三个月');
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('say the matter in one sentence')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('操作太频繁，请过一分钟再试。')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(onFiled).toHaveBeenCalled());
    expect(sent[1]?.headers['Idempotency-Key']).toBe(sent[2]?.headers['Idempotency-Key']);
  });
});
