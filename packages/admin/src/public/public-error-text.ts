import { PublicApiError } from './public-fetch.js';

/**
 * Tells what a failed public call means in the worker's (or agency's) words: no network, too
 * many tries, or the server's own message.
 * @example
 * publicErrorText(error, t); // '操作太频繁，请过一分钟再试。'
 */
export function publicErrorText(error: unknown, t: (key: string, values?: Record<string, string | number>) => string): string {
  if (error instanceof PublicApiError) {
    if (error.status === 0) return t('shuoshi.public.network');
    if (error.status === 429) return t('shuoshi.public.too_many');
    return t('shuoshi.public.failed', { message: error.message });
  }
  return t('shuoshi.public.failed', { message: error instanceof Error ? error.message : String(error) });
}
