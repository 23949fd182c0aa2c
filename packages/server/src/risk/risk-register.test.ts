import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, tokenCache } from '../cases/test-helpers.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import type { WorkerLoop } from '../workers/worker-loop.js';
import { claimRiskWatermark } from './risk-repository.js';
import { DEFAULT_RISK_RULES } from './risk-rules.js';
import { sweepRiskRegister } from './risk-sweep.js';
import { createRiskWorker } from './risk-worker.js';
import type { RiskDetail, RiskEntry, RuleSet } from './schemas.js';

let ctx: TestContext;
let token: (username: string) => Promise<string>;
let loop: WorkerLoop;
const ids = { mould: '', tea: '', farm: '' };

async function call(user: string, method: 'get' | 'put' | 'post' | 'delete', path: string, body?: unknown) {
  const r = request(ctx.app)[method](`/api${path}`).set('Authorization', `Bearer ${await token(user)}`);
  return body === undefined ? r : r.send(body as object);
}

async function detail(id: string, user = 'ninghai.supervisor'): Promise<RiskDetail> {
  const response = await call(user, 'get', `/risk-register/${id}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as RiskDetail;
}

async function createEnterprise(user: string, name: string): Promise<string> {
  const response = await call(user, 'post', '/enterprises', { name });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return (response.body as { id: string }).id;
}

async function decline(id: string, version: number): Promise<void> {
  const response = await call('chalu.intake_operator', 'post', `/cases/${id}/events`, { type: 'decline', version, data: { decline_reason: '重复反映。' } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

beforeAll(async () => {
  ctx = await createTestContext();
  token = tokenCache(ctx);
  loop = createRiskWorker(ctx.deps);
  ids.mould = await createEnterprise('chalu.township_admin', '岔路测试模具厂');
  ids.tea = await createEnterprise('chalu.township_admin', '岔路测试茶厂');
  ids.farm = await createEnterprise('huchen.township_admin', '胡陈测试合作社');
}, 120_000);

afterAll(async () => {
  await loop?.stop();
  await ctx?.close();
});

describe('the risk worker', () => {
  it('raises an enterprise to red when a case of 35 workers opens, and lowers it when the case closes', async () => {
    expect((await detail(ids.mould)).colour).toBe('green');
    const opened = await openCase(ctx, await token('chalu.intake_operator'), { enterpriseId: ids.mould, data: { title: '三十五名工人被拖欠加班费', description: '车间三十五人两个月加班费未发。', workers_affected: 35 } });
    expect(opened.warning).toBe('red');
    expect(await loop.runOnce()).toBe(1);
    const red = await detail(ids.mould);
    expect(red.colour).toBe('red');
    expect(red.openCases).toBe(1);
    // The collective-dispute step (10 workers) is not repeated under the mass-dispute one (30).
    expect(red.reasons.map((r) => r.rule)).toEqual(['mass_dispute', 'open_red_case']);
    expect(red.reasons[0]).toEqual({ rule: 'mass_dispute', level: 'red', value: 35, zh: '在办事项涉及职工35人（≥30）', en: 'An open matter affects 35 workers (≥30)' });
    // Nothing new: a second tick changes nothing and writes no history.
    expect(await loop.runOnce()).toBe(0);

    await decline(opened.id, opened.version);
    expect(await loop.runOnce()).toBe(1);
    const green = await detail(ids.mould);
    expect(green).toMatchObject({ colour: 'green', reasons: [], openCases: 0 });
    expect(green.history.map((h) => [h.from, h.to])).toEqual([['red', 'green'], ['green', 'red']]);
    expect(green.history[1]?.reasons.map((r) => r.rule)).toContain('mass_dispute');
  });

  it('turns an enterprise yellow for an open wage-arrears matter, and counts complaints of the month even when closed', async () => {
    const operator = await token('chalu.intake_operator');
    const wages = await openCase(ctx, operator, { enterpriseId: ids.tea });
    let v = (await call('chalu.intake_operator', 'post', `/cases/${wages.id}/events`, { type: 'accept', version: 1 })).body.case.version as number;
    v = (await call('chalu.intake_operator', 'post', `/cases/${wages.id}/events`, { type: 'handle_directly', version: v, data: { category: 'wages' } })).body.case.version as number;
    await loop.runOnce();
    const yellow = await detail(ids.tea);
    expect(yellow.colour).toBe('yellow');
    expect(yellow.reasons.map((r) => r.rule)).toEqual(['open_yellow_case', 'wage_arrears_open']);
    for (let n = 0; n < 4; n++) {
      const other = await openCase(ctx, operator, { enterpriseId: ids.tea });
      await decline(other.id, other.version);
    }
    await loop.runOnce();
    expect((await detail(ids.tea)).reasons.map((r) => [r.rule, r.value])).toEqual([['open_yellow_case', 1], ['wage_arrears_open', 1], ['complaints_this_month', 5]]);
    await call('chalu.intake_operator', 'post', `/cases/${wages.id}/events`, { type: 'resolve', version: v, data: { resolution: '已补发。' } });
    await loop.runOnce();
    expect((await detail(ids.tea)).reasons.map((r) => r.rule)).toEqual(['complaints_this_month']);
  });

  it('lets only one process sweep at a time: the others skip while the watermark is held', async (test) => {
    // PGlite is one session: transactions never overlap there, so there is nothing to skip.
    if (ctx.dialect !== 'postgres') test.skip();
    await ctx.db.transaction().execute(async (trx) => {
      expect(await claimRiskWatermark(trx, { skipLocked: false })).toBeDefined();
      expect(await sweepRiskRegister(ctx.deps)).toEqual({ claimed: false, full: false, recomputed: 0, changed: 0 });
    });
    expect((await sweepRiskRegister(ctx.deps)).claimed).toBe(true);
  });
});

describe('GET /api/risk-register', () => {
  it('lists the enterprises of the caller subtree, most serious first, filtered by colour and union', async () => {
    const opened = await openCase(ctx, await token('huchen.intake_operator'), { enterpriseId: ids.farm, data: { title: '果农被拖欠货款', description: '四十户果农的杨梅货款未结。', workers_affected: 40 } });
    expect(opened.warning).toBe('red');
    await loop.runOnce();
    const county = await call('ninghai.supervisor', 'get', '/risk-register');
    expect(county.status).toBe(200);
    expect((county.body as RiskEntry[]).map((e) => [e.name, e.colour])).toEqual([['胡陈测试合作社', 'red'], ['岔路测试茶厂', 'yellow'], ['岔路测试模具厂', 'green']]);
    expect(county.headers['content-range']).toBe('risk-register 0-2/3');
    const chalu = await call('chalu.supervisor', 'get', '/risk-register');
    expect((chalu.body as RiskEntry[]).map((e) => e.id).sort()).toEqual([ids.mould, ids.tea].sort());
    const filter = (f: unknown) => call('ninghai.supervisor', 'get', `/risk-register?filter=${encodeURIComponent(JSON.stringify(f))}`);
    expect(((await filter({ colour: 'red' })).body as RiskEntry[]).map((e) => e.id)).toEqual([ids.farm]);
    expect(((await filter({ colour: ['red', 'yellow'], tenantId: 'chalu' })).body as RiskEntry[]).map((e) => e.id)).toEqual([ids.tea]);
    const ascending = await call('ninghai.supervisor', 'get', `/risk-register?sort=${encodeURIComponent('["colour","ASC"]')}`);
    expect((ascending.body as RiskEntry[]).map((e) => e.colour)).toEqual(['green', 'yellow', 'red']);
    const byCases = await call('ninghai.supervisor', 'get', `/risk-register?sort=${encodeURIComponent('["openCases","DESC"]')}&range=${encodeURIComponent('[0,0]')}`);
    expect((byCases.body as RiskEntry[]).map((e) => e.openCases)).toEqual([1]);
  });

  it('answers 404 for an enterprise or union outside the caller subtree, and 400 to a bad filter', async () => {
    expect((await call('chalu.supervisor', 'get', `/risk-register/${ids.farm}`)).status).toBe(404);
    expect((await call('chalu.supervisor', 'get', '/risk-register/no-such-enterprise')).status).toBe(404);
    expect((await call('chalu.supervisor', 'get', `/risk-register?filter=${encodeURIComponent('{"tenantId":"huchen"}')}`)).status).toBe(404);
    const bad = await call('chalu.supervisor', 'get', `/risk-register?filter=${encodeURIComponent('{"colour":"purple"}')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('INVALID_QUERY');
  });
});

