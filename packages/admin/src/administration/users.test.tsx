// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { Form, ResourceContextProvider, TextInput } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoleRecord, UnionRoles } from '../api/types.js';
import { recordingDataProvider, TestAdmin } from '../testing/test-admin.js';
import { UnionRolesInput } from './union-roles-input.js';
import { UserCreate, UserEdit, UserList } from './users.js';

const BUILT_IN = ['county_admin', 'township_admin', 'intake_operator', 'mediator', 'early_warning_officer', 'lawyer', 'counsellor', 'supervisor'];
const BUILT_IN_ZH = ['县总工会管理员', '工会管理员', '接线员', '调解员', '预警员', '律师', '心理咨询师', '督办'];

function custom(id: string, zh: string, en: string): RoleRecord {
  return { id, builtIn: false, title: { zh, en }, workflows: [{ id: `${id}-flow@1`, tenantId: 'huchen', key: `${id}-flow`, version: 1, status: 'published', title: { zh: '流程', en: 'Flow' } }] };
}

function unionRoles(tenantId: string, ...extra: RoleRecord[]): UnionRoles {
  return { tenantId, roles: [...BUILT_IN.map((id) => ({ id, builtIn: true, title: { zh: id, en: id }, workflows: [] })), ...extra] };
}

// GET /api/roles per query: "me" is the signed-in user's union, "me+below" with below=true.
const ANSWERS: Record<string, UnionRoles> = {
  me: unionRoles('chalu', custom('idea_evaluator', '金点子评审员', 'Idea evaluator')),
  'me+below': unionRoles('ninghai', custom('fruit_grader', '果品评级员', 'Fruit grader'), custom('idea_evaluator', '金点子评审员', 'Idea evaluator')),
  huchen: unionRoles('huchen', custom('fruit_grader', '果品评级员', 'Fruit grader')),
  chalu: unionRoles('chalu'),
};

function stubRoles(): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const query = new URL(url, 'http://panel.test').searchParams;
    const key = `${query.get('tenantId') ?? 'me'}${query.get('below') === 'true' ? '+below' : ''}`;
    const body = ANSWERS[key];
    return body
      ? new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
      : new Response(JSON.stringify({ error: { status: 404, code: 'NOT_FOUND', message: 'no such union' } }), { status: 404, headers: { 'Content-Type': 'application/json' } });
  });
  return asked;
}

function renderUsers(children: ReactNode, overrides: Record<string, (...args: never[]) => Promise<unknown>> = {}) {
  const { dataProvider, calls } = recordingDataProvider(overrides);
  render(
    <TestAdmin dataProvider={dataProvider} roles={['township_admin']}>
      <ResourceContextProvider value="users">{children}</ResourceContextProvider>
    </TestAdmin>,
  );
  return { calls };
}

function checkboxLabels(): string[] {
  const group = screen.getByText('角色').closest('fieldset') ?? document.body;
  return within(group as HTMLElement)
    .getAllByRole('checkbox')
    .map((box) => box.closest('label')?.textContent ?? '');
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('the user form\'s roles', () => {
  it('offers the roles of the signed-in user\'s union when none is chosen, custom ones by title', async () => {
    const asked = stubRoles();
    renderUsers(<UserCreate />);
    expect(await screen.findByText('金点子评审员')).toBeTruthy();
    expect(checkboxLabels()).toEqual([...BUILT_IN_ZH, '金点子评审员']);
    expect(asked).toEqual(['/api/roles']);
    expect(screen.getByText(/流程设置 → 自定义角色/)).toBeTruthy();
  });

  it('follows the union chosen, and unticks a custom role the new union does not offer', async () => {
    const user = userEvent.setup();
    stubRoles();
    let submitted: Record<string, unknown> | undefined;
    renderUsers(
      <Form onSubmit={(values: Record<string, unknown>) => (submitted = values)}>
        <TextInput source="tenantId" />
        <UnionRolesInput />
        <button type="submit">保存</button>
      </Form>,
    );
    await user.type(screen.getByLabelText('所属工会'), 'huchen');
    await user.click(await screen.findByLabelText('果品评级员'));
    await user.click(screen.getByLabelText('调解员'));
    await user.clear(screen.getByLabelText('所属工会'));
    await user.type(screen.getByLabelText('所属工会'), 'chalu');
    await waitFor(() => expect(screen.queryByLabelText('果品评级员')).toBeNull());
    await user.click(screen.getByText('保存'));
    await waitFor(() => expect(submitted).toEqual({ tenantId: 'chalu', roles: ['mediator'] }));
  });

  it('keeps a role the edited user holds though no workflow of the union declares it any more', async () => {
    const asked = stubRoles();
    window.history.replaceState(null, '', '/#/users/chalu.legacy');
    const record = { id: 'chalu.legacy', username: 'chalu.legacy', displayName: '老王', tenantId: 'chalu', roles: ['lawyer', 'retired_role'], active: true };
    renderUsers(
      <Routes>
        <Route path="/users/:id" element={<UserEdit />} />
      </Routes>,
      { getOne: async () => ({ data: record }) },
    );
    const kept = await screen.findByLabelText('retired_role（流程中已无此角色）');
    expect((kept as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('律师') as HTMLInputElement).checked).toBe(true);
    expect(checkboxLabels()).toEqual([...BUILT_IN_ZH, 'retired_role（流程中已无此角色）']);
    expect(asked).toEqual(['/api/roles?tenantId=chalu']);
  });
});

describe('the users list', () => {
  it('shows a custom role\'s title on its chip, and filters on the roles of the union chosen', async () => {
    const user = userEvent.setup();
    const asked = stubRoles();
    const filter = encodeURIComponent(JSON.stringify({ tenantId: 'huchen' }));
    const displayed = encodeURIComponent(JSON.stringify({ tenantId: true, role: true }));
    window.history.replaceState(null, '', `/#/?filter=${filter}&displayedFilters=${displayed}`);
    const { calls } = renderUsers(<UserList />, {
      getList: async () => ({ data: [{ id: 'huchen.grader', username: 'huchen.grader', displayName: '果品老李', tenantId: 'huchen', roles: ['mediator', 'fruit_grader', 'unknown_role'], active: true }], total: 1 }),
      getMany: async () => ({ data: [{ id: 'huchen', name: { zh: '胡陈乡总工会', en: 'Huchen Township Union' } }] }),
    });
    const row = (await screen.findByText('huchen.grader')).closest('tr') as HTMLElement;
    await waitFor(() => expect(within(row).getByText('果品评级员')).toBeTruthy());
    expect([...row.querySelectorAll('[data-role]')].map((chip) => chip.textContent)).toEqual(['调解员', '果品评级员', 'unknown_role']);
    expect(asked).toEqual(expect.arrayContaining(['/api/roles?below=true', '/api/roles?tenantId=huchen']));
    await user.click(await screen.findByRole('combobox', { name: /角色/ }));
    const options = within(await screen.findByRole('listbox')).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(expect.arrayContaining([...BUILT_IN_ZH, '果品评级员']));
    expect(options).not.toContain('金点子评审员');
    await user.click(within(screen.getByRole('listbox')).getByText('果品评级员'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'getList' && c.args[0] === 'users').at(-1)?.args[1]).toMatchObject({ filter: { tenantId: 'huchen', role: 'fruit_grader' } }));
  });
});
