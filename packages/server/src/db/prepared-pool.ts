import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';

/** Named statements kept per connection at most; past it, statements go unnamed (planned each time). */
export const MAX_PREPARED_PER_CONNECTION = 500;

// Only plannable statements are prepared: utility statements (DDL, SET, BEGIN...) gain nothing.
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

// Statements built for a list (an IN of the ids asked for, rows inserted at once) get a new text
// for each length: preparing them would fill a connection's statements with one-offs.
const MAX_PREPARED_PARAMETERS = 64;
const MAX_PREPARED_LENGTH = 16_384;

// A statement prepared before a migration changed its table fails from then on ("cached plan
// must not change result type"), as does one the server no longer has: the connection is then
// closed rather than returned to the pool, and the next one prepares afresh.
const STALE_STATEMENT_CODES = new Set(['0A000', '26000']);

const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
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

// One wrapper per connection for its life: Kysely keeps its own connection object per client it
// is given (and a set of those it has seen), so a new wrapper on every checkout would build both
// afresh on every query.
function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  let wrapper = wrappers.get(client);
  if (wrapper === undefined) {
    wrapper = wrapClient(client);
    wrappers.set(client, wrapper);
  }
  return wrapper;
}

function wrapClient(client: pg.PoolClient): PostgresPoolClient {
  // node-postgres's client is what Kysely takes; only plain statements are given a name.
  const plain: PostgresPoolClient = client;
  const known = new Set<string>();
  let stale = false;
  function query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') return plain.query(sqlOrCursor);
    const values = [...(parameters ?? [])];
    const preparable = PREPARABLE.test(sqlOrCursor) && values.length <= MAX_PREPARED_PARAMETERS && sqlOrCursor.length <= MAX_PREPARED_LENGTH;
    if (!preparable || (!known.has(sqlOrCursor) && known.size >= MAX_PREPARED_PER_CONNECTION)) return plain.query<R>(sqlOrCursor, values);
    known.add(sqlOrCursor);
    return new Promise<PostgresQueryResult<R>>((resolve, reject) => {
      const named = new pg.Query<R & pg.QueryResultRow>(sqlOrCursor, values, (error, result) => {
        if (!error) {
          // node-postgres types `command` as any string; Kysely reads it as one of the DML verbs it is.
          resolve(result as unknown as PostgresQueryResult<R>);
          return;
        }
        if (STALE_STATEMENT_CODES.has(String((error as { code?: unknown }).code))) stale = true;
        reject(error);
      });
      // Named once built from the text: given a config object ({ name, text, values }), node-postgres
      // copies it property descriptor by descriptor into an object V8 then reads slowly, on every query.
      (named as pg.Query & { name?: string }).name = statementName(sqlOrCursor);
      client.query(named);
    });
  }
  return { query, release: (destroy?: boolean) => client.release(destroy === true || stale) };
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
