// @vitest-environment happy-dom
import { HttpError } from 'react-admin';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBody, createDataProvider, updateBody } from './data-provider.js';
import { writeSession } from './session-store.js';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function stubServer(answer: (url: URL, sent: Sent) => { status?: number; body?: unknown; headers?: Record<string, string> }): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const request: Sent = { url: input, method: init.method ?? 'GET', headers: (init.headers ?? {}) as Record<string, string>, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
    sent.push(request);
    const { status = 200, body, headers = {} } = answer(new URL(input, 'http://panel.test'), request);
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  });
  return sent;
}

beforeEach(() => writeSession({ token: 'tok-1', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', username: 'chalu.intake', displayName: '王', roles: ['intake_operator'], tenant: { id: 'chalu', name: { zh: '岔路镇总工会', en: 'Chalu' }, level: 'township', path: '/ninghai/chalu/' } } }));
afterEach(() => {
  vi.unstubAllGlobals();
  writeSession(null);
});

describe('the data provider', () => {
  it("sends react-admin's sort, range and filter as JSON with the token, and reads the total from Content-Range", async () => {
    const sent = stubServer(() => ({ body: [{ id: 'c1' }, { id: 'c2' }], headers: { 'Content-Range': 'cases 20-21/42' } }));
    const result = await createDataProvider().getList('cases', { pagination: { page: 2, perPage: 20 }, sort: { field: 'openedAt', order: 'DESC' }, filter: { warning: ['red'], q: '', state: [] } });
    expect(result).toEqual({ data: [{ id: 'c1' }, { id: 'c2' }], total: 42 });
    const url = new URL(sent[0]?.url ?? '', 'http://panel.test');
    expect(url.pathname).toBe('/api/cases');
    expect(url.searchParams.get('sort')).toBe('["openedAt","DESC"]');
    expect(url.searchParams.get('range')).toBe('[20,39]');
    // Empty filters are left out: the server's filters are strict.
    expect(url.searchParams.get('filter')).toBe('{"warning":["red"]}');
    expect(sent[0]?.headers['Authorization']).toBe('Bearer tok-1');
  });

  it('fetches a range longer than the server allows page by page (the CSV export)', async () => {
    const sent = stubServer((url) => {
      const [start = 0, end = 0] = JSON.parse(url.searchParams.get('range') ?? '[0,0]') as number[];
      const last = Math.min(end, 1199);
      return { body: Array.from({ length: last - start + 1 }, (_, i) => ({ id: `c${start + i}` })), headers: { 'Content-Range': `cases ${start}-${last}/1200` } };
    });
    const result = await createDataProvider().getList('cases', { pagination: { page: 1, perPage: 10_000 }, sort: { field: 'openedAt', order: 'DESC' }, filter: {} });
    expect(result.total).toBe(1200);
    expect(result.data).toHaveLength(1200);
    expect(sent.map((s) => new URL(s.url, 'http://panel.test').searchParams.get('range'))).toEqual(['[0,499]', '[500,999]', '[1000,1499]']);
  });

  it('patches only the fields that changed and that the resource accepts', async () => {
    const sent = stubServer(() => ({ body: { id: 'u2', displayName: '王伟', roles: ['mediator'] } }));
    await createDataProvider().update('users', { id: 'u2', data: { id: 'u2', username: 'chalu.wang', displayName: '王伟', roles: ['mediator'], password: '' }, previousData: { id: 'u2', username: 'chalu.wang', displayName: '王伟', roles: ['lawyer'] } });
    expect(sent[0]).toMatchObject({ method: 'PATCH', body: { roles: ['mediator'] } });
    expect(sent[0]?.url).toBe('/api/users/u2');
  });

  it("throws the server's message with its status and body", async () => {
    const error = { error: { status: 409, code: 'VERSION_CONFLICT', message: 'Case "c1" is at version 5, not 4.' } };
    stubServer(() => ({ status: 409, body: error }));
    const caught = await createDataProvider()
      .sendEvent('c1', { type: 'accept', version: 4 })
      .catch((e: unknown) => e);
    expect(caught).toBeInstanceOf(HttpError);
    expect(caught).toMatchObject({ status: 409, message: 'Case "c1" is at version 5, not 4.', body: error });
  });

  it('sends events with the version read and an idempotency key', async () => {
    const sent = stubServer(() => ({ body: { case: { id: 'c1' }, effects: [] } }));
    await createDataProvider().sendEvent('c 1', { type: 'route_to_mediation', version: 3, data: { category: 'wages' } });
    expect(sent[0]).toMatchObject({ url: '/api/cases/c%201/events', method: 'POST', body: { type: 'route_to_mediation', version: 3, data: { category: 'wages' } } });
    expect(sent[0]?.headers['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('the request bodies', () => {
  it('leave out empty and unknown fields on create', () => {
    expect(createBody('tenants', { id: '', parentId: 'chalu', level: 'enterprise', name: { zh: '某厂工会', en: 'A union' }, extra: 1 })).toEqual({ parentId: 'chalu', level: 'enterprise', name: { zh: '某厂工会', en: 'A union' } });
  });

  it('clear a field with null on update and keep an empty password', () => {
    expect(updateBody('agencies', { code: 'x', contact: '' }, { code: 'x', contact: '0574-1' })).toEqual({ contact: null });
    expect(updateBody('users', { password: '' }, {})).toEqual({});
  });
});
