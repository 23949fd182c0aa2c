import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from './http-error.js';
import { containsNul, containsPattern, idFilterSchema, MAX_LIST_ROWS, parseListQuery, setContentRange } from './list-query.js';

const options = {
  sortable: { code: 'code', name: 'name_zh' },
  defaultSort: ['code', 'ASC'] as ['code', 'ASC'],
  filters: z.strictObject({ q: z.string().optional(), level: z.enum(['county', 'township']).optional() }),
};

function errorOf(query: Record<string, unknown>): HttpError {
  try {
    parseListQuery(query, options);
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(query)} to be refused`);
}

describe('parseListQuery', () => {
  it('answers the defaults for an empty query', () => {
    expect(parseListQuery({}, options)).toEqual({
      sort: { field: 'code', column: 'code', direction: 'ASC' },
      range: { offset: 0, limit: 25, start: 0, end: 24 },
      filter: {},
    });
  });

  it('maps the sort field to its column and reads range and filter', () => {
    const list = parseListQuery({ sort: '["name","desc"]', range: '[10,19]', filter: '{"q":"岔路","level":"township"}' }, options);
    expect(list.sort).toEqual({ field: 'name', column: 'name_zh', direction: 'DESC' });
    expect(list.range).toEqual({ offset: 10, limit: 10, start: 10, end: 19 });
    expect(list.filter).toEqual({ q: '岔路', level: 'township' });
  });

  it('clamps a range to the largest page', () => {
    const list = parseListQuery({ range: '[5,100000]' }, options);
    expect(list.range).toEqual({ offset: 5, limit: MAX_LIST_ROWS, start: 5, end: 5 + MAX_LIST_ROWS - 1 });
  });

  it.each([
    [{ sort: '["password_hash","ASC"]' }, 'cannot be sorted'],
    [{ sort: '["__proto__","ASC"]' }, 'cannot be sorted'],
    [{ sort: '["code","UP"]' }, 'ASC'],
    [{ sort: '["code"]' }, 'ASC'],
    [{ sort: 'code' }, 'JSON'],
    [{ sort: ['["code","ASC"]', '["name","ASC"]'] }, 'once'],
    [{ range: '[5,1]' }, 'before the start'],
    [{ range: '[-1,3]' }, 'whole numbers'],
    [{ range: '[0.5,3]' }, 'whole numbers'],
    [{ range: '{"a":1}' }, 'whole numbers'],
    [{ range: '[0' }, 'JSON'],
    [{ filter: '[1]' }, 'object'],
    [{ filter: 'null' }, 'object'],
    [{ filter: '{"nope":1}' }, 'nope'],
    [{ filter: '{"level":"galaxy"}' }, 'level'],
    [{ filter: '{"q":"a\\u0000"}' }, 'NUL'],
    [{ sort: '["code\u0000","ASC"]' }, 'NUL'],
  ])('refuses %j with a 400 saying why', (query, words) => {
    const error = errorOf(query);
    expect(error.status).toBe(400);
    expect(error.code).toBe('INVALID_QUERY');
    expect(error.message).toContain(words);
  });

  it('throws a programming error when the default sort is not sortable', () => {
    expect(() => parseListQuery({}, { ...options, defaultSort: ['missing', 'ASC'] })).toThrow(/default sort/);
  });
});

describe('setContentRange', () => {
  function appWith(start: number, end: number, total: number) {
    const app = express();
    app.get('/', (_req, res) => {
      res.setHeader('Access-Control-Expose-Headers', 'X-Request-Id');
      setContentRange(res, 'agencies', start, end, total);
      res.json([]);
    });
    return app;
  }

  it('writes the header react-admin reads and exposes it', async () => {
    const response = await request(appWith(0, 24, 319)).get('/');
    expect(response.headers['content-range']).toBe('agencies 0-24/319');
    expect(response.headers['access-control-expose-headers']).toBe('X-Request-Id, Content-Range');
  });

  it('writes a star for an empty page', async () => {
    const response = await request(appWith(0, -1, 0)).get('/');
    expect(response.headers['content-range']).toBe('agencies */0');
  });
});

describe('containsNul', () => {
  it('finds NUL in nested strings and keys only', () => {
    expect(containsNul({ a: ['x', { b: 'y\u0000' }] })).toBe(true);
    expect(containsNul({ 'k\u0000': 1 })).toBe(true);
    expect(containsNul({ a: ['x', 1, null, true, { b: '岔路' }] })).toBe(false);
  });
});

describe('containsPattern', () => {
  it('takes LIKE wildcards and backslashes literally', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});

describe('idFilterSchema', () => {
  it('accepts one id or the list react-admin getMany sends', () => {
    expect(idFilterSchema.parse('a')).toBe('a');
    expect(idFilterSchema.parse(['a', 'b'])).toEqual(['a', 'b']);
    expect(idFilterSchema.safeParse([1]).success).toBe(false);
  });
});
