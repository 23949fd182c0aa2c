// kill -9 of the server during a stream of events, then a restart on the same data: every
// acknowledged event is in case_events, no case version is skipped, and the timers and outbox
// rows match the log. On PostgreSQL when DATABASE_URL is set, else on a PGlite data folder.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Effect } from '@shuoshi/engine';
import { createDatabase, migrateToLatest, type DatabaseHandle } from '@shuoshi/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerChild } from '../../bench/server-child.js';
import { BENCH_TENANT, BENCH_USER, prepareDatabase } from '../../bench/server-prepare.js';

const DATABASE_URL = process.env['DATABASE_URL'];
const PASSWORD = 'crash-recovery-password';
const CLIENTS = 8;
// Effects that stay in the case (its row and log) and never become outbox rows.
const NOT_DELIVERED = new Set(['scheduleTimer', 'cancelTimer', 'stateChanged']);

interface Ack {
  caseId: string;
  version: number;
}

async function send(baseUrl: string, token: string, method: string, path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

// One client: opens a case, takes it to direct handling, then claims it again and again; every
// 2xx answer is an acknowledged event. Stops at the first network error (the server is gone).
async function client(baseUrl: string, token: string, acks: Ack[], stop: { at: number }): Promise<void> {
  try {
    while (Date.now() < stop.at) {
      const opened = await send(baseUrl, token, 'POST', '/api/cases', { workflow: { key: 'union-grievance' }, tenantId: BENCH_TENANT, channel: 'phone', data: { title: '夜班公交', description: '下夜班要走3公里才能打到车' } });
      if (opened.status !== 201) throw new Error(`open answered ${opened.status} ${JSON.stringify(opened.body)}`);
      const caseId = String(opened.body['id']);
      let version = Number(opened.body['version']);
      acks.push({ caseId, version });
      for (const event of [{ type: 'accept' }, { type: 'handle_directly', data: { category: 'commute' } }, ...Array.from({ length: 6 }, () => ({ type: 'claim' }))]) {
        const stepped = await send(baseUrl, token, 'POST', `/api/cases/${caseId}/events`, { ...event, version });
        if (stepped.status !== 200) throw new Error(`${event.type} answered ${stepped.status} ${JSON.stringify(stepped.body)}`);
        version = Number((stepped.body['case'] as { version: number }).version);
        acks.push({ caseId, version });
      }
    }
  } catch (error) {
    if (error instanceof TypeError) return; // fetch failed: the server was killed
    throw error;
  }
}

describe('a server killed with SIGKILL during a stream of events', () => {
  const schema = `crash_${randomBytes(6).toString('hex')}`;
  const dataDir = DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'shuoshi-crash-'));
  // One secret for both starts: a token signed before the crash still works after it.
  const secret = { SHUOSHI_SECRET: randomBytes(32).toString('hex') };
  const env: Record<string, string> = DATABASE_URL ? { ...secret, DATABASE_URL, SHUOSHI_DB_SCHEMA: schema } : { ...secret, SHUOSHI_DATA_DIR: dataDir ?? '' };
  const open = () => createDatabase({ databaseUrl: DATABASE_URL, schema, ...(dataDir ? { dataDir } : {}) });
  let server: ServerChild | undefined;

  beforeAll(async () => {
    const handle = await open();
    await migrateToLatest(handle.db);
    await prepareDatabase(handle.db, PASSWORD);
    await handle.close();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (DATABASE_URL) {
      const handle = await open();
      await handle.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await handle.close();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged event, skips no version and keeps timers and outbox rows in step with the log', async () => {
    server = await startServer({ env });
    const login = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: BENCH_USER, password: PASSWORD }) });
    const token = String(((await login.json()) as { token: string }).token);
    const acks: Ack[] = [];
    const stop = { at: Date.now() + 60_000 };
    const clients = Array.from({ length: CLIENTS }, () => client(server?.baseUrl ?? '', token, acks, stop));
    // Kill it mid-stream, once a good number of events went through.
    while (acks.length < 150) await new Promise((resolve) => setTimeout(resolve, 20));
    process.kill(server.pid, 'SIGKILL');
    await Promise.all(clients);
    expect(acks.length).toBeGreaterThanOrEqual(150);

    server = await startServer({ env });
    const last = acks[acks.length - 1];
    const shown = await fetch(`${server.baseUrl}/api/cases/${last?.caseId ?? ''}`, { headers: { authorization: `Bearer ${token}` } });
    expect(shown.status).toBe(200);
    await server.stop();
    server = undefined;

    const handle: DatabaseHandle = await open();
    try {
      const events = await handle.db.selectFrom('case_events').select(['case_id', 'seq', 'effects']).orderBy('case_id').orderBy('seq').execute();
      const logged = new Set(events.map((e) => `${e.case_id}#${e.seq}`));
      const lost = acks.filter((ack) => !logged.has(`${ack.caseId}#${ack.version}`));
      expect(lost).toEqual([]);

      const cases = await handle.db.selectFrom('cases').select(['case_id', 'version', 'snapshot']).execute();
      const timers = await handle.db.selectFrom('timers').select(['case_id', 'timer_id', 'status']).execute();
      const outbox = await handle.db.selectFrom('outbox').select(['case_id']).execute();
      for (const row of cases) {
        const mine = events.filter((e) => e.case_id === row.case_id);
        expect(mine.map((e) => e.seq)).toEqual(Array.from({ length: row.version }, (_, i) => i + 1));
        const snapshot = row.snapshot as { timers: Array<{ id: string }> };
        const pending = timers.filter((t) => t.case_id === row.case_id && t.status === 'pending').map((t) => t.timer_id);
        expect(pending.sort()).toEqual(snapshot.timers.map((t) => t.id).sort());
        const deliverable = mine.flatMap((e) => e.effects as Effect[]).filter((effect) => !NOT_DELIVERED.has(effect.type)).length;
        expect(outbox.filter((o) => o.case_id === row.case_id).length).toBe(deliverable);
      }
    } finally {
      await handle.close();
    }
  }, 300_000);
});
