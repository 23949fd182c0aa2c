// Three server processes on one PostgreSQL fire 2,000 due timers: every timer exactly once.
// The processes are the real CLI (bench/server-child.ts starts it as `pnpm start` would), on a
// schema of their own that this test prepares; their timer workers do the work unaided.
import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '@shuoshi/engine';
import { createDatabase, migrateToLatest, type DatabaseHandle } from '@shuoshi/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type ServerChild } from '../../bench/server-child.js';
import { BENCH_TENANT, prepareDatabase } from '../../bench/server-prepare.js';
import { openCasesInThePast } from './open-cases-in-the-past.js';

const DATABASE_URL = process.env['DATABASE_URL'];
const TIMERS = 2000;

describe.skipIf(!DATABASE_URL)('timers across three server processes on one PostgreSQL', () => {
  const schema = `t3p_${randomBytes(6).toString('hex')}`;
  let handle: DatabaseHandle;
  const servers: ServerChild[] = [];

  beforeAll(async () => {
    handle = await createDatabase({ databaseUrl: DATABASE_URL, schema });
    await migrateToLatest(handle.db);
    await prepareDatabase(handle.db, 'three-processes-password');
    await openCasesInThePast(handle.db, { tenantId: BENCH_TENANT, timers: TIMERS, daysAgo: 30 });
  }, 300_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await handle.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await handle.close();
  });

  it('fires every due timer exactly once, in the case and in its log', async () => {
    const due = await handle.db.selectFrom('timers').select(['case_id', 'timer_id']).where('status', '=', 'pending').where('due_at', '<=', new Date()).execute();
    expect(due.length).toBeGreaterThanOrEqual(TIMERS);

    for (let i = 0; i < 3; i += 1) servers.push(await startServer({ env: { DATABASE_URL: DATABASE_URL ?? '', SHUOSHI_DB_SCHEMA: schema } }));
    const deadline = Date.now() + 180_000;
    for (;;) {
      const left = await handle.db.selectFrom('timers').select((eb) => eb.fn.countAll<string>().as('n')).where('status', '=', 'pending').where('due_at', '<=', new Date()).executeTakeFirstOrThrow();
      if (Number(left.n) === 0) break;
      if (Date.now() > deadline) throw new Error(`${left.n} due timers still pending after 180 s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    const fired = await handle.db.selectFrom('timers').select(['case_id', 'timer_id', 'status']).where('status', '!=', 'pending').execute();
    const firedKeys = new Set(fired.filter((t) => t.status === 'fired').map((t) => `${t.case_id}/${t.timer_id}`));
    for (const timer of due) expect(firedKeys.has(`${timer.case_id}/${timer.timer_id}`)).toBe(true);

    const entries = await handle.db.selectFrom('case_events').select(['case_id', 'seq', 'type', 'actor_id', 'data']).orderBy('case_id').orderBy('seq').execute();
    const timerEntries = entries.filter((e) => e.type === '$timer');
    const logged = timerEntries.map((e) => `${e.case_id}/${String((e.data as Record<string, unknown>)['timerId'])}`);
    // Exactly once: no timer is logged twice, and every fired row is logged.
    expect(new Set(logged).size).toBe(logged.length);
    expect(new Set(logged)).toEqual(firedKeys);
    expect(timerEntries.every((e) => e.actor_id === SYSTEM_ACTOR.id)).toBe(true);

    // Every case's log runs 1..version without a gap: no step lost, none doubled.
    const cases = await handle.db.selectFrom('cases').select(['case_id', 'version', 'warning']).execute();
    const seqs = new Map<string, number[]>();
    for (const entry of entries) seqs.set(entry.case_id, [...(seqs.get(entry.case_id) ?? []), entry.seq]);
    for (const row of cases) {
      expect(seqs.get(row.case_id)).toEqual(Array.from({ length: row.version }, (_, i) => i + 1));
      // Every intake ran past its working-day deadline: none is green any more.
      expect(row.warning).not.toBe('green');
    }
  }, 300_000);
});
