// `shuoshi start` with SHUOSHI_WORKERS=2 on PostgreSQL: the primary migrates the empty schema once
// and runs two server processes on one port; both serve; one killed is started again; SIGTERM to
// the primary stops them all. PostgreSQL only (PGlite is one process by nature).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createDatabase, type DatabaseHandle } from '@shuoshi/server';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type ServerChild } from '../../bench/server-child.js';
import { BENCH_TENANT, BENCH_USER, prepareDatabase } from '../../bench/server-prepare.js';

const DATABASE_URL = process.env['DATABASE_URL'];
const PASSWORD = 'cluster-start-password';

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(DATABASE_URL)('shuoshi start with two server processes on PostgreSQL', () => {
  const schema = `cluster_${randomBytes(6).toString('hex')}`;
  let server: ServerChild | undefined;
  let handle: DatabaseHandle | undefined;

  afterAll(async () => {
    await server?.stop();
    handle ??= await createDatabase({ databaseUrl: DATABASE_URL, schema });
    await handle.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await handle.close();
  });

  it('migrates once, serves from both processes, replaces one that dies and stops them all on SIGTERM', async () => {
    server = await startServer({ env: { DATABASE_URL: DATABASE_URL ?? '', SHUOSHI_DB_SCHEMA: schema, SHUOSHI_WORKERS: '2' } });
    const primary = server.pid;
    await until('two server processes run', () => childPids(primary).length === 2);
    expect(server.processCount()).toBe(3);
    handle = await createDatabase({ databaseUrl: DATABASE_URL, schema });
    const migrations = await handle.db.selectFrom('kysely_migration' as never).selectAll().execute();
    expect(migrations.length).toBeGreaterThan(0);
    await prepareDatabase(handle.db, PASSWORD);

    const base = server.baseUrl;
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: BENCH_USER, password: PASSWORD }) });
    expect(login.status).toBe(200);
    const token = String(((await login.json()) as { token: string }).token);
    // Both processes take connections: each answers requests (their CPU time grows).
    const cpuOf = (pid: number) => {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(fields[11]) + Number(fields[12]);
    };
    const workers = childPids(primary);
    const before = workers.map(cpuOf);
    const opened = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const response = await fetch(`${base}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, connection: 'close' }, body: JSON.stringify({ workflow: { key: 'union-grievance' }, tenantId: BENCH_TENANT, channel: 'phone', data: { title: '夜班公交', description: '下夜班打不到车' } }) });
        return response.status;
      }),
    );
    expect(opened.every((status) => status === 201)).toBe(true);
    expect(workers.map(cpuOf).every((after, i) => after > (before[i] ?? 0))).toBe(true);

    // A process killed is replaced, and the port keeps answering meanwhile.
    const [victim] = workers;
    process.kill(victim ?? 0, 'SIGKILL');
    await until('the killed process is replaced', () => {
      const now = childPids(primary);
      return now.length === 2 && !now.includes(victim ?? 0);
    });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const all = [primary, ...childPids(primary)];
    await server.stop();
    server = undefined;
    await until('every process has exited', () => all.every((pid) => { try { process.kill(pid, 0); return false; } catch { return true; } }), 30_000);
  }, 180_000);
});