describe('the risk rules', () => {
  const strict = [{ id: 'any_open_case', level: 'red', atLeast: 1, reason: { zh: '有{value}件在办事项', en: '{value} open case(s)' } }];

  it('are the county defaults until a union sets its own, which apply to its subtree at once', async () => {
    const before = (await call('chalu.supervisor', 'get', '/risk-register/rules')).body as RuleSet;
    expect(before).toMatchObject({ tenantId: 'chalu', source: 'default' });
    expect(before.rules.map((r) => r['id'])).toEqual(DEFAULT_RISK_RULES.map((r) => r.id));
    const put = await call('chalu.township_admin', 'put', '/risk-register/rules', { rules: strict });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((put.body as RuleSet).source).toBe('chalu');
    expect((await detail(ids.tea)).reasons.map((r) => r.rule)).toEqual([]);
    const opened = await openCase(ctx, await token('chalu.intake_operator'), { enterpriseId: ids.mould });
    await loop.runOnce();
    expect((await detail(ids.mould)).reasons).toEqual([{ rule: 'any_open_case', level: 'red', value: 1, zh: '有1件在办事项', en: '1 open case(s)' }]);
    // Huchen keeps the defaults.
    expect(((await call('huchen.supervisor', 'get', '/risk-register/rules')).body as RuleSet).source).toBe('default');
    const dropped = await call('chalu.township_admin', 'delete', '/risk-register/rules');
    expect((dropped.body as RuleSet).source).toBe('default');
    expect((await detail(ids.mould)).colour).toBe('green');
    await decline(opened.id, opened.version);
  });

  it('refuses a role that may not set them (403), another union (404) and a bad list (400)', async () => {
    expect((await call('chalu.mediator', 'put', '/risk-register/rules', { rules: strict })).status).toBe(403);
    expect((await call('huchen.township_admin', 'put', '/risk-register/rules', { tenantId: 'chalu', rules: strict })).status).toBe(404);
    for (const rules of [[{ ...strict[0], level: 'purple' }], [strict[0], strict[0]], [{ ...strict[0], atLeast: 0 }], [{ ...strict[0], measure: { kind: 'sum' } }]]) {
      const response = await call('chalu.township_admin', 'put', '/risk-register/rules', { rules });
      expect(response.status, JSON.stringify(rules)).toBe(400);
      expect(response.body.error.code).toBe('INVALID_INPUT');
    }
  });
});
