import { describe, expect, it } from 'vitest';
import { q, verbatim } from './metrics-sql.js';

describe('q', () => {
  it('numbers the values as parameters in order', () => {
    expect(q`select * from cases where tenant_id = ${'benchm'} and version > ${3}`).toEqual({ text: 'select * from cases where tenant_id = $1 and version > $2', values: ['benchm', 3] });
  });

  it('splices verbatim text in without a parameter', () => {
    expect(q`vacuum (analyze) ${verbatim('case_events')}`).toEqual({ text: 'vacuum (analyze) case_events', values: [] });
  });

  it('renumbers the parameters of a nested query after those before it', () => {
    const county = q`${'benchm'}::text`;
    const query = q`select ${1}, ${county} || '_t', ${county}, ${'x'}`;
    expect(query.text).toBe(`select $1, $2::text || '_t', $3::text, $4`);
    expect(query.values).toEqual([1, 'benchm', 'benchm', 'x']);
  });

  it('leaves dollar quoting alone', () => {
    expect(q`create function f() returns int language sql as $$ select ${verbatim('1')} $$`.text).toBe('create function f() returns int language sql as $$ select 1 $$');
  });
});
