import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createDatabase, migrateToLatest } from '@shuoshi/server';
import { startServer } from './server-child.js';
import { createJsonClient, login, openBenchCases, runEventLoad } from './server-load.js';
import { prepareDatabase, BENCH_USER } from './server-prepare.js';
const url = 'postgres://postgres@127.0.0.1:5432/test';
const schema = `bench_${randomBytes(6).toString('hex')}`;
const handle = await createDatabase({ databaseUrl: url, schema });
const record = process.env['PERF_RECORD'];
try {
  await migrateToLatest(handle.db); await prepareDatabase(handle.db, 'pw-123456');
  const server = await startServer({ env: { DATABASE_URL: url, SHUOSHI_DB_SCHEMA: schema, ...(record ? { NODE_OPTIONS: '--perf-basic-prof-only-functions' } : {}) } });
  try {
    const c0 = createJsonClient(server.baseUrl, 1);
    const cases = await openBenchCases(c0, await login(c0, BENCH_USER, 'pw-123456'), 16, 'bench');
    c0.close();
    for (const clients of (process.env['C'] ?? '1,16').split(',').map(Number)) {
      const client = createJsonClient(server.baseUrl, clients);
      const token = await login(client, BENCH_USER, 'pw-123456');
      const args = record ? ['record', '-F', '499', '-g', '-o', `/tmp/perf-c${clients}.data`, '-p', String(server.pid), '--', 'sleep', '5'] : ['stat', '--per-thread', '-e', 'task-clock', '-p', String(server.pid), '--', 'sleep', '5'];
      let out = '';
      const perf = spawn('perf', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      perf.stderr.on('data', (d) => (out += d)); perf.stdout.on('data', (d) => (out += d));
      const done = new Promise((r) => perf.once('exit', r));
      const cpu0 = server.cpuMs();
      const f = await runEventLoad(client, token, cases.slice(0, clients), { warmupMs: 500, durationMs: 5000 });
      await done;
      console.log(`c=${clients}: ${f.count} events ${f.perSecond.toFixed(0)}/s p50 ${f.p50Ms.toFixed(2)} proc cpu ${((server.cpuMs()! - cpu0!) / (f.count * 1.1)).toFixed(2)} ms/ev`);
      console.log(out.split('\n').filter((l) => /task-clock|perf-/.test(l) || l.includes('msec')).map((l) => l.trim()).join('\n'));
      client.close();
    }
  } finally { await server.stop(); }
} finally { await handle.db.schema.dropSchema(schema).ifExists().cascade().execute(); await handle.close(); }
