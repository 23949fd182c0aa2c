// A probe of single metrics requests on a kept bench:metrics schema, one server process, no raw
// SQL in between: the median of N sequential requests per path, with /healthz and /api/auth/me as
// the floor of any request. Used to take the metrics request apart (docs/benchmarks.md).
//   PROBE_SCHEMA=<kept schema> [PROBE_N=400] [PROBE_PROF=<dir> for a CPU profile] npx tsx bench/metrics-probe.ts
import { createDatabase } from '@shuoshi/server';
import { COUNTY_USER, TOWNSHIP_USER, townshipId, upsertBenchUsers } from './metrics-generate.js';
import { getJson } from './metrics-timing.js';
import { startServer } from './server-child.js';
import { createJsonClient, login } from './server-load.js';

const url = process.env['BENCH_DATABASE_URL'] || process.env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
const schema = process.env['PROBE_SCHEMA'] ?? '';
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`PROBE_SCHEMA must name a schema kept by BENCH_KEEP=true pnpm bench:metrics; got ${JSON.stringify(schema)}`);
const rounds = Math.max(1, Number(process.env['PROBE_N'] ?? 400));
const password = 'probe-password-1';

const handle = await createDatabase({ databaseUrl: url, schema });
await upsertBenchUsers(handle.db, password);
await handle.close();
const server = await startServer({ env: { DATABASE_URL: url, SHUOSHI_DB_SCHEMA: schema }, cpuProfDir: process.env['PROBE_PROF'] });
const client = createJsonClient(server.baseUrl, 1);
try {
  const township = await login(client, TOWNSHIP_USER, password);
  const county = await login(client, COUNTY_USER, password);
  const paths: Array<[string, string]> = [[`/api/metrics?tenantId=${townshipId(1)}`, township], ['/api/metrics', county], ['/healthz', county], ['/api/auth/me', county]];
  for (const [path, token] of paths) {
    const once = () => getJson(client, path, token).catch(() => undefined);
    for (let i = 0; i < 20; i++) await once();
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      await once();
      samples.push(performance.now() - started);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? Number.NaN).toFixed(2);
    console.log(`${path}: median ${at(0.5)} ms p10 ${at(0.1)} p90 ${at(0.9)} over ${rounds}`);
  }
} finally {
  client.close();
  await server.stop();
}
