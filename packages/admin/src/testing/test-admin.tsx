import type { ReactNode } from 'react';
import { AdminContext, memoryStore, type DataProvider } from 'react-admin';
import { createI18nProvider } from '../i18n/i18n-provider.js';

/**
 * Wraps a component under test in react-admin's context (Chinese messages, a memory store, the
 * given data provider and roles), as the panel renders it.
 * @example
 * render(<TestAdmin dataProvider={dataProvider}><EventFormDialog ... /></TestAdmin>);
 */
export function TestAdmin({ dataProvider, roles = ['intake_operator'], children }: { dataProvider: DataProvider; roles?: string[]; children: ReactNode }) {
  const authProvider = {
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => roles,
    getIdentity: async () => ({ id: 'chalu.intake', fullName: '测试接线员' }),
  };
  return (
    <AdminContext dataProvider={dataProvider} authProvider={authProvider} i18nProvider={createI18nProvider()} store={memoryStore()}>
      {children}
    </AdminContext>
  );
}

/**
 * A data provider for component tests: every call answers empty unless overridden, and every
 * call is recorded.
 * @example
 * const { dataProvider, calls } = recordingDataProvider({ sendEvent: async () => ({ case: record }) });
 */
export function recordingDataProvider(overrides: Record<string, (...args: never[]) => Promise<unknown>> = {}): { dataProvider: DataProvider; calls: Array<{ method: string; args: unknown[] }> } {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const fallback: Record<string, (...args: unknown[]) => Promise<unknown>> = {
    getList: async () => ({ data: [], total: 0 }),
    getOne: async (_resource, params) => ({ data: { id: (params as { id: string }).id } }),
    getMany: async () => ({ data: [] }),
    getManyReference: async () => ({ data: [], total: 0 }),
    create: async (_resource, params) => ({ data: { id: 'new', ...(params as { data: object }).data } }),
    update: async (_resource, params) => ({ data: (params as { data: object }).data }),
    updateMany: async () => ({ data: [] }),
    delete: async () => ({ data: {} }),
    deleteMany: async () => ({ data: [] }),
  };
  const dataProvider = new Proxy({} as DataProvider, {
    get(_target, method: string) {
      const handler = (overrides[method] as ((...args: unknown[]) => Promise<unknown>) | undefined) ?? fallback[method];
      if (!handler) return undefined;
      return (...args: unknown[]) => {
        calls.push({ method, args });
        return handler(...args);
      };
    },
  });
  return { dataProvider, calls };
}
