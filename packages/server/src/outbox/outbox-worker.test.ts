import { sql } from 'kysely';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEffects } from '../cases/effects-repository.js';
import { openCase, SLEEVES_DATA, tokenCache } from '../cases/test-helpers.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { createOutboxWorker } from './outbox-worker.js';
import { startWebhookReceiver, type WebhookReceiver } from './start-webhook-receiver.js';
import { SIGNATURE_HEADER, verifyWebhookSignature } from './webhook-channel.js';
import type { WorkerMessage, WorkerMessenger } from './worker-messenger.js';

const SECRET = 'outbox-test-secret-0123456789';
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

// How far to move the clock for every row to be due (their waits started a few ms apart).
function untilAllDue(rows: ReadonlyArray<{ next_attempt_at: Date }>): number {
  return Math.max(...rows.map((row) => new Date(row.next_attempt_at).getTime())) - ctx.clock.now().getTime() + 1;
}

function webhook(overrides: { timeoutMs?: number } = {}) {
  return { url: receiver.url, secret: SECRET, timeoutMs: overrides.timeoutMs ?? 2000 };
}

function capture(channel: 'sms' | 'wechat'): WorkerMessenger & { sent: WorkerMessage[] } {
  const sent: WorkerMessage[] = [];
  return { channel, sent, send: async (message) => void sent.push(message) };
}

describe('in-app, SMS and WeChat deliveries', () => {
  it('notifies the supervisors of the case union and the unions above it after runOnce, once', async () => {
    const opened = await openCase(ctx, await token('chalu.intake_operator'), { data: { ...SLEEVES_DATA, workers_affected: 12 } });
    const notify = (await rowsOf(opened.id)).filter((row) => row.type === 'notify');
    expect(notify).toHaveLength(1);
    expect(notify[0]?.status).toBe('pending');
    const worker = createOutboxWorker(ctx.deps);
    await drain(worker);
    const notifications = await ctx.db.selectFrom('notifications').selectAll().where('case_id', '=', opened.id).orderBy('user_id').execute();
    expect(notifications.map((n) => n.user_id)).toEqual(['chalu.supervisor', 'ninghai.supervisor']);
    expect(notifications[0]).toMatchObject({ tenant_id: 'chalu', case_tenant_id: 'chalu', reference: opened.reference, reason: 'rule', read_at: null });
    expect(notifications[1]?.tenant_id).toBe('ninghai');
    expect(notifications[0]?.message_zh.length).toBeGreaterThan(0);
    const [row] = (await rowsOf(opened.id)).filter((r) => r.type === 'notify');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, delivered_channels: ['inApp'], last_error: null });
    // Every other effect of the step has no channel without a webhook: sent at once.
    expect((await rowsOf(opened.id)).every((r) => r.status === 'sent')).toBe(true);

    const listed = await request(ctx.app).get('/api/notifications').set('Authorization', `Bearer ${await token('ninghai.supervisor')}`);
    expect(listed.status).toBe(200);
    expect((listed.body as Array<{ caseId: string }>).filter((n) => n.caseId === opened.id)).toHaveLength(1);
    const huchen = await request(ctx.app).get('/api/notifications').set('Authorization', `Bearer ${await token('huchen.supervisor')}`);
    expect((huchen.body as Array<{ caseId: string }>).filter((n) => n.caseId === opened.id)).toEqual([]);
  });

  it('notifies the assignee in-app when a notify names the assignee', async () => {
    const opened = await openCase(ctx, await token('chalu.intake_operator'));
    await request(ctx.app).post(`/api/cases/${opened.id}/assign`).set('Authorization', `Bearer ${await token('chalu.township_admin')}`).send({ assigneeId: 'chalu.mediator', version: opened.version }).expect(200);
    await writeEffects(ctx.db, { tenantId: 'chalu', caseId: opened.id, reference: opened.reference, workflow: { key: 'union-grievance', version: 1 } }, [{ type: 'notify', to: { assignee: true }, message: { zh: '请尽快处理', en: 'Please handle it soon' }, reason: 'warning', state: 'intake' }], ctx.clock.now());
    await drain(createOutboxWorker(ctx.deps));
    const notifications = await ctx.db.selectFrom('notifications').select(['user_id', 'reason']).where('case_id', '=', opened.id).execute();
    expect(notifications).toEqual([{ user_id: 'chalu.mediator', reason: 'warning' }]);
  });

  it('texts the worker when a notify names the worker, and skips an anonymous matter', async () => {
    const sms = capture('sms');
    const wechat = capture('wechat');
    const worker = createOutboxWorker(ctx.deps, {}, { sms, wechat });
    const named = await openCase(ctx, await token('chalu.intake_operator'));
    const anonymous = await openCase(ctx, await token('chalu.intake_operator'), { data: { title: SLEEVES_DATA.title, description: SLEEVES_DATA.description } });
    for (const opened of [named, anonymous]) {
      const declined = await request(ctx.app)
        .post(`/api/cases/${opened.id}/events`)
        .set('Authorization', `Bearer ${await token('chalu.intake_operator')}`)
        .send({ type: 'decline', version: opened.version, data: { decline_reason: '不属于工会受理范围' } });
      expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    }
    // No built-in form asks for an openid; a WeChat intake channel would store it in the case data.
    await sql`update cases set data = data || ${JSON.stringify({ wechat_openid: 'o-test-openid' })}::jsonb where case_id = ${named.id}`.execute(ctx.db);
    await drain(worker);
    expect(sms.sent.map((m) => m.reference)).toEqual([named.reference]);
    expect(sms.sent[0]).toMatchObject({ to: SLEEVES_DATA.worker_phone, tenantId: 'chalu' });
    expect(sms.sent[0]?.text).toContain('未予受理');
    expect(sms.sent[0]?.text).toContain(named.reference);
    expect(wechat.sent.map((m) => m.to)).toEqual(['o-test-openid']);
    for (const opened of [named, anonymous]) {
      const [row] = (await rowsOf(opened.id)).filter((r) => r.type === 'notify');
      expect(row?.status).toBe('sent');
      expect([...(row?.delivered_channels ?? [])].sort()).toEqual(['sms', 'wechat']);
    }
  });

  it('logs a message of the built-in SMS adapter without the number, the name or the text', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
    const opened = await openCase(ctx, await token('chalu.intake_operator'));
    await request(ctx.app)
      .post(`/api/cases/${opened.id}/events`)
      .set('Authorization', `Bearer ${await token('chalu.intake_operator')}`)
      .send({ type: 'decline', version: opened.version, data: { decline_reason: '不属于工会受理范围' } })
      .expect(200);
    await drain(createOutboxWorker({ ...ctx.deps, logger }));
    const sms = lines.filter((line) => line.includes(opened.reference) && line.includes('"channel":"sms"'));
    expect(sms).toHaveLength(1);
    const all = lines.join('\n');
    for (const secret of [SLEEVES_DATA.worker_phone, SLEEVES_DATA.worker_name, '未予受理']) expect(all).not.toContain(secret);
  });
});

