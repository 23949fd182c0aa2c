import type { Effect } from '@shuoshi/engine';
import { sql } from 'kysely';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEffects } from '../cases/effects-repository.js';
import { openCase, tokenCache } from '../cases/test-helpers.js';
import { createDatabase, type DatabaseHandle } from '../db/create-database.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { claimDueDeliveries, recordDeliveryOutcome } from './delivery-repository.js';
import { createOutboxWorker } from './outbox-worker.js';
import { startWebhookReceiver, type WebhookReceiver } from './start-webhook-receiver.js';

let ctx: TestContext;
let token: (username: string) => Promise<string>;
let receiver: WebhookReceiver;

beforeAll(async () => {
  ctx = await createTestContext();
  token = tokenCache(ctx);
  receiver = await startWebhookReceiver();
}, 60_000);

afterAll(async () => {
  await receiver?.close();
  await ctx?.close();
});

async function drain(worker: { runOnce(): Promise<number> }): Promise<void> {
  for (let i = 0; i < 100 && (await worker.runOnce()) > 0; i += 1);
}

async function rowsOf(caseId: string) {
  return ctx.db.selectFrom('outbox').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('outbox_id').execute();
}

function webhook() {
  return { url: receiver.url, secret: 'lease-test-secret-0123456789', timeoutMs: 2000 };
}

describe('claims and leases', () => {
  async function actionRows(count: number): Promise<string> {
    const opened = await openCase(ctx, await token('chalu.intake_operator'));
    const effects: Effect[] = Array.from({ length: count }, (_, i) => ({ type: 'action', name: 'test_action', params: { i }, state: 'intake' }));
    await writeEffects(ctx.db, { tenantId: 'chalu', caseId: opened.id, reference: opened.reference, workflow: { key: 'union-grievance', version: 1 } }, effects, ctx.clock.now());
    return opened.id;
  }

  it('delivers each row exactly once with two workers running at the same time', async () => {
    receiver.status = 200;
    receiver.delayMs = 5;
    receiver.hits.length = 0;
    const caseId = await actionRows(120);
    let second: DatabaseHandle | undefined;
    try {
      // On PostgreSQL the second worker has its own pool, as another server process would.
      if (ctx.dialect === 'postgres') {
        const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(ctx.db);
        second = await createDatabase({ databaseUrl: process.env['DATABASE_URL'], schema: rows[0]?.schema ?? 'public' });
      }
      const settings = { webhook: webhook(), batchSize: 7, concurrency: 3 };
      const workers = [createOutboxWorker(ctx.deps, settings), createOutboxWorker({ ...ctx.deps, db: second?.db ?? ctx.db }, settings)];
      const handled = await Promise.all(
        workers.map(async (worker) => {
          let total = 0;
          for (let n = await worker.runOnce(); n > 0; n = await worker.runOnce()) total += n;
          return total;
        }),
      );
      const rows = await rowsOf(caseId);
      const hits = receiver.hits.filter((hit) => hit.json['caseId'] === caseId);
      const perRow = new Map<unknown, number>();
      for (const hit of hits) perRow.set(hit.json['id'], (perRow.get(hit.json['id']) ?? 0) + 1);
      expect(rows.filter((row) => row.type === 'action')).toHaveLength(120);
      expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
      expect([...perRow.values()].every((n) => n === 1)).toBe(true);
      expect(perRow.size).toBe(rows.length);
      expect(handled.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(rows.length);
      if (ctx.dialect === 'postgres') expect(handled.every((n) => n > 0), `both workers took rows: ${handled.join(', ')}`).toBe(true);
    } finally {
      receiver.delayMs = 0;
      await second?.close();
    }
  });

  it('gives a row back when its claimer stops, and ignores the late outcome of the lapsed claim', async () => {
    receiver.status = 200;
    receiver.hits.length = 0;
    const caseId = await actionRows(1);
    // Claim everything due, as a process would just before it dies.
    const crashed = await claimDueDeliveries(ctx.db, { now: ctx.clock.now(), leaseMs: 60_000, batchSize: 500, maxAttempts: 8 });
    const mine = crashed.claims.filter((claim) => claim.item?.caseId === caseId);
    expect(mine).toHaveLength(1);
    const worker = createOutboxWorker(ctx.deps, { webhook: webhook() });
    await drain(worker);
    expect((await rowsOf(caseId))[0]).toMatchObject({ status: 'sending', attempts: 1 });
    expect(receiver.hits.filter((hit) => hit.json['caseId'] === caseId)).toHaveLength(0);

    ctx.clock.advance(60_000);
    await drain(worker);
    expect((await rowsOf(caseId))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(receiver.hits.filter((hit) => hit.json['caseId'] === caseId).map((hit) => hit.json['attempt'])).toEqual([2]);
    const [claim] = mine;
    if (!claim) throw new Error('no claim');
    expect(await recordDeliveryOutcome(ctx.db, claim, { status: 'failed', deliveredChannels: [], error: 'late', nextAttemptAt: ctx.clock.now() }, ctx.clock.now())).toBe(false);
    expect((await rowsOf(caseId))[0]?.status).toBe('sent');
  });

  it('declares dead a row whose claimers keep stopping, and fences a stale claim after a retry', async () => {
    const caseId = await actionRows(1);
    const first = await claimDueDeliveries(ctx.db, { now: ctx.clock.now(), leaseMs: 1000, batchSize: 500, maxAttempts: 1 });
    ctx.clock.advance(1000);
    await drain(createOutboxWorker(ctx.deps, { maxAttempts: 1 }));
    const [row] = await rowsOf(caseId);
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row?.last_error).toContain('without an outcome');

    // A retry restarts the count: the first claim, still hung somewhere, must not pass for the new one.
    const retried = await request(ctx.app).post(`/api/outbox/${row?.outbox_id ?? ''}/retry`).set('Authorization', `Bearer ${await token('ninghai.county_admin')}`);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    ctx.clock.advance(1);
    const second = await claimDueDeliveries(ctx.db, { now: ctx.clock.now(), leaseMs: 60_000, batchSize: 500, maxAttempts: 8 });
    const [stale] = first.claims.filter((claim) => claim.outboxId === row?.outbox_id);
    const [fresh] = second.claims.filter((claim) => claim.outboxId === row?.outbox_id);
    if (!stale || !fresh) throw new Error('the row was not claimed twice');
    expect([stale.attempt, fresh.attempt]).toEqual([1, 1]);
    expect(await recordDeliveryOutcome(ctx.db, stale, { status: 'sent', deliveredChannels: [] }, ctx.clock.now())).toBe(false);
    expect(await recordDeliveryOutcome(ctx.db, fresh, { status: 'sent', deliveredChannels: [] }, ctx.clock.now())).toBe(true);
  });
});
