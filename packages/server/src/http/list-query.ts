import type { Response } from 'express';
import { z } from 'zod';
import { HttpError } from './http-error.js';

/**
 * The most rows one list request may ask for; larger ranges are clamped.
 * @example
 * parseListQuery({ range: '[0,9999]' }, options).range.limit === MAX_LIST_ROWS; // true
 */
export const MAX_LIST_ROWS = 500;

/**
 * Rows answered when a request sends no `range`.
 * @example
 * parseListQuery({}, options).range; // { offset: 0, limit: DEFAULT_LIST_ROWS, start: 0, end: 24 }
 */
export const DEFAULT_LIST_ROWS = 25;

/**
 * Zod schema of the raw list query (react-admin's simple REST conventions: JSON-encoded
 * `sort`, `range` and `filter`), for a route spec's `query` and the OpenAPI document.
 * @example
 * defineRoute(router, registry, { method: 'get', path: '/agencies', summary: 'List agencies', tag: 'agencies', query: listQuerySchema }, handler);
 */
export const listQuerySchema = z.object({
  sort: z.string().optional().describe('JSON ["field","ASC"|"DESC"], e.g. ["name","ASC"]'),
  range: z.string().optional().describe(`JSON [start,end], inclusive, at most ${MAX_LIST_ROWS} rows, e.g. [0,24]`),
  filter: z.string().optional().describe('JSON object of filters, e.g. {"q":"chalu"}'),
});

/**
 * Zod schema of react-admin's `id` filter: one id, or the list that `getMany` sends.
 * @example
 * const filters = z.strictObject({ id: idFilterSchema.optional(), q: z.string().optional() });
 */
export const idFilterSchema = z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).max(MAX_LIST_ROWS)]);

/**
 * A LIKE/ILIKE pattern matching `text` anywhere, with `%`, `_` and `\\` taken literally.
 * @example
 * query.where('agencies.name_zh', 'ilike', containsPattern(filter.q));
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Tells whether a value holds the NUL character in any string or key: PostgreSQL cannot store
 * it in text or jsonb and would fail the query, so input with it is refused as a 400.
 * @example
 * z.strictObject({ name: z.string() }).refine((b) => !containsNul(b), { error: NUL_MESSAGE });
 */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, v]) => key.includes('\u0000') || containsNul(v));
  return false;
}

/**
 * The message for input refused by {@link containsNul}.
 * @example
 * z.string().refine((s) => !containsNul(s), { error: NUL_MESSAGE });
 */
export const NUL_MESSAGE = 'Text may not contain the NUL character (\\u0000), which cannot be stored; remove it.';

/**
 * How a list is sorted, paged and filtered, ready for a query builder.
 * @example
 * query.orderBy(sql.ref(list.sort.column), list.sort.direction === 'ASC' ? 'asc' : 'desc').offset(list.range.offset).limit(list.range.limit);
 */
export interface ListQuery<F> {
  /** `column` is the SQL column from the allow-list, never the client's text. */
  sort: { field: string; column: string; direction: 'ASC' | 'DESC' };
  /** `end` is inclusive and already clamped; `limit = end - start + 1`. */
  range: { offset: number; limit: number; start: number; end: number };
  filter: F;
}

/**
 * What a list accepts: sortable JSON fields mapped to SQL columns, the default order, and the
 * zod schema of the filter object (make it strict so unknown filters are a 400).
 * @example
 * const options: ListQueryOptions<typeof agencyFilter> = { sortable: { name: 'name_zh', code: 'code' }, defaultSort: ['code', 'ASC'], filters: agencyFilter };
 */
export interface ListQueryOptions<S extends z.ZodType> {
  sortable: Record<string, string>;
  defaultSort: [string, 'ASC' | 'DESC'];
  filters: S;
}

function invalid(parameter: string, value: unknown, how: string, details: Record<string, unknown> = {}): HttpError {
  return new HttpError(400, 'INVALID_QUERY', `The list parameter "${parameter}" is not valid: got ${JSON.stringify(value)}; ${how}`, { parameter, ...details });
}

function readJson(parameter: string, value: unknown, example: string): unknown {
  if (typeof value !== 'string') throw invalid(parameter, value, `send it once, as JSON such as ${example}.`);
  if (containsNul(value)) throw invalid(parameter, value, NUL_MESSAGE);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value) as unknown;
  } catch {
    throw invalid(parameter, value, `it must be JSON such as ${example}.`);
  }
  if (containsNul(parsed)) throw invalid(parameter, value, NUL_MESSAGE);
  return parsed;
}

