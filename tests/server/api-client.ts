import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An answer of the API: status, headers and the parsed JSON body (the text when it is not JSON),
 * typed as what the caller expects from a 2xx (the tests check the status before reading it).
 * @example
 * const answer: ApiAnswer<CaseDto[]> = await api.get('/api/cases', token);
 */
export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A small HTTP client of the Shuoshi API for the cross-package tests (which have no supertest):
 * JSON in, JSON out, an optional bearer token.
 * @example
 * const api = apiClient('http://127.0.0.1:3000');
 * const cases = await api.get('/api/cases', token);
 */
export interface ApiClient {
  readonly baseUrl: string;
  get<T = unknown>(path: string, token?: string): Promise<ApiAnswer<T>>;
  post<T = unknown>(path: string, body: unknown, token?: string): Promise<ApiAnswer<T>>;
  login(username: string, password: string): Promise<string>;
}

async function call<T>(baseUrl: string, method: string, path: string, body: unknown, token: string | undefined): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    // Not JSON (a CSV export, say): the text itself.
  }
  // What the API answers is the route's response schema; the caller names it.
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/**
 * Creates a client of the API at `baseUrl`.
 * @example
 * const api = apiClient(running.url);
 * const token = await api.login('nanbu.intake1', 'shuoshi-demo');
 */
export function apiClient(baseUrl: string): ApiClient {
  return {
    baseUrl,
    get: <T>(path: string, token?: string) => call<T>(baseUrl, 'GET', path, undefined, token),
    post: <T>(path: string, body: unknown, token?: string) => call<T>(baseUrl, 'POST', path, body, token),
    async login(username, password) {
      const answer = await call<{ token?: string }>(baseUrl, 'POST', '/api/auth/login', { username, password }, undefined);
      if (answer.status !== 200 || typeof answer.body.token !== 'string') throw new Error(`login of ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body.token;
    },
  };
}

/**
 * Serves an in-process app (e.g. a test context's) on a free local port, for {@link apiClient}.
 * @example
 * const served = await serve(ctx.app);
 * const api = apiClient(served.url);
 * await served.close();
 */
export async function serve(app: RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
