import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import type { CaseDto, TimelineEntry } from './schemas.js';
import { openCase, SLEEVES_DATA, tokenCache } from './test-helpers.js';

let ctx: TestContext;
let token: (username: string) => Promise<string>;

beforeAll(async () => {
  ctx = await createTestContext();
  token = tokenCache(ctx);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

async function send(username: string, id: string, body: Record<string, unknown>) {
  return request(ctx.app).post(`/api/cases/${id}/events`).set('Authorization', `Bearer ${await token(username)}`).send(body);
}

describe('the sleeves demand', () => {
  it('is closed in-house by the Hengxiang enterprise union, end to end', async () => {
    const intake = 'hengxiang.intake_operator';
    const opened = await openCase(ctx, await token(intake));
    expect(opened).toMatchObject({ tenantId: 'hengxiang', state: 'intake', status: 'open', version: 1, channel: 'walk_in', title: SLEEVES_DATA.title, workflow: { key: 'union-grievance', version: 1, tenantId: 'ninghai' } });
    expect(opened.reference).toMatch(/^NH-2025-\d{6}$/);
    expect(opened.stateTitle).toEqual({ zh: '受理', en: 'Intake' });

    let version = opened.version;
    const step = async (username: string, type: string, data?: Record<string, unknown>) => {
      const response = await send(username, opened.id, { type, version, ...(data ? { data } : {}) });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      version = (response.body as { case: CaseDto }).case.version;
      return response.body as { case: CaseDto; effects: Array<{ type: string }> };
    };
    await step(intake, 'accept');
    await step(intake, 'handle_directly', { category: 'working_conditions' });
    await step('hengxiang.township_admin', 'claim');
    const resolved = await step('hengxiang.township_admin', 'resolve', { resolution: '工会与企业协商，为环卫工人发放可拆卸袖套。' });
    expect(resolved.case.state).toBe('resolved');
    expect(resolved.effects.map((e) => e.type)).toContain('notify');
    const replied = await step(intake, 'reply_to_worker');
    expect(replied.case.state).toBe('follow_up');
    expect(replied.effects.map((e) => e.type)).toContain('requestFollowUp');

    // Whoever handled the case may not rate it: the follow-up is independent.
    const handlerRates = await send('hengxiang.township_admin', opened.id, { type: 'rate', version, data: { satisfaction: 5 } });
    expect(handlerRates.status).toBe(422);
    expect(handlerRates.body.error.code).toBe('SEPARATION_OF_DUTIES');
    const rated = await step('hengxiang.supervisor', 'rate', { satisfaction: 5, follow_up_comment: '李阿姨很满意' });
    expect(rated.case).toMatchObject({ state: 'closed', status: 'closed', version: 7 });
    expect(rated.case.closedAt).not.toBeNull();
    expect(rated.effects.map((e) => e.type)).toContain('caseClosed');

    const timeline = await request(ctx.app).get(`/api/cases/${opened.id}/timeline`).set('Authorization', `Bearer ${await token(intake)}`);
    expect(timeline.status).toBe(200);
    const entries = timeline.body as TimelineEntry[];
    expect(entries.map((e) => [e.seq, e.type, e.stateFrom, e.stateTo])).toEqual([
      [1, '$open', null, 'intake'],
      [2, 'accept', 'intake', 'triage'],
      [3, 'handle_directly', 'triage', 'direct_handling'],
      [4, 'claim', 'direct_handling', 'direct_handling'],
      [5, 'resolve', 'direct_handling', 'resolved'],
      [6, 'reply_to_worker', 'resolved', 'follow_up'],
      [7, 'rate', 'follow_up', 'closed'],
    ]);
    expect(entries[6]?.actor).toEqual({ id: 'hengxiang.supervisor', roles: ['supervisor'] });
    expect(entries[6]?.data).toEqual({ satisfaction: 5, follow_up_comment: '李阿姨很满意' });
    expect(entries[0]?.data['worker_phone']).toBe('138****5678');

    const after = await send('hengxiang.supervisor', opened.id, { type: 'rate', version, data: { satisfaction: 4 } });
    expect(after.status).toBe(422);
    expect(after.body.error.code).toBe('CASE_CLOSED');
    const available = await request(ctx.app).get(`/api/cases/${opened.id}/events/available`).set('Authorization', `Bearer ${await token(intake)}`);
    expect(available.body).toEqual([]);

    const outbox = await ctx.db.selectFrom('outbox').select(['type', 'status']).where('case_id', '=', opened.id).execute();
    expect(outbox.map((o) => o.type)).toEqual(expect.arrayContaining(['notify', 'requestFollowUp', 'caseClosed']));
    expect(outbox.every((o) => o.status === 'pending')).toBe(true);
    const timers = await ctx.db.selectFrom('timers').select(['timer_id', 'status']).where('case_id', '=', opened.id).execute();
    expect(timers.length).toBeGreaterThan(0);
    expect(timers.filter((t) => t.status === 'pending')).toEqual([]);
  });
});

describe('opening a case', () => {
  it('numbers references one after another in the county', async () => {
    const first = await openCase(ctx, await token('chalu.intake_operator'));
    const second = await openCase(ctx, await token('huchen.intake_operator'));
    const number = (reference: string) => Number(reference.split('-')[2]);
    expect(number(second.reference)).toBe(number(first.reference) + 1);
  });

  it('writes the opening event, pending timers and the case row with search words', async () => {
    const opened = await openCase(ctx, await token('chalu.intake_operator'));
    const events = await ctx.db.selectFrom('case_events').selectAll().where('case_id', '=', opened.id).execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ seq: 1, type: '$open', state_to: 'intake', actor_id: 'chalu.intake_operator' });
    const timers = await ctx.db.selectFrom('timers').selectAll().where('case_id', '=', opened.id).execute();
    expect(timers.length).toBeGreaterThan(0);
    expect(timers.every((t) => t.status === 'pending' && t.tenant_id === 'chalu')).toBe(true);
    expect(opened.dueAt).not.toBeNull();
  });

  it('opens a case for a union below the caller, and answers 404 for one outside', async () => {
    const county = await openCase(ctx, await token('ninghai.intake_operator'), { tenantId: 'gaotan' });
    expect(county.tenantId).toBe('gaotan');
    const foreign = await request(ctx.app).post('/api/cases').set('Authorization', `Bearer ${await token('huchen.intake_operator')}`).send({ workflow: { key: 'union-grievance' }, channel: 'phone', tenantId: 'chalu', data: SLEEVES_DATA });
    expect(foreign.status).toBe(404);
  });

  it('refuses a workflow that is not published, with the ones that are', async () => {
    const response = await request(ctx.app).post('/api/cases').set('Authorization', `Bearer ${await token('chalu.intake_operator')}`).send({ workflow: { key: 'no-such-flow' }, channel: 'phone', data: SLEEVES_DATA });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('UNKNOWN_WORKFLOW');
    expect(response.body.error.message).toContain('union-grievance');
  });

  it('refuses missing required fields with the engine code', async () => {
    const response = await request(ctx.app).post('/api/cases').set('Authorization', `Bearer ${await token('chalu.intake_operator')}`).send({ workflow: { key: 'union-grievance' }, channel: 'phone', data: { title: '只有标题' } });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('MISSING_FIELDS');
  });
});