function parseSort(value: unknown, sortable: Record<string, string>, defaultSort: [string, 'ASC' | 'DESC']): ListQuery<unknown>['sort'] {
  const fields = Object.keys(sortable);
  const example = `["${defaultSort[0]}","ASC"]`;
  const [defaultField, defaultDirection] = defaultSort;
  if (value === undefined || value === '') {
    const column = sortable[defaultField];
    if (column === undefined) throw new Error(`The default sort field "${defaultField}" is not among the sortable fields ${fields.join(', ')}.`);
    return { field: defaultField, column, direction: defaultDirection };
  }
  const parsed = readJson('sort', value, example);
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') {
    throw invalid('sort', value, `send ["field","ASC"] or ["field","DESC"], e.g. ${example}.`);
  }
  const [field, direction] = parsed as [string, string];
  const column = Object.hasOwn(sortable, field) ? sortable[field] : undefined;
  if (column === undefined) throw invalid('sort', value, `the field ${JSON.stringify(field)} cannot be sorted on; use one of ${fields.join(', ')}.`, { field, sortable: fields });
  const upper = direction.toUpperCase();
  if (upper !== 'ASC' && upper !== 'DESC') throw invalid('sort', value, `the direction must be "ASC" or "DESC", not ${JSON.stringify(direction)}.`);
  return { field, column, direction: upper };
}

function parseRange(value: unknown): ListQuery<unknown>['range'] {
  if (value === undefined || value === '') return { offset: 0, limit: DEFAULT_LIST_ROWS, start: 0, end: DEFAULT_LIST_ROWS - 1 };
  const parsed = readJson('range', value, '[0,24]');
  const ok = Array.isArray(parsed) && parsed.length === 2 && parsed.every((n) => Number.isSafeInteger(n) && (n as number) >= 0);
  if (!ok) throw invalid('range', value, 'send [start,end] with whole numbers 0 <= start <= end, e.g. [0,24].');
  const [start, requestedEnd] = parsed as [number, number];
  if (requestedEnd < start) throw invalid('range', value, `the end (${requestedEnd}) must not be before the start (${start}), e.g. [${start},${start + 24}].`);
  // Clamp rather than refuse: react-admin's "show all" asks for huge ranges.
  const end = Math.min(requestedEnd, start + MAX_LIST_ROWS - 1);
  return { offset: start, limit: end - start + 1, start, end };
}

function parseFilter<S extends z.ZodType>(value: unknown, schema: S): z.output<S> {
  const parsed = value === undefined || value === '' ? {} : readJson('filter', value, '{"q":"text"}');
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid('filter', value, 'send a JSON object such as {"q":"text"}.');
  const result = schema.safeParse(parsed);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));
  throw invalid('filter', value, `${issues.map((i) => `${i.path || '(filter)'}: ${i.message}`).join('; ')}.`, { issues });
}

/**
 * Parses react-admin's `sort`, `range` and `filter` query parameters: the sort field goes
 * through the allow-list, the range is clamped to {@link MAX_LIST_ROWS} rows, the filter is
 * checked by its zod schema; anything else is a 400 INVALID_QUERY saying how to fix it.
 * Add a unique tie-breaker (the id) after `sort.column` so pages are stable.
 * @example
 * const list = parseListQuery(query, { sortable: { code: 'code', name: 'name_zh' }, defaultSort: ['code', 'ASC'], filters: z.strictObject({ q: z.string().optional() }) });
 */
export function parseListQuery<S extends z.ZodType>(query: Record<string, unknown> | undefined, options: ListQueryOptions<S>): ListQuery<z.output<S>> {
  const input = query ?? {};
  return {
    sort: parseSort(input['sort'], options.sortable, options.defaultSort),
    range: parseRange(input['range']),
    filter: parseFilter(input['filter'], options.filters),
  };
}

/**
 * Sets `Content-Range: <resource> <start>-<end>/<total>` (or `<resource> *\/<total>` for an
 * empty page) and exposes the header to browsers, as react-admin's data provider expects.
 * @example
 * setContentRange(res, 'agencies', list.range.start, list.range.start + rows.length - 1, total);
 */
export function setContentRange(res: Response, resource: string, start: number, endInclusive: number, total: number): void {
  const span = endInclusive < start ? '*' : `${start}-${endInclusive}`;
  res.setHeader('Content-Range', `${resource} ${span}/${total}`);
  const exposed = res.getHeader('Access-Control-Expose-Headers');
  const list = typeof exposed === 'string' ? exposed.split(',').map((h) => h.trim()).filter(Boolean) : [];
  if (!list.some((h) => h.toLowerCase() === 'content-range')) list.push('Content-Range');
  res.setHeader('Access-Control-Expose-Headers', list.join(', '));
}
