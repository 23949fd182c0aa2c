import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, tokenCache } from '../cases/test-helpers.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { fireDueTimers } from './fire-due-timers.js';
import { createTimerWorker } from './timer-worker.js';

let ctx: TestContext;
let token: (username: string) => Promise<string>;

beforeAll(async () => {
  ctx = await createTestContext();
  token = tokenCache(ctx);
});
afterAll(() => ctx?.close());

async function timersOf(caseId: string) {
  return ctx.db.selectFrom('timers').select(['timer_id', 'kind', 'status', 'due_at']).where('case_id', '=', caseId).orderBy('timer_id').execute();
}

async function timeline(caseId: string, as = 'chalu.intake_operator') {
  const response = await request(ctx.app).get(`/api/cases/${caseId}/timeline`).set('Authorization', `Bearer ${await token(as)}`);
  expect(response.status).toBe(200);
  return response.body as Array<{ seq: number; type: string; stateTo: string; warning: string; data: Record<string, unknown>; actor: { id: string } }>;
}

describe('fireDueTimers', () => {
  it('turns an unanswered intake yellow when the clock passes its working-day deadline', async () => {
    const opened = await openCase(ctx, await token('chalu.intake_operator'), { tenantId: 'chalu' });
    expect(opened.warning).toBe('green');
    expect((await timersOf(opened.id)).every((t) => t.status === 'pending')).toBe(true);

    // Nothing is due yet: a round does nothing.
    expect(await fireDueTimers(ctx.deps)).toEqual({ fired: 0, stale: 0, refused: 0 });

    const moved = await request(ctx.app).post('/api/test/clock/advance').send({ by: '2d' });
    expect(moved.status).toBe(200);
    expect(moved.body.timers.fired).toBeGreaterThanOrEqual(1);

    const shown = await request(ctx.app).get(`/api/cases/${opened.id}`).set('Authorization', `Bearer ${await token('chalu.intake_operator')}`);
    expect(shown.body.warning).toBe('yellow');
    expect(shown.body.version).toBeGreaterThan(opened.version);
    const entries = await timeline(opened.id);
    const fired = entries.filter((e) => e.type === '$timer');
    expect(fired.length).toBeGreaterThanOrEqual(1);
    expect(fired.every((e) => e.actor.id === 'system')).toBe(true);
    // Versions follow the log one by one: no step skipped, none doubled.
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    const rows = await timersOf(opened.id);
    expect(rows.filter((t) => t.status === 'fired').map((t) => t.timer_id).sort()).toEqual(fired.map((e) => String(e.data['timerId'])).sort());
  });

  it('cancels, without a step, a due timer that no longer applies to its case', async () => {
    const opened = await openCase(ctx, await token('chalu.intake_operator'), { tenantId: 'chalu' });
    await ctx.db
      .insertInto('timers')
      .values({ tenant_id: 'chalu', case_id: opened.id, timer_id: 'gone.sla', kind: 'sla', due_at: new Date(ctx.clock.now().getTime() - 1000), status: 'pending', fired_at: null })
      .execute();
    const round = await fireDueTimers(ctx.deps);
    expect(round.stale).toBeGreaterThanOrEqual(1);
    const row = (await timersOf(opened.id)).find((t) => t.timer_id === 'gone.sla');
    expect(row?.status).toBe('cancelled');
    const entries = await timeline(opened.id);
    expect(entries.filter((e) => e.type === '$timer' && e.data['timerId'] === 'gone.sla')).toEqual([]);
  });

  it('cancels a due timer whose case does not exist, once nothing else is due', async () => {
    await ctx.db
      .insertInto('timers')
      .values({ tenant_id: 'chalu', case_id: 'no-such-case', timer_id: 'orphan.sla', kind: 'sla', due_at: new Date(ctx.clock.now().getTime() - 1000), status: 'pending', fired_at: null })
      .execute();
    for (let round = await fireDueTimers(ctx.deps); round.fired > 0; round = await fireDueTimers(ctx.deps));
    await fireDueTimers(ctx.deps);
    const row = await ctx.db.selectFrom('timers').select('status').where('case_id', '=', 'no-such-case').executeTakeFirstOrThrow();
    expect(row.status).toBe('cancelled');
  });

  it('leaves a moved-on case alone: timers of a state left are cancelled by the step that left it', async () => {
    const opener = await token('chalu.intake_operator');
    const opened = await openCase(ctx, opener, { tenantId: 'chalu' });
    const accepted = await request(ctx.app).post(`/api/cases/${opened.id}/events`).set('Authorization', `Bearer ${opener}`).send({ type: 'accept', version: opened.version });
    expect(accepted.status).toBe(200);
    const intakeTimers = (await timersOf(opened.id)).filter((t) => t.timer_id.startsWith('intake'));
    expect(intakeTimers.length).toBeGreaterThan(0);
    expect(intakeTimers.every((t) => t.status === 'cancelled')).toBe(true);
  });

  it('leaves the timers of a case someone else holds pending, and fires them once it is free', async (context) => {
    // PGlite has one session: no other transaction can hold a row there.
    if (ctx.dialect !== 'postgres') return context.skip();
    const opened = await openCase(ctx, await token('chalu.intake_operator'), { tenantId: 'chalu' });
    ctx.clock.advance(14 * 86_400_000);
    const due = () => ctx.db.selectFrom('timers').select('timer_id').where('case_id', '=', opened.id).where('status', '=', 'pending').where('due_at', '<=', ctx.clock.now()).execute();
    expect((await due()).length).toBeGreaterThan(0);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.selectFrom('cases').select('version').where('case_id', '=', opened.id).forUpdate().execute();
      // Other cases' timers may fall due too; this one's must be left alone, without waiting on the lock.
      await fireDueTimers(ctx.deps, { batchSize: 1000 });
      expect((await due()).length).toBeGreaterThan(0);
    });
    await fireDueTimers(ctx.deps, { batchSize: 1000 });
    expect(await due()).toEqual([]);
    const entries = await timeline(opened.id);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries.filter((e) => e.type === '$timer').length).toBeGreaterThan(0);
  });

  it('drains a backlog in batches through the worker loop', async () => {
    const opener = await token('huchen.intake_operator');
    const cases = [];
    for (let i = 0; i < 3; i += 1) cases.push(await openCase(ctx, opener, { tenantId: 'huchen' }));
    // The clock is in the National Day holiday by now: two weeks reach past its working days.
    ctx.clock.advance(14 * 86_400_000);
    const worker = createTimerWorker(ctx.deps, { batchSize: 1 });
    let handled = 0;
    for (let round = await worker.runOnce(); round > 0; round = await worker.runOnce()) handled += round;
    expect(handled).toBeGreaterThanOrEqual(3);
    const pendingDue = await ctx.db.selectFrom('timers').select('timer_id').where('status', '=', 'pending').where('due_at', '<=', ctx.clock.now()).execute();
    expect(pendingDue).toEqual([]);
    await worker.stop();
  });
});

describe('the test clock routes', () => {
  it('answers the clock and refuses to move it backwards or by a malformed amount', async () => {
    const now = await request(ctx.app).get('/api/test/clock');
    expect(now.status).toBe(200);
    expect(now.body.adjustable).toBe(true);
    const back = await request(ctx.app).post('/api/test/clock/advance').send({ to: '2020-01-01T00:00:00Z' });
    expect(back.status).toBe(422);
    expect(back.body.error.code).toBe('CLOCK_BACKWARDS');
    for (const body of [{}, { by: '3 days' }, { by: '3d', to: '2030-01-01T00:00:00Z' }, { ms: 5 }]) {
      const refused = await request(ctx.app).post('/api/test/clock/advance').send(body);
      expect(refused.status).toBe(400);
    }
  });
});
