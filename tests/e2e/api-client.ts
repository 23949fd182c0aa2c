/**
 * Calls the e2e server's API from the test process (to set the scene or read what the browser
 * cannot show: the test clock, a case's state); throws with the server's answer on a non-2xx.
 * @example
 * const clock = await callApi<{ now: string }>(server.url, '/test/clock');
 */
export async function callApi<T>(baseUrl: string, path: string, options: { token?: string; method?: string; json?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl}/api${path}`, { method: options.method ?? 'GET', headers, ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${options.method ?? 'GET'} /api${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Signs a demo user in through the API (password `shuoshi-demo`) and answers the token.
 * @example
 * const token = await tokenOf(server.url, 'chalu.intake');
 */
export async function tokenOf(baseUrl: string, username: string): Promise<string> {
  const { token } = await callApi<{ token: string }>(baseUrl, '/auth/login', { method: 'POST', json: { username, password: 'shuoshi-demo' } });
  return token;
}

/**
 * The instant of 10:00 in Asia/Shanghai on the 2nd of the month after the one `now` falls in
 * (China time): a test that moves the clock there keeps its whole story inside one calendar month.
 * @example
 * secondOfNextMonth('2026-11-29T04:00:00Z'); // '2026-12-02T02:00:00.000Z'
 */
export function secondOfNextMonth(now: string): string {
  const china = new Date(Date.parse(now) + 8 * 3_600_000);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() + 1, 2, 2, 0, 0)).toISOString();
}
