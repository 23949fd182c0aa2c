import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, tokenCache } from '../cases/test-helpers.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import type { Disclosure, PublicMatter } from './schemas.js';
import { driveToFollowUp, filed, publicTestApp, staffStepper } from './test-helpers.js';

let ctx: TestContext;
let app: Express;
let token: (username: string) => Promise<string>;
let step: ReturnType<typeof staffStepper>;

const WAGES = { unionId: 'chalu', anonymous: true, title: '工资拖欠三个月', description: '厂里拖欠三个月工资，老板说下个月再发。' };
const RESOLUTION = '工会协调企业，已补发三个月工资。';

beforeAll(async () => {
  ctx = await createTestContext();
  app = publicTestApp(ctx);
  token = tokenCache(ctx);
  step = staffStepper(ctx, app, token);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

async function fileMatter(overrides: Record<string, unknown> = {}) {
  const { trackingCode, matter } = filed(await request(app).post('/api/public/matters').send({ ...WAGES, ...overrides }));
  const row = await ctx.db.selectFrom('cases').select('case_id').where('reference', '=', matter.reference).executeTakeFirstOrThrow();
  return { code: trackingCode, caseId: row.case_id, reference: matter.reference };
}

const status = async (code: string) => (await request(app).get(`/api/public/matters/${code}`)).body as PublicMatter;
const rate = (code: string, body: Record<string, unknown>) => request(app).post(`/api/public/matters/${code}/rating`).send(body);

describe("the worker's rating", () => {
  it('is refused until the union has replied, then archives the matter', async () => {
    const { code, caseId } = await fileMatter();
    const early = await rate(code, { satisfaction: 5 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('NOT_AWAITING_RATING');
    await driveToFollowUp(step, caseId, RESOLUTION);
    const awaiting = await status(code);
    expect(awaiting).toMatchObject({ state: 'follow_up', awaitingRating: true, answer: RESOLUTION, rating: null });
    expect(awaiting.timeline.map((s) => s.to)).toEqual(['intake', 'triage', 'direct_handling', 'resolved', 'follow_up']);
    const rated = await rate(code.toLowerCase(), { satisfaction: 5, comment: '很满意' });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ state: 'closed', status: 'closed', awaitingRating: false, rating: { satisfaction: 5 } });
    expect((rated.body as PublicMatter).closedAt).not.toBeNull();
    const last = await ctx.db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ type: 'rate', actor_roles: ['worker'], data: { satisfaction: 5, follow_up_comment: '很满意' } });
    expect(last.actor_id).toMatch(/^worker:[0-9a-f]{12}$/);
    const again = await rate(code, { satisfaction: 4 });
    expect(again.status).toBe(409);
  });

  it('reopens the matter when the worker is dissatisfied, and needs a comment to', async () => {
    const { code, caseId } = await fileMatter();
    await driveToFollowUp(step, caseId, RESOLUTION);
    const bare = await rate(code, { satisfaction: 2 });
    expect(bare.status).toBe(400);
    expect(bare.body.error.details.issues[0].path).toBe('comment');
    const reopened = await rate(code, { satisfaction: 2, comment: '只补发了一个月' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ state: 'reopened', status: 'open', awaitingRating: false, rating: { satisfaction: 2 }, stateTitle: { zh: '重新办理', en: 'Reopened' } });
  });

  it('answers 404 for an unknown code and 400 for a rating out of range', async () => {
    expect((await rate('0000-0000-0000', { satisfaction: 5 })).status).toBe(404);
    expect((await rate('nonsense', { satisfaction: 5 })).status).toBe(404);
    const { code } = await fileMatter();
    for (const body of [{ satisfaction: 0 }, { satisfaction: 6 }, { satisfaction: 4.5 }, { satisfaction: '5' }, {}, { satisfaction: 5, extra: true }]) {
      expect((await rate(code, body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('the independent follow-up by staff', () => {
  it("refuses the case's handler and accepts another staff member", async () => {
    const { code, caseId } = await fileMatter();
    await driveToFollowUp(step, caseId, RESOLUTION);
    // The township admin claimed and resolved the case: the follow-up's roles allow them, its separation does not.
    const refused = await step('chalu.township_admin', caseId, 'rate', { satisfaction: 5 });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('SEPARATION_OF_DUTIES');
    const recorded = await step('chalu.supervisor', caseId, 'rate', { satisfaction: 4, follow_up_comment: '电话回访，职工满意' });
    expect(recorded.status).toBe(200);
    expect(recorded.body.case).toMatchObject({ state: 'closed', status: 'closed' });
    expect(await status(code)).toMatchObject({ status: 'closed', rating: { satisfaction: 4 }, awaitingRating: false });
  });
});

describe('the public result list', () => {
  it('lists only closed matters of workflows that opt in, anonymised', async () => {
    const closed = await fileMatter({ title: '工资拖欠，联系电话13812345678', anonymous: false, name: '赵师傅', phone: '13812345678', category: 'wages' });
    await driveToFollowUp(step, closed.caseId, RESOLUTION);
    expect((await rate(closed.code, { satisfaction: 5 })).status).toBe(200);
    const open = await fileMatter({ title: '仍在办理的事项' });
    const declined = await fileMatter({ title: '不予受理的事项' });
    expect((await step('chalu.intake_operator', declined.caseId, 'decline', { decline_reason: '不属于工会受理范围' })).status).toBe(200);
    // Labour mediation does not opt in to disclosure.
    const operator = await token('chalu.intake_operator');
    const mediation = await openCase(ctx, operator, { workflow: { key: 'labour-mediation' }, data: { claimant: '钱师傅', claim_description: '加班费未付', employer: '某厂' } });
    expect((await step('chalu.intake_operator', mediation.id, 'withdraw', { withdraw_reason: '已私下和解' })).status).toBe(200);

    const response = await request(app).get('/api/public/disclosures').query({ unionId: 'chalu', range: '[0,99]' });
    expect(response.status).toBe(200);
    expect(response.headers['content-range']).toMatch(/^disclosures 0-\d+\/\d+$/);
    const rows = response.body as Disclosure[];
    const references = rows.map((r) => r.reference);
    expect(references).toEqual(expect.arrayContaining([closed.reference, declined.reference]));
    expect(references).not.toContain(open.reference);
    expect(references).not.toContain(mediation.reference);
    const row = rows.find((r) => r.reference === closed.reference);
    expect(row).toMatchObject({
      id: closed.reference,
      title: '工资拖欠，联系电话***',
      workflow: { key: 'union-grievance' },
      category: { value: 'wages', label: { zh: '欠薪', en: 'Wage arrears' } },
      union: { id: 'chalu', name: { zh: '岔路镇总工会' } },
      outcome: { state: 'closed', title: { zh: '归档', en: 'Closed' } },
      rating: 5,
    });
    expect(row?.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(rows)).not.toMatch(/赵师傅|13812345678|worker_|resolution|工会协调/);
    expect(rows.find((r) => r.reference === declined.reference)?.outcome.title).toEqual({ zh: '不予受理', en: 'Not accepted' });
  });

  it("narrows to a union's subtree, a workflow and a period, and pages react-admin style", async () => {
    const huchen = await request(app).get('/api/public/disclosures').query({ unionId: 'huchen' });
    expect(huchen.status).toBe(200);
    expect(huchen.body).toEqual([]);
    expect(huchen.headers['content-range']).toBe('disclosures */0');
    const county = await request(app).get('/api/public/disclosures').query({ unionId: 'ninghai', range: '[0,0]', sort: '["reference","ASC"]' });
    expect(county.body).toHaveLength(1);
    expect(Number(String(county.headers['content-range']).split('/')[1])).toBeGreaterThanOrEqual(2);
    expect((await request(app).get('/api/public/disclosures').query({ filter: '{"workflowKey":"golden-idea"}' })).body).toEqual([]);
    expect((await request(app).get('/api/public/disclosures').query({ filter: '{"closedBefore":"2020-01-01"}' })).body).toEqual([]);
    const today = new Date(ctx.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(((await request(app).get('/api/public/disclosures').query({ filter: JSON.stringify({ closedAfter: today, closedBefore: today }) })).body as Disclosure[]).length).toBeGreaterThanOrEqual(2);
    expect((await request(app).get('/api/public/disclosures').query({ unionId: 'nowhere' })).status).toBe(404);
    expect((await request(app).get('/api/public/disclosures').query({ filter: '{"state":"closed"}' })).status).toBe(400);
    expect((await request(app).get('/api/public/disclosures').query({ sort: '["title","ASC"]' })).status).toBe(400);
  });
});
