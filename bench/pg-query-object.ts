// Benchmark: node-postgres's client CPU for a prepared statement given as a config object
// ({ name, text, values }, which node-postgres copies by property descriptors on every call)
// against the same statement given as a `pg.Query` built from its text and named afterwards, as
// packages/server/src/db/prepared-pool.ts sends it. Interleaved rounds on one connection, so the
// machine's drift hits both alike. Measures, never asserts.
// Usage: npx tsx bench/pg-query-object.ts   (BENCH_DATABASE_URL, else DATABASE_URL, else the local `test` database)
import pg from 'pg';

const URL = process.env['BENCH_DATABASE_URL'] || process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
const ROUNDS = 10;
const PER_ROUND = 2000;
const text = 'SELECT $1::int AS a, $2::text AS b, $3::jsonb AS c';
const values = [1, 'hello', JSON.stringify({ x: 1, y: [1, 2, 3] })];

const client = new pg.Client({ connectionString: URL });
await client.connect();

async function viaConfig(): Promise<void> {
  for (let i = 0; i < PER_ROUND; i++) await client.query({ name: 'bench_config', text, values });
}

async function viaQuery(): Promise<void> {
  for (let i = 0; i < PER_ROUND; i++) {
    await new Promise((resolve, reject) => {
      const query = new pg.Query(text, values, (error, result) => (error ? reject(error) : resolve(result)));
      (query as pg.Query & { name?: string }).name = 'bench_query';
      client.query(query);
    });
  }
}

const cpuMs = { config: 0, query: 0 };
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of [['config', viaConfig], ['query', viaQuery]] as const) {
      const before = process.cpuUsage();
      await run();
      const used = process.cpuUsage(before);
      cpuMs[name] += (used.user + used.system) / 1000;
    }
  }
} finally {
  await client.end();
}
const queries = ROUNDS * PER_ROUND;
console.log(`client CPU per prepared query over ${queries} each, interleaved: config object ${((cpuMs.config * 1000) / queries).toFixed(1)} µs, pg.Query ${((cpuMs.query * 1000) / queries).toFixed(1)} µs`);
