import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import type pg from 'pg';

/** Named statements kept per connection at most; past it, statements go unnamed (planned each time). */
export const MAX_PREPARED_PER_CONNECTION = 500;

// Only plannable statements are prepared: utility statements (DDL, SET, BEGIN...) gain nothing.
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

const prepared = new WeakMap<pg.PoolClient, Set<string>>();
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `k${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
    // The statements of an application are a bounded set; the bound guards against a runaway one.
    if (names.size >= 10_000) names.clear();
    names.set(text, name);
  }
  return name;
}

function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  // node-postgres's client is what Kysely takes; only plain statements are given a name.
  const plain: PostgresPoolClient = client;
  const known = prepared.get(client) ?? new Set<string>();
  prepared.set(client, known);
  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') return plain.query(sqlOrCursor);
    const values = [...(parameters ?? [])];
    if (!PREPARABLE.test(sqlOrCursor) || (!known.has(sqlOrCursor) && known.size >= MAX_PREPARED_PER_CONNECTION)) return plain.query<R>(sqlOrCursor, values);
    known.add(sqlOrCursor);
    // node-postgres types `command` as any string; Kysely reads it as one of the DML verbs it is.
    return client.query<R & pg.QueryResultRow>({ name: statementName(sqlOrCursor), text: sqlOrCursor, values }) as Promise<PostgresQueryResult<R>>;
  }
  return { query, release: (destroy?: boolean) => client.release(destroy) };
}

/**
 * Wraps a node-postgres pool for Kysely so that every connection prepares the statements it runs
 * (a named statement per SQL text, up to MAX_PREPARED_PER_CONNECTION each): PostgreSQL then parses
 * a statement once per connection and, after a few runs, reuses its plan instead of planning it on
 * every request — for the event path's one-statement write and the metrics reads, planning cost
 * more than running. Kysely sends every value as a parameter, so one text serves every call.
 * @example
 * const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedPool(new pg.Pool({ connectionString })) }) });
 */
export function preparedPool(pool: pg.Pool): PostgresPool {
  return {
    connect: async () => preparingClient(await pool.connect()),
    end: () => pool.end(),
  };
}
