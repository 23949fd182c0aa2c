import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { createTimerWorker } from '../timers/index.js';
import { referralLinkFor } from './index.js';
import { LIAISON, NIGHT_BUS, NOTE, PDF, referralTestKit } from './test-helpers.js';
import type { ReferralDetail, ReferralDto } from './schemas.js';

let ctx: TestContext;
let kit: ReturnType<typeof referralTestKit>;
// The public routes with roomy limits, so that the many answers below are not rate-limited; ctx.app is used where the mounting matters.
let publicApp: ReturnType<ReturnType<typeof referralTestKit>['publicApp']>;

beforeAll(async () => {
  ctx = await createTestContext();
  kit = referralTestKit(ctx);
  publicApp = kit.publicApp();
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('the night-bus referral, answered through the signed link', () => {
  it('lets the liaison station read the matter without an account and without personal fields, reply with a file, and moves the case to resolved', async () => {
    const { case: escalated, referralId } = await kit.referred();
    const issued = await kit.linkFor(escalated.id, referralId);
    expect(issued.status).toBe(201);
    expect(issued.body.url).toMatch(new RegExp(`/referral/${issued.body.token.replace(/\./g, '\\.')}$`));
    const referral = kit.referralsOf(escalated).find((r) => r.id === referralId);
    // The link outlives the reply deadline (30 days by default), so a late agency can still answer.
    expect(Date.parse(issued.body.expiresAt)).toBeGreaterThan(Date.parse(referral?.replyDueAt ?? ''));

    const view = await request(ctx.app).get(`/api/public/referrals/${issued.body.token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      reference: escalated.reference,
      title: NIGHT_BUS.title,
      note: NOTE,
      union: { zh: '岔路镇总工会' },
      agency: { code: LIAISON, name: { zh: '人大代表联络站' } },
      replyDueAt: referral?.replyDueAt,
      status: 'awaiting',
      canReturn: true,
    });
    const text = JSON.stringify(view.body);
    expect(text).not.toContain(NIGHT_BUS.worker_name);
    expect(text).not.toContain(NIGHT_BUS.worker_phone);
    expect(text).not.toContain('chalu.township_admin');

    const reply = await request(ctx.app)
      .post(`/api/public/referrals/${issued.body.token}/reply`)
      .send({ text: '经人大代表建议，县交通集团已开通227路夜班公交，下夜班可在园区站乘车。', attachments: [PDF] });
    expect(reply.status).toBe(200);
    expect(reply.body.referral).toMatchObject({ status: 'replied', canReturn: false });
    expect(reply.body.attachments).toEqual([expect.objectContaining({ filename: PDF.filename, contentType: 'application/pdf' })]);

    const shown = await request(ctx.app).get(`/api/cases/${escalated.id}`).set(await kit.as('chalu.township_admin'));
    expect(shown.body).toMatchObject({ state: 'resolved', version: escalated.version + 1 });
    expect(shown.body.data.reply_summary).toContain('227路');

    const entries = await kit.timeline(escalated.id);
    expect(entries.at(-1)).toMatchObject({ type: 'agency_replied', actor: { id: `agency:${LIAISON}`, roles: ['agency'] }, stateTo: 'resolved' });

    const files = await request(ctx.app).get(`/api/cases/${escalated.id}/attachments`).set(await kit.as('chalu.township_admin'));
    expect(files.body).toEqual([expect.objectContaining({ filename: PDF.filename, uploadedBy: `agency:${LIAISON}` })]);
    const bytes = await request(ctx.app).get(`/api/cases/${escalated.id}/attachments/${files.body[0].id}`).set(await kit.as('chalu.township_admin')).buffer(true);
    expect(Buffer.from(bytes.body as Buffer).toString('base64')).toBe(PDF.contentBase64);

    const listed = await kit.listReferrals({ caseId: escalated.id });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ id: `${escalated.id}/${referralId}`, reference: escalated.reference, status: 'replied', overdue: false, agency: { code: LIAISON, name: { zh: '人大代表联络站', en: "People's congress liaison station" } } }),
    ]);
    const detail = await request(ctx.app).get(`/api/referrals/${escalated.id}/${referralId}`).set(await kit.as('chalu.supervisor'));
    expect(detail.status).toBe(200);
    expect(detail.body as ReferralDetail).toMatchObject({ note: NOTE, answer: { event: 'agency_replied', actorId: `agency:${LIAISON}`, text: expect.stringContaining('227路') } });
    // react-admin's getOne asks for the list id with its slash percent-encoded.
    const byId = await request(ctx.app).get(`/api/referrals/${encodeURIComponent(`${escalated.id}/${referralId}`)}`).set(await kit.as('chalu.supervisor'));
    expect(byId.body).toEqual(detail.body);
  });

  it('refuses a second answer with 409 in plain words and changes nothing', async () => {
    const { case: escalated, referralId } = await kit.referred();
    const linkToken = await kit.link(escalated.id, referralId);
    expect((await request(publicApp).post(`/api/public/referrals/${linkToken}/reply`).send({ text: '已答复' })).status).toBe(200);
    const before = await kit.caseState(escalated.id);

    const again = await request(publicApp).post(`/api/public/referrals/${linkToken}/reply`).send({ text: '再次答复', attachments: [PDF] });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'REFERRAL_NOT_AWAITING', details: { status: 'replied' } });
    expect(again.body.error.message).toContain('已答复');
    expect(again.body.error.message).toContain('already replied');
    const back = await request(publicApp).post(`/api/public/referrals/${linkToken}/return`).send({ reason: '不属于本单位职责' });
    expect(back.status).toBe(409);
    expect(await kit.caseState(escalated.id)).toEqual(before);

    // The link still shows the agency what became of it.
    const view = await request(publicApp).get(`/api/public/referrals/${linkToken}`);
    expect(view.body).toMatchObject({ status: 'replied', canReturn: false });
    // And no new link is signed for an answered referral.
    expect((await kit.linkFor(escalated.id, referralId)).status).toBe(409);
    expect(await referralLinkFor(ctx.deps, { tenantId: 'chalu', caseId: escalated.id, referralId })).toBeUndefined();
  });

  it('lets exactly one of several simultaneous answers through, with only its files', async () => {
    const { case: escalated, referralId } = await kit.referred();
    const linkToken = await kit.link(escalated.id, referralId);
    const before = await kit.caseState(escalated.id);
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => request(publicApp).post(`/api/public/referrals/${linkToken}/reply`).send({ text: `答复 ${i}`, attachments: [PDF] })),
      request(publicApp).post(`/api/public/referrals/${linkToken}/return`).send({ reason: '退单' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    const after = await kit.caseState(escalated.id);
    expect(after.events).toBe(before.events + 1);
    expect(after.version).toBe(before.version + 1);
    const winner = answers.find((a) => a.status === 200);
    expect(after.files).toBe(winner?.body.attachments.length);
  });

  it('lets the agency send the referral back (退单) with a reason: the case returns to triage', async () => {
    const { case: escalated, referralId } = await kit.referred('chalu', 'transport_group');
    const linkToken = await kit.link(escalated.id, referralId);
    const back = await request(publicApp).post(`/api/public/referrals/${linkToken}/return`).send({ reason: '夜班公交线路须经县人大代表建议后统筹，请先交人大代表联络站。' });
    expect(back.status).toBe(200);
    expect(back.body.referral).toMatchObject({ status: 'returned', agency: { code: 'transport_group', name: { zh: '交通集团' } } });
    expect(back.body.attachments).toEqual([]);

    const after = await kit.caseState(escalated.id);
    expect(after).toMatchObject({ state: 'triage', version: escalated.version + 1 });
    const entries = await kit.timeline(escalated.id);
    expect(entries.at(-1)).toMatchObject({ type: 'agency_returned', actor: { id: 'agency:transport_group' }, data: { return_reason: expect.stringContaining('人大代表') } });
    const listed = await kit.listReferrals({ caseId: escalated.id });
    expect(listed.body).toEqual([expect.objectContaining({ status: 'returned', closedAt: expect.any(String) })]);
    expect((await request(publicApp).post(`/api/public/referrals/${linkToken}/reply`).send({ text: '已办' })).status).toBe(409);
  });
});

describe('links that are not valid', () => {
  it('answers 401 for a tampered token, a login token and a token of another purpose, and changes nothing', async () => {
    const { case: escalated, referralId } = await kit.referred();
    const linkToken = await kit.link(escalated.id, referralId);
    const before = await kit.caseState(escalated.id);
    // Flip one character of the signature (and of the payload) of a real link.
    const flip = (text: string, at: number) => `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
    const payloadAt = linkToken.indexOf('.') + 5;
    const login = await kit.token('chalu.township_admin');
    const other = await ctx.deps.tokens.signFor('tracking-code', { tid: 'chalu', cid: escalated.id, rid: referralId, agc: LIAISON }, new Date(ctx.clock.now().getTime() + 86_400_000));
    for (const bad of [flip(linkToken, linkToken.length - 3), flip(linkToken, payloadAt), login, other, 'not-a-token']) {
      const view = await request(publicApp).get(`/api/public/referrals/${bad}`);
      expect(view.status).toBe(401);
      expect(view.body.error.code).toBe('INVALID_LINK');
      expect((await request(publicApp).post(`/api/public/referrals/${bad}/reply`).send({ text: '伪造的答复' })).status).toBe(401);
      expect((await request(publicApp).post(`/api/public/referrals/${bad}/return`).send({ reason: '伪造的退单' })).status).toBe(401);
    }
    expect(await kit.caseState(escalated.id)).toEqual(before);
  });

  it('answers 401 for a link whose referral awaits another agency', async () => {
    const { case: escalated, referralId } = await kit.referred();
    const forged = await ctx.deps.tokens.signFor('referral-link', { tid: 'chalu', cid: escalated.id, rid: referralId, agc: 'court' }, new Date(ctx.clock.now().getTime() + 86_400_000));
    const before = await kit.caseState(escalated.id);
    expect((await request(publicApp).post(`/api/public/referrals/${forged}/reply`).send({ text: '法院答复' })).status).toBe(401);
    expect(await kit.caseState(escalated.id)).toEqual(before);
  });

  it('answers 400 for bad bodies and 413 for a file over the limit, and changes nothing', async () => {
    const { case: escalated, referralId } = await kit.referred();
    const linkToken = await kit.link(escalated.id, referralId);
    const before = await kit.caseState(escalated.id);
    const bodies: unknown[] = [
      {},
      { text: '' },
      { text: '   ' },
      { text: 42 },
      { text: '好', extra: true },
      { text: '好', attachments: [{ filename: 'a.txt', contentType: 'text/plain', contentBase64: 'not base64!' }] },
      { text: '好', attachments: [{ filename: '../a.txt', contentType: 'text/plain', contentBase64: 'eA==' }] },
      { text: '好', attachments: Array.from({ length: 6 }, () => PDF) },
      { text: 'x'.repeat(5001) },
    ];
    for (const body of bodies) {
      const response = await request(publicApp).post(`/api/public/referrals/${linkToken}/reply`).send(body as object);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    for (const body of [{}, { reason: '' }, { reason: 'x'.repeat(2001) }, { text: '好' }]) {
      expect((await request(publicApp).post(`/api/public/referrals/${linkToken}/return`).send(body)).status).toBe(400);
    }
    const malformed = await request(publicApp).post(`/api/public/referrals/${linkToken}/reply`).set('Content-Type', 'application/json').send('{"text":');
    expect(malformed.status).toBe(400);
    const big = { filename: 'big.bin', contentType: 'application/octet-stream', contentBase64: Buffer.alloc(5 * 1024 * 1024 + 3).toString('base64') };
    expect((await request(publicApp).post(`/api/public/referrals/${linkToken}/reply`).send({ text: '附件太大', attachments: [big] })).status).toBe(413);
    expect(await kit.caseState(escalated.id)).toEqual(before);
  });
});

describe('rate limits', () => {
  it('limits reading, replying and returning per client with 429', async () => {
    const app = kit.publicApp({ windowMs: 60_000, reads: 2, writes: 1 });
    const statuses = async (method: 'get' | 'post', path: string, times: number) => {
      const out: number[] = [];
      for (let i = 0; i < times; i += 1) out.push((method === 'post' ? await request(app).post(path).send({}) : await request(app).get(path)).status);
      return out;
    };
    expect(await statuses('get', '/api/public/referrals/x', 3)).toEqual([401, 401, 429]);
    expect(await statuses('post', '/api/public/referrals/x/reply', 2)).toEqual([400, 429]);
    expect(await statuses('post', '/api/public/referrals/x/return', 2)).toEqual([400, 429]);
  });
});

describe('the clock moves on', () => {
  it('marks an unanswered referral overdue when its deadline passes: warning red and the supervisor notified', async () => {
    const { case: escalated, referralId } = await kit.referred();
    const linkToken = await kit.link(escalated.id, referralId);
    const due = Date.parse(kit.referralsOf(escalated).find((r) => r.id === referralId)?.replyDueAt ?? '');
    ctx.clock.advance(due - ctx.clock.now().getTime() + 60_000);
    const timers = createTimerWorker(ctx.deps);
    while ((await timers.runOnce()) > 0) {
      // Drain every timer that fell due, this case's referral timer among them.
    }

    const shown = await request(ctx.app).get(`/api/cases/${escalated.id}`).set(await kit.as('chalu.supervisor'));
    expect(shown.body).toMatchObject({ state: 'escalation', warning: 'red', overdue: true });
    const overdue = (await kit.listReferrals({ overdue: true, status: 'awaiting' })).body as ReferralDto[];
    expect(overdue.map((r) => r.id)).toContain(`${escalated.id}/${referralId}`);
    expect(overdue.every((r) => r.overdue)).toBe(true);

    const fired = await ctx.db.selectFrom('case_events').select(['type', 'effects']).where('case_id', '=', escalated.id).where('type', '=', '$timer').execute();
    const effects = fired.flatMap((e) => e.effects as Array<{ type: string; to?: { roles?: string[] }; reason?: string }>);
    expect(effects).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'referralOverdue', to: expect.objectContaining({ roles: ['supervisor'] }) }));

    // A late agency can still answer through its link: the reply closes the referral.
    const view = await request(publicApp).get(`/api/public/referrals/${linkToken}`);
    expect(view.body).toMatchObject({ status: 'awaiting', overdue: true });
    expect((await request(publicApp).post(`/api/public/referrals/${linkToken}/reply`).send({ text: '迟复：已协调解决。' })).status).toBe(200);
  });

  it('answers 401 once the link has expired, and changes nothing', async () => {
    const { case: escalated, referralId } = await kit.referred();
    const issued = await kit.linkFor(escalated.id, referralId);
    const before = await kit.caseState(escalated.id);
    ctx.clock.advance(Date.parse(issued.body.expiresAt) - ctx.clock.now().getTime() + 1000);
    expect((await request(publicApp).get(`/api/public/referrals/${issued.body.token}`)).status).toBe(401);
    expect((await request(publicApp).post(`/api/public/referrals/${issued.body.token}/reply`).send({ text: '过期后的答复' })).status).toBe(401);
    expect((await request(publicApp).post(`/api/public/referrals/${issued.body.token}/return`).send({ reason: '过期后的退单' })).status).toBe(401);
    expect(await kit.caseState(escalated.id)).toEqual(before);
    // Staff may sign a fresh link for the referral that still awaits its reply.
    const fresh = await kit.linkFor(escalated.id, referralId);
    expect(fresh.status).toBe(201);
    expect((await request(publicApp).get(`/api/public/referrals/${fresh.body.token}`)).status).toBe(200);
  });
});

