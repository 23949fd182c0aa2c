/**
 * An error answer of the public API: its status, the server's code and message (English and,
 * for some, Chinese), and the zod issues of a 400 (`path` as the server joins it: `phone`).
 * @example
 * if (error instanceof PublicApiError && error.status === 404) showNotFound();
 */
export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'PublicApiError';
  }
}

/**
 * Options of {@link publicFetch}.
 * @example
 * const options: PublicFetchOptions = { method: 'POST', json: { satisfaction: 5 } };
 */
export interface PublicFetchOptions {
  method?: 'GET' | 'POST';
  json?: unknown;
  headers?: Record<string, string>;
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: { issues?: Array<{ path?: string; message?: string }> } };
}

/**
 * Calls the public API (no token: workers and agencies have no account) and answers the parsed
 * JSON; a non-2xx answer throws {@link PublicApiError}, a network failure one with status 0.
 * Kept apart from the panel's apiFetch so that the public pages load no react-admin.
 * @example
 * const matter = await publicFetch<PublicMatter>(`/public/matters/${encodeURIComponent(code)}`);
 */
export async function publicFetch<T>(path: string, options: PublicFetchOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method: options.method ?? 'GET', headers, ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}) });
  } catch {
    throw new PublicApiError(0, 'NETWORK', 'The server could not be reached.');
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body as ErrorBody | undefined)?.error;
    const issues = (error?.details?.issues ?? []).map((issue) => ({ path: issue.path ?? '', message: issue.message ?? '' }));
    throw new PublicApiError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? response.statusText, issues);
  }
  return body as T;
}

/**
 * A random key for `Idempotency-Key` (crypto.randomUUID exists only on secure origins).
 * @example
 * headers['Idempotency-Key'] = randomKey();
 */
export function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
