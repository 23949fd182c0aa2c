import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { runStart } from '../cli/start-command.js';
import { createDatabase } from '../db/create-database.js';
import { DEMO_PASSWORD } from '../seed/demo-staff.js';
import { startServer, type RunningServer } from './start-server.js';
import { StartupError } from './startup-error.js';

const DATABASE_URL = process.env['DATABASE_URL'];
const folders: string[] = [];
const schemas: string[] = [];

afterAll(async () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  if (DATABASE_URL && schemas.length > 0) {
    const handle = await createDatabase({ databaseUrl: DATABASE_URL });
    for (const schema of schemas) await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(handle.db);
    await handle.close();
  }
});

function environment(dialect: 'pglite' | 'postgres'): Record<string, string> {
  const folder = mkdtempSync(join(tmpdir(), 'shuoshi-restart-'));
  folders.push(folder);
  const base = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SHUOSHI_DATA_DIR: join(folder, 'data') };
  if (dialect === 'pglite' || !DATABASE_URL) return base;
  const schema = `restart_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  schemas.push(schema);
  return { ...base, DATABASE_URL, SHUOSHI_DB_SCHEMA: schema, SHUOSHI_SECRET: 'restart-test-secret-of-at-least-32-characters' };
}

async function counts(running: RunningServer): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of ['tenants', 'users', 'workflows', 'cases', 'case_events', 'timers', 'outbox', 'sessions'] as const) {
    const row = await running.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    result[table] = Number(row.n);
  }
  return result;
}

async function json(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe.each(DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const))('startServer on %s', (dialect) => {
  it('keeps every record across a graceful restart, and seeds only once', async () => {
    const env = environment(dialect);
    const lines: string[] = [];
    const handlers = new Map<string, (signal: string) => void>();
    const exits: number[] = [];
    let running: RunningServer | undefined;
    const started = new Promise<RunningServer>((resolveStarted, rejectStarted) => {
      runStart(
        { out: (l) => lines.push(l), err: (l) => lines.push(l), env, baseDir: process.cwd() },
        { on: (signal, handler) => handlers.set(signal, handler), exitNow: (code) => exits.push(code) },
        (r) => resolveStarted(r),
      ).then((code) => exits.push(code), rejectStarted);
    });
    running = await started;
    const banner = lines.join('\n');
    expect(running.seeded?.cases).toBe(300);
    expect(banner).toContain(`server is up: ${running.url}`);
    expect(banner).toMatch(/seeded the Ninghai demo: \d+ unions, \d+ staff, 300 cases/);
    expect(banner).toMatch(/chalu\.admin\s+shuoshi-demo\s+工会管理员 Union admin\s+岔路镇总工会 Chalu Town Union/);

    expect((await json(`${running.url}/healthz`)).status).toBe(200);
    expect((await json(`${running.url}/readyz`)).body).toEqual({ status: 'ready' });
    const login = await json(`${running.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'chalu.admin', password: DEMO_PASSWORD }) });
    expect(login.status).toBe(200);
    const auth = { Authorization: `Bearer ${(login.body as { token: string }).token}` };
    const listed = await json(`${running.url}/api/cases?range=${encodeURIComponent('[0,9]')}`, { headers: auth });
    expect(listed.status).toBe(200);
    const visible = listed.headers.get('content-range');
    expect(visible).toMatch(/^cases 0-9\/\d+$/);
    const before = await counts(running);
    expect(before).toMatchObject({ cases: 300, sessions: 1 });

    // A request in flight when the signal comes is answered before the database closes.
    // The signal is sent the moment the request arrives: on PGlite a request can run to its end
    // without yielding to timers, so polling for it could miss it.
    let inFlightAtSignal = 0;
    const first = running;
    first.server.once('request', () => {
      inFlightAtSignal = first.requestsInFlight;
      handlers.get('SIGTERM')?.('SIGTERM');
      // A second signal while stopping exits at once (here: asks to; the test's exit does nothing).
      handlers.get('SIGINT')?.('SIGINT');
    });
    const slow = fetch(`${running.url}/api/cases?range=${encodeURIComponent('[0,299]')}`, { headers: auth });
    const answered = await slow;
    expect(inFlightAtSignal).toBe(1);
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as unknown[]).length).toBeGreaterThan(0);
    await expect.poll(() => exits.length, { timeout: 20_000 }).toBe(2);
    expect(exits).toEqual([1, 0]);
    expect(lines.join('\n')).toContain('SIGTERM: 正在停止 / stopping');
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();

    const again: string[] = [];
    running = await startServer({ env, out: (l) => again.push(l) });
    try {
      expect(running.seeded).toBeNull();
      expect(again.join('\n')).toContain('already there, every record kept');
      expect(await counts(running)).toEqual(before);
      // The token of the first run still works: the secret and the session survived.
      const me = await json(`${running.url}/api/auth/me`, { headers: auth });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ username: 'chalu.admin' });
      const relisted = await json(`${running.url}/api/cases?range=${encodeURIComponent('[0,9]')}`, { headers: auth });
      expect(relisted.headers.get('content-range')).toBe(visible);
    } finally {
      await running.close();
    }
  }, 240_000);
});

describe('startServer refusals', () => {
  it('explains a bad configuration value', async () => {
    await expect(startServer({ env: { PORT: 'abc', LOG_LEVEL: 'silent' }, out: () => undefined })).rejects.toThrow(/configuration is not valid:\n\s+PORT: must be a port number/);
    await expect(startServer({ env: { LOG_LEVEL: 'loud' }, out: () => undefined })).rejects.toBeInstanceOf(StartupError);
    await expect(startServer({ env: { DATABASE_URL: 'mysql://x', LOG_LEVEL: 'silent' }, out: () => undefined })).rejects.toThrow(/DATABASE_URL: must be a PostgreSQL URL/);
  });

  it('requires SHUOSHI_SECRET with PostgreSQL, before opening anything', async () => {
    await expect(startServer({ env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'silent' }, out: () => undefined })).rejects.toThrow(/SHUOSHI_SECRET is required with DATABASE_URL/);
  });

  it('says when PostgreSQL cannot be reached', async () => {
    const env = { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', SHUOSHI_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent' };
    await expect(startServer({ env, out: () => undefined })).rejects.toThrow(/Cannot use PostgreSQL at postgres:\/\/\*\*\*@127\.0\.0\.1:1\/none: nothing listens there/);
  });

  it('says when the port is taken, and leaves the data folder free', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const folder = mkdtempSync(join(tmpdir(), 'shuoshi-port-'));
    folders.push(folder);
    const env = { PORT: String(port), LOG_LEVEL: 'silent', SHUOSHI_SEED: 'false', SHUOSHI_DATA_DIR: folder };
    try {
      await expect(startServer({ env, out: () => undefined })).rejects.toThrow(new RegExp(`Port ${port} on 127.0.0.1 is already in use`));
      const running = await startServer({ env: { ...env, PORT: '0' }, out: () => undefined });
      await running.close();
    } finally {
      blocker.close();
    }
  }, 120_000);
});
