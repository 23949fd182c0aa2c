import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { preparedPool } from './prepared-pool.js';

const DATABASE_URL = process.env['DATABASE_URL'];

describe.runIf(DATABASE_URL)('preparedPool', () => {
  // One connection, so that every statement below runs on the session whose statements are read.
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  const db = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool: preparedPool(pool) }) });
  afterAll(() => db.destroy());

  const preparedTexts = async () => (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db)).rows.map((r) => r.statement);

  it('prepares a plain statement once per connection and answers it like an unnamed one', async () => {
    const first = await sql<{ n: number }>`select ${41}::int + 1 as n`.execute(db);
    const second = await sql<{ n: number }>`select ${1}::int + 1 as n`.execute(db);
    expect([first.rows[0]?.n, second.rows[0]?.n]).toEqual([42, 2]);
    const texts = await preparedTexts();
    expect(texts.filter((t) => t.includes('::int + 1 as n'))).toHaveLength(1);
  });

  it('hands out one wrapper per connection, however often it is checked out', async () => {
    const own = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
    const wrapped = preparedPool(own);
    try {
      const first = await wrapped.connect();
      first.release();
      const second = await wrapped.connect();
      second.release();
      expect(second).toBe(first);
    } finally {
      await wrapped.end();
    }
  });

  it('leaves utility statements unnamed and still runs them', async () => {
    await sql`set local statement_timeout = 1000`.execute(db);
    await db.transaction().execute(async (trx) => {
      await sql`set local work_mem = '8MB'`.execute(trx);
      const shown = await sql<{ work_mem: string }>`show work_mem`.execute(trx);
      expect(shown.rows[0]?.work_mem).toBe('8MB');
    });
    expect((await preparedTexts()).some((t) => /work_mem|statement_timeout/.test(t))).toBe(false);
  });

  it('closes a connection whose prepared statement a migration made stale, so the next read works', async () => {
    const table = `prepared_pool_${process.pid}_${Date.now()}`;
    await sql`create table ${sql.table(table)} (id int)`.execute(db);
    try {
      await sql`insert into ${sql.table(table)} values (${1})`.execute(db);
      expect((await sql`select * from ${sql.table(table)}`.execute(db)).rows).toEqual([{ id: 1 }]);
      await sql`alter table ${sql.table(table)} add column note text`.execute(db);
      // The statement prepared before the change cannot answer the new row type.
      await expect(sql`select * from ${sql.table(table)}`.execute(db)).rejects.toMatchObject({ code: '0A000' });
      expect((await sql`select * from ${sql.table(table)}`.execute(db)).rows).toEqual([{ id: 1, note: null }]);
    } finally {
      await sql`drop table if exists ${sql.table(table)}`.execute(db);
    }
  });

  it('leaves a statement with a long list of values unnamed', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => i);
    const result = await sql<{ n: number }>`select count(*)::int as n from (values ${sql.join(ids.map((i) => sql`(${i})`))}) v(x)`.execute(db);
    expect(result.rows[0]?.n).toBe(100);
    expect((await preparedTexts()).some((t) => t.includes('from (values'))).toBe(false);
  });

  it('runs statements unnamed once a connection holds the most it may', async () => {
    // Distinct texts beyond the bound: every one answers, and the session holds no more than the bound.
    for (let i = 0; i < 520; i += 1) {
      const result = await sql<{ n: number }>`select ${i}::int as ${sql.ref(`n${i % 3}`)}, ${sql.lit(i)} as k`.execute(db);
      expect(Object.values(result.rows[0] ?? {})).toContain(i);
    }
    expect((await preparedTexts()).length).toBeLessThanOrEqual(500);
  });
});
