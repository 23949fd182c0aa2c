import { render } from '@testing-library/react';
import { AdminContext, Notification, ResourceContextProvider, type Store } from 'react-admin';
import type { CaseRecord, WorkflowRecord } from '../api/types.js';
import { createI18nProvider } from '../i18n/i18n-provider.js';
import { recordingDataProvider, TestAdmin } from '../testing/test-admin.js';
import { CaseList } from './case-list.js';

/**
 * A published workflow for the cases list's tests: three states, the first two open.
 * @example
 * getOne: async () => ({ data: LIST_WORKFLOW })
 */
export const LIST_WORKFLOW: WorkflowRecord = {
  id: 'union-grievance@1',
  tenantId: 'ninghai',
  key: 'union-grievance',
  version: 1,
  status: 'published',
  title: { zh: '职工诉求处理', en: "Workers' matter handling" },
  definition: {
    key: 'union-grievance',
    version: 1,
    title: { zh: '职工诉求处理', en: "Workers' matter handling" },
    initial: 'intake',
    fields: { title: { type: 'text', label: { zh: '诉求标题', en: 'Title' }, required: true } },
    states: {
      intake: { title: { zh: '受理', en: 'Intake' }, transitions: [{ event: 'accept', label: { zh: '受理', en: 'Accept' }, target: 'triage' }] },
      triage: { title: { zh: '研判分流', en: 'Triage' }, transitions: [{ event: 'close', label: { zh: '归档', en: 'Close' }, target: 'closed' }] },
      closed: { title: { zh: '已归档', en: 'Closed' }, final: true, transitions: [] },
    },
  },
};

/**
 * A case of the list's tests, with the fields a test changes.
 * @example
 * const second = listCase({ id: 'c2', reference: 'NH-2025-0008', title: '工资拖欠' });
 */
export function listCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 'c1',
    reference: 'NH-2025-0007',
    tenantId: 'chalu',
    workflow: { key: 'union-grievance', version: 1, tenantId: 'ninghai' },
    state: 'triage',
    stateTitle: { zh: '研判分流', en: 'Triage' },
    status: 'open',
    warning: 'yellow',
    assigneeId: null,
    channel: 'phone',
    enterpriseId: null,
    title: '下夜班打车难',
    description: '',
    data: {},
    version: 2,
    dueAt: '2099-01-01T00:00:00Z',
    overdue: false,
    openedBy: null,
    openedAt: '2025-09-29T01:00:00Z',
    updatedAt: '2025-09-29T01:00:00Z',
    closedAt: null,
    ...overrides,
  };
}

/**
 * Renders the cases list over a recording data provider (the given cases, the workflow above,
 * Chalu's union), at `hash` (a react-admin route with its query), with react-admin's test
 * context or, given a `store`, the panel's own store; answers the calls and the cases filters sent.
 * @example
 * const { lastFilter } = renderCaseList({ hash: '#/cases?filter=%7B%22figure%22%3A%22late%22%7D' });
 */
export function renderCaseList({ cases = [listCase()], hash, store, overrides = {} }: { cases?: CaseRecord[]; hash?: string; store?: Store; overrides?: Record<string, (...args: never[]) => Promise<unknown>> } = {}) {
  if (hash) window.history.replaceState(null, '', `/${hash}`);
  const { dataProvider, calls } = recordingDataProvider({
    getList: async (resource: never) => {
      if (resource === 'workflows') return { data: [{ id: LIST_WORKFLOW.id, key: LIST_WORKFLOW.key, version: 1, title: LIST_WORKFLOW.title }], total: 1 };
      if (resource === 'cases') return { data: cases, total: cases.length };
      if (resource === 'users') return { data: [{ id: 'chalu.mediator', displayName: '岔路调解员' }], total: 1 };
      return { data: [], total: 0 };
    },
    getOne: async (resource: never) => ({ data: resource === 'workflows' ? LIST_WORKFLOW : { id: 'x' } }),
    getMany: async (resource: never, params: never) => {
      if (resource === 'tenants') return { data: [{ id: 'chalu', name: { zh: '岔路镇总工会', en: 'Chalu Town Union' } }] };
      if (resource === 'cases') return { data: cases.filter((c) => (params as { ids: string[] }).ids.includes(c.id)) };
      return { data: [] };
    },
    ...overrides,
  });
  const list = (
    <ResourceContextProvider value="cases">
      <CaseList />
      <Notification />
    </ResourceContextProvider>
  );
  const authProvider = {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => ['supervisor'],
    getIdentity: async () => ({ id: 'chalu.supervisor', fullName: '岔路督办' }),
  };
  const view = render(
    store ? (
      <AdminContext dataProvider={dataProvider} authProvider={authProvider} i18nProvider={createI18nProvider()} store={store}>
        {list}
      </AdminContext>
    ) : (
      <TestAdmin dataProvider={dataProvider}>{list}</TestAdmin>
    ),
  );
  const caseFilters = () => calls.filter((c) => c.method === 'getList' && c.args[0] === 'cases').map((c) => (c.args[1] as { filter: Record<string, unknown> }).filter);
  return { view, calls, lastFilter: () => caseFilters().at(-1) };
}