describe('webhook deliveries', () => {
  it('posts every effect of a step to the webhook with a valid signature', async () => {
    receiver.status = 200;
    receiver.hits.length = 0;
    const worker = createOutboxWorker(ctx.deps, { webhook: webhook() });
    const opened = await openCase(ctx, await token('chalu.intake_operator'), { data: { ...SLEEVES_DATA, workers_affected: 12 } });
    await drain(worker);
    const rows = await rowsOf(opened.id);
    expect(rows.length).toBeGreaterThan(1);
    const hits = receiver.hits.filter((hit) => hit.json['caseId'] === opened.id);
    expect(hits.map((hit) => hit.json['id']).sort()).toEqual(rows.map((row) => row.outbox_id).sort());
    for (const hit of hits) {
      expect(verifyWebhookSignature(SECRET, hit.body, hit.headers[SIGNATURE_HEADER.toLowerCase()])).toBe(true);
      expect(verifyWebhookSignature('another-secret-0123456789', hit.body, hit.headers[SIGNATURE_HEADER.toLowerCase()])).toBe(false);
      expect(hit.headers['x-shuoshi-delivery']).toBe(hit.json['id']);
      expect(hit.headers['content-type']).toBe('application/json');
      expect(hit.json).toMatchObject({ tenantId: 'chalu', reference: opened.reference, workflow: { key: 'union-grievance', version: 1 }, attempt: 1 });
      expect(hit.headers['x-shuoshi-event']).toBe((hit.json['effect'] as { type: string }).type);
    }
    const notify = rows.find((row) => row.type === 'notify');
    expect([...(notify?.delivered_channels ?? [])].sort()).toEqual(['inApp', 'webhook']);
    expect(rows.every((row) => row.status === 'sent' && row.delivered_at !== null)).toBe(true);
  });

  it('retries a failing receiver with growing waits as the clock moves, then gives up, and a retry delivers it', async () => {
    receiver.status = 500;
    receiver.hits.length = 0;
    const worker = createOutboxWorker(ctx.deps, { webhook: webhook(), maxAttempts: 3, random: () => 0.5 });
    const opened = await openCase(ctx, await token('chalu.intake_operator'), { data: { ...SLEEVES_DATA, workers_affected: 12 } });
    const ids = (await rowsOf(opened.id)).map((row) => row.outbox_id);
    const hitsFor = () => receiver.hits.filter((hit) => hit.json['caseId'] === opened.id).length;

    await drain(worker);
    let rows = await rowsOf(opened.id);
    const start = ctx.clock.now().getTime();
    expect(rows.every((row) => row.status === 'failed' && row.attempts === 1)).toBe(true);
    expect(rows[0]?.last_error).toContain('500');
    // The test clock runs on from real time: allow for the milliseconds the attempt took.
    const firstWait = new Date(rows[0]?.next_attempt_at ?? 0).getTime() - start;
    expect(firstWait).toBeGreaterThan(29_000);
    expect(firstWait).toBeLessThanOrEqual(30_000);
    // The in-app half got through on the first attempt and is not repeated by the retries.
    expect(rows.find((row) => row.type === 'notify')?.delivered_channels).toEqual(['inApp']);
    expect(hitsFor()).toBe(ids.length);

    await drain(worker);
    expect(hitsFor()).toBe(ids.length);
    ctx.clock.advance(untilAllDue(rows));
    await drain(worker);
    rows = await rowsOf(opened.id);
    expect(rows.every((row) => row.status === 'failed' && row.attempts === 2)).toBe(true);
    const secondWait = new Date(rows[0]?.next_attempt_at ?? 0).getTime() - ctx.clock.now().getTime();
    expect(secondWait).toBeGreaterThan(119_000);
    expect(secondWait).toBeLessThanOrEqual(120_000);
    expect(secondWait).toBeGreaterThan(firstWait);

    ctx.clock.advance(untilAllDue(rows));
    await drain(worker);
    rows = await rowsOf(opened.id);
    expect(rows.every((row) => row.status === 'dead' && row.attempts === 3)).toBe(true);
    expect(hitsFor()).toBe(3 * ids.length);
    expect(await ctx.db.selectFrom('notifications').select('user_id').where('case_id', '=', opened.id).execute()).toHaveLength(2);
    ctx.clock.advance(600_000);
    await drain(worker);
    expect(hitsFor()).toBe(3 * ids.length);

    const admin = `Bearer ${await token('chalu.township_admin')}`;
    const dead = await request(ctx.app).get('/api/outbox').query({ filter: JSON.stringify({ status: 'dead', caseId: opened.id }) }).set('Authorization', admin);
    expect(dead.status).toBe(200);
    expect((dead.body as Array<{ id: string }>).map((entry) => entry.id).sort()).toEqual([...ids].sort());
    expect(dead.body[0]).toMatchObject({ status: 'dead', attempts: 3, reference: opened.reference, lastError: expect.stringContaining('Attempt 3 of 3') });

    receiver.status = 200;
    const [first] = ids;
    const retried = await request(ctx.app).post(`/api/outbox/${first ?? ''}/retry`).set('Authorization', admin);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    expect(Date.parse(retried.body.nextAttemptAt as string)).toBeLessThanOrEqual(ctx.clock.now().getTime());
    await drain(worker);
    const again = await request(ctx.app).get(`/api/outbox/${first ?? ''}`).set('Authorization', admin);
    expect(again.body).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(receiver.hits.filter((hit) => hit.json['id'] === first)).toHaveLength(4);
    const stillDead = await request(ctx.app).get('/api/outbox').query({ filter: JSON.stringify({ status: 'dead', caseId: opened.id }) }).set('Authorization', admin);
    expect(stillDead.body).toHaveLength(ids.length - 1);
  });

  it('counts a receiver that does not answer in time as a failure', async () => {
    receiver.status = 200;
    receiver.delayMs = 1500;
    try {
      const opened = await openCase(ctx, await token('chalu.intake_operator'), { data: { ...SLEEVES_DATA, workers_affected: 12 } });
      await drain(createOutboxWorker(ctx.deps, { webhook: webhook({ timeoutMs: 200 }) }));
      const rows = await rowsOf(opened.id);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.status === 'failed' && (row.last_error ?? '').includes('did not answer within 200 ms'))).toBe(true);
    } finally {
      receiver.delayMs = 0;
    }
  });
});
