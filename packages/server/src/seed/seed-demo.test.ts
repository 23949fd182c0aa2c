import { BUILTIN_TEMPLATES, caseSnapshotSchema, createEngine, type CaseSnapshot } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import pino from 'pino';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app/create-app.js';
import { createTokenSigner } from '../auth/tokens.js';
import { createClock } from '../clock/clock.js';
import type { Database } from '../db/database.js';
import { NINGHAI_TENANTS } from '../testing/demo-tenants.js';
import { useMigratedDatabase } from '../testing/migrated-database.js';
import { registerPublishedWorkflows } from '../workflows/index.js';
import { buildDemoData, type DemoData } from './build-demo-data.js';
import { DEMO_PASSWORD, DEMO_STAFF } from './demo-staff.js';
import { DEMO_TENANTS } from './demo-tenants.js';
import { isDatabaseEmpty, seedDemoIfEmpty, type SeedSummary } from './seed-demo.js';

const NOW = new Date('2026-11-27T10:00:00+08:00');
const DAY = 86_400_000;

describe('the demo data', () => {
  let data: DemoData;
  const snapshots = (): CaseSnapshot[] => data.cases.map((c) => c.walked.snapshot);
  beforeAll(() => {
    data = buildDemoData({ now: NOW.getTime() });
  }, 60_000);

  it('is the same for the same seed and "now"', { timeout: 60_000 }, () => {
    const again = buildDemoData({ now: NOW.getTime() });
    const digest = (d: DemoData) => d.cases.map((c) => [c.id, c.reference, c.walked.plan.openedAt, c.walked.snapshot.state, c.walked.snapshot.seq, c.walked.snapshot.warning]);
    expect(digest(again)).toEqual(digest(data));
  });

  it('has 300 cases, walked without a refusal, spread over the past year', () => {
    expect(data.cases).toHaveLength(300);
    expect(data.refusals).toEqual([]);
    const opened = data.cases.map((c) => c.walked.plan.openedAt);
    expect(Math.min(...opened)).toBeGreaterThan(NOW.getTime() - 366 * DAY);
    expect(Math.max(...opened)).toBeLessThan(NOW.getTime());
    const months = new Set(opened.map((at) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
  });

  it('has a case in every state of every published workflow', () => {
    for (const { workflow } of data.workflows) {
      const reached = new Set(snapshots().filter((s) => s.workflow.key === workflow.key).map((s) => s.state));
      expect([...reached].sort(), workflow.key).toEqual(Object.keys(workflow.states).sort());
    }
  });

  it('has open cases in yellow and red, and referrals awaiting a reply, some overdue', () => {
    const open = snapshots().filter((s) => s.status === 'open');
    expect(open.filter((s) => s.warning === 'yellow').length).toBeGreaterThanOrEqual(5);
    expect(open.filter((s) => s.warning === 'red').length).toBeGreaterThanOrEqual(5);
    const awaiting = open.filter((s) => s.referrals.some((r) => r.status === 'awaiting'));
    expect(awaiting.length).toBeGreaterThanOrEqual(8);
    expect(awaiting.filter((s) => s.referrals.some((r) => r.status === 'awaiting' && r.overdue)).length).toBeGreaterThanOrEqual(3);
  });

  it('closes most cases, mostly rated 4-5, with a few dissatisfied workers reopening theirs', () => {
    const closed = snapshots().filter((s) => s.status === 'closed');
    expect(closed.length).toBeGreaterThan(150);
    const ratings = snapshots().flatMap((s) => (typeof s.data['satisfaction'] === 'number' ? [s.data['satisfaction']] : []));
    expect(ratings.filter((r) => r >= 4).length / ratings.length).toBeGreaterThan(0.75);
    const dissatisfied = data.cases.filter((c) => c.walked.events.some((e) => e.type === 'dissatisfied'));
    expect(dissatisfied.length).toBeGreaterThanOrEqual(3);
    expect(data.cases.filter((c) => c.walked.events.some((e) => e.stateTo === 'reopened')).length).toBeGreaterThanOrEqual(2);
  });

  it('mixes the four channels', () => {
    const channels = new Set(data.cases.map((c) => c.walked.plan.channel));
    expect([...channels].sort()).toEqual(['mini_program', 'online', 'phone', 'walk_in']);
  });

  it('numbers each case log from 1 and leaves only future timers pending', () => {
    for (const { walked, reference } of data.cases) {
      expect(walked.events.map((e) => e.seq), reference).toEqual(walked.events.map((_, i) => i + 1));
      expect(walked.snapshot.seq).toBe(walked.events.length);
      for (const timer of walked.timers.filter((t) => t.status === 'pending')) {
        expect(walked.snapshot.status).toBe('open');
        expect(timer.dueAt).toBeGreaterThan(NOW.getTime());
      }
    }
  });

  it('keeps the test tenant tree inside the demo tree, and usernames unique', () => {
    for (const tenant of NINGHAI_TENANTS) expect(DEMO_TENANTS).toContainEqual(tenant);
    expect(new Set(DEMO_STAFF.map((s) => s.username)).size).toBe(DEMO_STAFF.length);
  });
});

describe('seedDemoIfEmpty', () => {
  const database = useMigratedDatabase('seed');
  let db: Kysely<Database>;
  let summary: SeedSummary | null;

  beforeAll(async () => {
    db = database().db;
    summary = await seedDemoIfEmpty(db, { now: NOW });
  }, 120_000);

  it('writes the demo once, and not again on a database that has it', async () => {
    expect(summary).toMatchObject({ tenants: DEMO_TENANTS.length, users: DEMO_STAFF.length, workflows: 6, cases: 300 });
    expect(await isDatabaseEmpty(db)).toBe(false);
    expect(await seedDemoIfEmpty(db, { now: NOW })).toBeNull();
    const count = async (table: 'cases' | 'case_events' | 'tenants') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('cases')).toBe(300);
    expect(await count('case_events')).toBe(summary?.events);
    expect(await count('tenants')).toBe(DEMO_TENANTS.length);
  });

  it('stores snapshots the engine accepts, at the version of their last logged event', async () => {
    const engine = createEngine({ workflows: [...BUILTIN_TEMPLATES] });
    const outcome = await registerPublishedWorkflows(db, engine);
    expect(outcome.failed).toEqual([]);
    const rows = await db
      .selectFrom('cases')
      .select(['cases.case_id', 'cases.version', 'cases.snapshot', 'cases.status'])
      .select((eb) => eb.selectFrom('case_events').select((e) => e.fn.max('seq').as('m')).whereRef('case_events.case_id', '=', 'cases.case_id').as('last_seq'))
      .execute();
    for (const row of rows) {
      const snapshot = caseSnapshotSchema.parse(row.snapshot) as CaseSnapshot;
      expect(row.version).toBe(snapshot.seq);
      expect(Number(row.last_seq)).toBe(row.version);
      if (row.status === 'open') expect(() => engine.availableEvents(snapshot, { id: 'ninghai.admin', roles: ['county_admin'] })).not.toThrow();
    }
    const pendingOfClosed = await db
      .selectFrom('timers')
      .innerJoin('cases', (join) => join.onRef('cases.tenant_id', '=', 'timers.tenant_id').onRef('cases.case_id', '=', 'timers.case_id'))
      .select('timers.timer_id')
      .where('timers.status', '=', 'pending')
      .where((eb) => eb.or([eb('cases.status', '=', 'closed'), eb('timers.due_at', '<=', NOW)]))
      .execute();
    expect(pendingOfClosed).toEqual([]);
  });

  it('lets a demo user sign in and step a seeded case through the API', async () => {
    const clock = createClock({ testMode: true, start: NOW });
    const engine = createEngine({ workflows: [...BUILTIN_TEMPLATES], now: () => clock.now() });
    await registerPublishedWorkflows(db, engine);
    const { app } = createApp({ db, engine, clock, tokens: createTokenSigner('seed-test-secret-of-at-least-32-chars', 3600), logger: pino({ level: 'silent' }), options: { testMode: true } });
    const login = await request(app).post('/api/auth/login').send({ username: 'nanbu.intake1', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    const auth = { Authorization: `Bearer ${(login.body as { token: string }).token}` };
    const list = await request(app).get('/api/cases').query({ filter: JSON.stringify({ state: 'intake' }), range: '[0,49]' }).set(auth);
    expect(list.status).toBe(200);
    const fresh = (list.body as Array<{ id: string; version: number; state: string }>).find((c) => c.state === 'intake');
    expect(fresh).toBeDefined();
    const step = await request(app).post(`/api/cases/${fresh?.id}/events`).set(auth).send({ type: 'accept', version: fresh?.version });
    expect(step.status, JSON.stringify(step.body)).toBe(200);
    expect((step.body as { case: { state: string; version: number } }).case).toMatchObject({ state: 'triage', version: (fresh?.version ?? 0) + 1 });
  });
});
