// Raw SQL for bench/metrics.ts through a Kysely handle of @shuoshi/server: the root package does not
// depend on kysely (so cannot import its `sql` tag), and a benchmark adds no dependency. `q` is a
// small tagged template with numbered parameters; `run` executes it on a Kysely instance or transaction.
import type { BenchDb } from './server-prepare.js';

/**
 * A SQL text with its parameters ($1, $2, ...).
 * @example
 * const query: Query = q`select count(*) from cases where tenant_id = ${'benchm'}`;
 */
export interface Query {
  text: string;
  values: unknown[];
}

/**
 * Text spliced into a query as it is (identifiers, fixed SQL), never a value from outside.
 * @example
 * q`drop table ${verbatim('bm_gen')}`;
 */
export class Verbatim {
  constructor(readonly text: string) {}
}

/**
 * Marks trusted SQL text to be spliced into a `q` query as it is.
 * @example
 * q`vacuum (analyze) ${verbatim(table)}`;
 */
export function verbatim(text: string): Verbatim {
  return new Verbatim(text);
}

/**
 * Builds a query: values become $n parameters, `verbatim(...)` text is spliced in, nested queries
 * are merged with their parameters renumbered.
 * @example
 * const query = q`select * from tenants where path like ${'/benchm/%'}`;
 */
export function q(strings: TemplateStringsArray, ...values: unknown[]): Query {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof Verbatim) text += value.text;
    else if (isQuery(value)) {
      const offset = params.length;
      text += value.text.replace(/\$(\d+)/g, (_, n: string) => `$${offset + Number(n)}`);
      params.push(...value.values);
    } else {
      params.push(value);
      text += `$${params.length}`;
    }
    text += strings[i + 1] ?? '';
  });
  return { text, values: params };
}

function isQuery(value: unknown): value is Query {
  return typeof value === 'object' && value !== null && 'text' in value && 'values' in value && Array.isArray((value as Query).values);
}

type Compiled = Extract<Parameters<BenchDb['executeQuery']>[0], { sql: string }>;

/**
 * Runs a query (or a plain SQL text) and answers its rows.
 * @example
 * const rows = await run<{ n: string }>(db, q`select count(*) as n from cases`);
 */
export async function run<R = Record<string, unknown>>(db: BenchDb, query: Query | string): Promise<R[]> {
  const { text, values } = typeof query === 'string' ? { text: query, values: [] } : query;
  const compiled: Compiled = { sql: text, parameters: values, query: { kind: 'RawNode', sqlFragments: [text], parameters: [] }, queryId: { queryId: 'bench-metrics' } };
  const result = await db.executeQuery(compiled);
  return result.rows as R[];
}
