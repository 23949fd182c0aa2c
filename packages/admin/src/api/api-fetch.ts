import { HttpError } from 'react-admin';
import { readSession } from './session-store.js';

/**
 * The JSON error body every API error answers.
 * @example
 * const code = (error.body as ApiErrorBody).error.code;
 */
export interface ApiErrorBody {
  error: { status: number; code: string; message: string; details?: Record<string, unknown> };
}

/**
 * What an API call answered: its status, headers and parsed body (JSON, or undefined when empty).
 * @example
 * const { body, headers } = await apiFetch('/cases');
 */
export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Options of {@link apiFetch}: fetch's, plus a JSON body and extra headers.
 * @example
 * const options: ApiFetchOptions = { method: 'POST', json: { type: 'accept', version: 1 } };
 */
export interface ApiFetchOptions {
  method?: string;
  json?: unknown;
  headers?: Record<string, string>;
  /** Answer the raw Response (downloads) instead of parsing JSON. */
  raw?: boolean;
}

/**
 * Tells whether an error is the API's, with its status and code.
 * @example
 * if (isApiError(error, 409)) offerReload();
 */
export function isApiError(error: unknown, status?: number): error is HttpError & { body: ApiErrorBody | undefined } {
  return error instanceof HttpError && (status === undefined || error.status === status);
}

/**
 * The server's error code and message of an API error, when it sent one.
 * @example
 * apiErrorOf(error)?.code; // 'VERSION_CONFLICT'
 */
export function apiErrorOf(error: unknown): ApiErrorBody['error'] | undefined {
  if (!(error instanceof HttpError)) return undefined;
  const body = error.body as Partial<ApiErrorBody> | undefined;
  return body?.error && typeof body.error.message === 'string' ? body.error : undefined;
}

// The panel and the API share an origin: the server serves both.
const API_BASE = '/api';

/**
 * Calls the server's API with the signed-in user's Bearer token; a non-2xx answer throws
 * react-admin's HttpError with the server's message, status and body (so react-admin's
 * notifications and auth checks understand it).
 * @example
 * const { body } = await apiFetch(`/cases/${id}/events`, { method: 'POST', json: { type: 'accept', version: 3 } });
 */
export async function apiFetch(path: string, options: ApiFetchOptions = {}): Promise<ApiResponse & { response: Response }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const token = readSession()?.token;
  if (token) headers['Authorization'] = `Bearer ${token}`;
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { method: options.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
  } catch {
    throw new HttpError('ra.notification.http_error', 0, undefined);
  }
  if (options.raw && response.ok) return { status: response.status, headers: response.headers, body: undefined, response };
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    parsed = text;
  }
  if (!response.ok) {
    const message = (parsed as Partial<ApiErrorBody> | undefined)?.error?.message ?? (response.statusText || 'ra.notification.http_error');
    throw new HttpError(message, response.status, parsed);
  }
  return { status: response.status, headers: response.headers, body: parsed, response };
}
