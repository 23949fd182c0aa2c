import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { referralLinkFor } from './index.js';
import { NIGHT_BUS, referralTestKit } from './test-helpers.js';
import type { ReferralDto } from './schemas.js';

let ctx: TestContext;
let kit: ReturnType<typeof referralTestKit>;

beforeAll(async () => {
  ctx = await createTestContext();
  kit = referralTestKit(ctx);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('staff referral endpoints', () => {
  it('signs links only for the roles of the referral state, and 404s an unknown referral', async () => {
    const { case: escalated, referralId } = await kit.referred();
    const refused = await kit.linkFor(escalated.id, referralId, 'chalu.intake_operator');
    expect(refused.status).toBe(403);
    expect((await kit.linkFor(escalated.id, referralId, 'ninghai.county_admin')).status).toBe(201);
    expect((await kit.linkFor(escalated.id, 'escalation.999')).status).toBe(404);
    expect((await request(ctx.app).post(`/api/cases/${escalated.id}/referrals/${referralId}/link`).send()).status).toBe(401);
  });

  it('keeps a township to its own referrals: another township gets 404 and an empty list', async () => {
    const { case: escalated, referralId } = await kit.referred();
    const other = 'huchen.township_admin';
    expect((await request(ctx.app).get(`/api/referrals/${escalated.id}/${referralId}`).set(await kit.as(other))).status).toBe(404);
    expect((await kit.linkFor(escalated.id, referralId, other)).status).toBe(404);
    const listed = await kit.listReferrals({ caseId: escalated.id }, other);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([]);
    expect(listed.headers['content-range']).toBe('referrals */0');
    expect((await kit.listReferrals({ tenantId: 'chalu' }, other)).body).toEqual([]);
    // The county sees every township's referrals.
    expect((await request(ctx.app).get(`/api/referrals/${escalated.id}/${referralId}`).set(await kit.as('ninghai.supervisor'))).status).toBe(200);
  });

  it('lists referrals with react-admin filters, sort and Content-Range', async () => {
    const huchen = await kit.referred('huchen', 'hr_bureau');
    const chalu = await kit.referred('chalu');
    const answered = await request(kit.publicApp()).post(`/api/public/referrals/${await kit.link(chalu.case.id, chalu.referralId)}/reply`).send({ text: '已答复' });
    expect(answered.status).toBe(200);
    const all = await request(ctx.app).get('/api/referrals').query({ sort: JSON.stringify(['sentAt', 'DESC']), range: '[0,499]' }).set(await kit.as('ninghai.supervisor'));
    expect(all.status).toBe(200);
    const rows = all.body as ReferralDto[];
    expect(all.headers['content-range']).toBe(`referrals 0-${rows.length - 1}/${rows.length}`);
    expect(rows.map((r) => r.sentAt)).toEqual([...rows.map((r) => r.sentAt)].sort().reverse());
    expect(new Set(rows.map((r) => r.tenantId))).toEqual(new Set(['chalu', 'huchen']));

    const statuses = (await kit.listReferrals({ status: ['replied', 'returned'] }, 'ninghai.supervisor')).body as ReferralDto[];
    expect(statuses.map((r) => r.id)).toContain(`${chalu.case.id}/${chalu.referralId}`);
    expect(statuses.every((r) => r.status === 'replied' || r.status === 'returned')).toBe(true);
    const awaiting = (await kit.listReferrals({ status: 'awaiting', overdue: false }, 'ninghai.supervisor')).body as ReferralDto[];
    expect(awaiting.map((r) => r.id)).toContain(`${huchen.case.id}/${huchen.referralId}`);
    expect(awaiting.every((r) => r.status === 'awaiting' && !r.overdue)).toBe(true);
    const byAgency = (await kit.listReferrals({ agency: 'hr_bureau' }, 'ninghai.supervisor')).body as ReferralDto[];
    expect(byAgency.map((r) => r.caseId)).toEqual([huchen.case.id]);
    expect(byAgency[0]).toMatchObject({ tenantId: 'huchen', union: { zh: '胡陈乡总工会' }, agency: { name: { zh: '人力社保局' } } });
    const byTenant = (await kit.listReferrals({ tenantId: 'huchen' }, 'ninghai.supervisor')).body as ReferralDto[];
    expect(byTenant.every((r) => r.tenantId === 'huchen')).toBe(true);
    const byIds = (await kit.listReferrals({ id: [`${huchen.case.id}/${huchen.referralId}`, 'nope/nope'] }, 'ninghai.supervisor')).body as ReferralDto[];
    expect(byIds.map((r) => r.id)).toEqual([`${huchen.case.id}/${huchen.referralId}`]);

    // An agency registered by the county names the referral more precisely than the workflow does.
    await ctx.db.insertInto('agencies').values({ tenant_id: 'ninghai', agency_id: 'a-hr', code: 'hr_bureau', name_zh: '宁海县人力资源和社会保障局', name_en: 'Ninghai HR bureau', contact: null }).execute();
    const named = (await kit.listReferrals({ agency: 'hr_bureau' }, 'ninghai.supervisor')).body as ReferralDto[];
    expect(named[0]?.agency.name.zh).toBe('宁海县人力资源和社会保障局');

    for (const bad of [{ filter: '{"colour":"red"}' }, { filter: '{"status":"late"}' }, { sort: '["title","ASC"]' }]) {
      expect((await request(ctx.app).get('/api/referrals').query(bad).set(await kit.as('ninghai.supervisor'))).status).toBe(400);
    }
  });
});

describe('referralLinkFor', () => {
  it('signs a link for an awaiting referral that the public view accepts', async () => {
    const { case: escalated, referralId } = await kit.referred();
    const signed = await referralLinkFor(ctx.deps, { tenantId: 'chalu', caseId: escalated.id, referralId }, { baseUrl: 'https://shuoshi.example.org/' });
    expect(signed?.url).toBe(`https://shuoshi.example.org/referral/${signed?.token ?? ''}`);
    expect((await request(kit.publicApp()).get(`/api/public/referrals/${signed?.token ?? ''}`)).body).toMatchObject({ reference: escalated.reference, title: NIGHT_BUS.title });
    expect(await referralLinkFor(ctx.deps, { tenantId: 'huchen', caseId: escalated.id, referralId })).toBeUndefined();
  });
});

