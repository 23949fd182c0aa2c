import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIAISON, referralTestKit } from '../referrals/test-helpers.js';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { isPhoneContact } from './agency-referral-channel.js';
import { createOutboxWorker } from './outbox-worker.js';
import type { WorkerMessage, WorkerMessenger } from './worker-messenger.js';

let ctx: TestContext;
let kit: ReturnType<typeof referralTestKit>;
const CHALU_PHONE = '138 0000 5555';
const COUNTY_PHONE = '13900009999';

beforeAll(async () => {
  ctx = await createTestContext();
  kit = referralTestKit(ctx);
  // The county registers the station; Chalu registers it again with its own contact, which wins for Chalu's cases.
  const agencies: Array<[string, Record<string, unknown>]> = [
    ['ninghai.county_admin', { code: LIAISON, name: { zh: '宁海县人大代表联络站', en: "Ninghai people's congress liaison station" }, contact: COUNTY_PHONE }],
    ['chalu.township_admin', { code: LIAISON, name: { zh: '岔路镇人大代表联络站', en: "Chalu people's congress liaison station" }, contact: CHALU_PHONE }],
    ['huchen.township_admin', { code: 'court', name: { zh: '宁海县人民法院', en: "Ninghai county people's court" }, contact: 'liaison@court.ninghai.gov.cn' }],
    ['huchen.township_admin', { code: 'cppcc', name: { zh: '政协委员工作室', en: 'CPPCC office' } }],
  ];
  for (const [username, body] of agencies) {
    const created = await request(ctx.app).post('/api/agencies').set(await kit.as(username)).send(body);
    if (created.status !== 201) throw new Error(`creating the agency failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

function capture(fail?: (message: WorkerMessage) => string): WorkerMessenger & { sent: WorkerMessage[] } {
  const sent: WorkerMessage[] = [];
  return {
    channel: 'sms',
    sent,
    async send(message) {
      // Only the messages to agencies: the same gateway also texts workers (e.g. "resolved").
      if (message.recipient !== 'agency') return;
      if (fail) throw new Error(fail(message));
      sent.push(message);
    },
  };
}

async function drain(worker: { runOnce(): Promise<number> }): Promise<void> {
  for (let i = 0; i < 100 && (await worker.runOnce()) > 0; i += 1);
}

async function referRow(caseId: string) {
  return ctx.db.selectFrom('outbox').selectAll().where('case_id', '=', caseId).where('type', '=', 'refer').executeTakeFirstOrThrow();
}

describe('the referral link reaching the agency', () => {
  it('texts exactly one working link to the contact of the nearest union that registers the agency, and stores it nowhere', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
    const sms = capture();
    const { case: escalated, referralId } = await kit.referred('chalu');
    await drain(createOutboxWorker({ ...ctx.deps, logger }, {}, { sms }));

    const mine = sms.sent.filter((message) => message.reference === escalated.reference);
    expect(mine).toHaveLength(1);
    const [message] = mine;
    expect(message).toMatchObject({ to: CHALU_PHONE, recipient: 'agency', tenantId: 'chalu' });
    expect(message?.text).toContain('岔路镇总工会');
    expect(message?.text).toContain('岔路镇人大代表联络站');
    const token = /\/referral\/([A-Za-z0-9_.-]+)$/.exec(message?.text ?? '')?.[1] ?? '';
    expect(token.length).toBeGreaterThan(20);

    // The link works: the agency reads the matter and answers through it.
    const view = await request(ctx.app).get(`/api/public/referrals/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ reference: escalated.reference, status: 'awaiting', agency: { code: LIAISON } });
    const reply = await request(ctx.app).post(`/api/public/referrals/${token}/reply`).send({ text: '已形成代表建议，交县交通集团办理。' });
    expect(reply.status).toBe(200);
    expect(kit.referralsOf((await request(ctx.app).get(`/api/cases/${escalated.id}`).set(await kit.as('chalu.township_admin'))).body).find((r) => r.id === referralId)?.status).toBe('replied');

    // The row says where it went, never the link; nor does the outbox API or the log.
    const row = await referRow(escalated.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(row.delivered_channels).toEqual(['agency']);
    expect(JSON.stringify(row)).not.toContain(token);
    const shown = await request(ctx.app).get(`/api/outbox/${row.outbox_id}`).set(await kit.as('chalu.township_admin'));
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ type: 'refer', status: 'sent', deliveredChannels: ['agency'] });
    expect(JSON.stringify(shown.body)).not.toContain(token);
    expect(lines.join('\n')).not.toContain(token);
    expect(lines.join('\n')).not.toContain('138 0000 5555');
  });

  it('uses the county registration for a township that has none of its own', async () => {
    const sms = capture();
    const { case: escalated } = await kit.referred('huchen');
    await drain(createOutboxWorker(ctx.deps, {}, { sms }));
    expect(sms.sent.filter((message) => message.reference === escalated.reference).map((message) => message.to)).toEqual([COUNTY_PHONE]);
  });

  it('logs a referral whose agency contact is not a phone, or is missing, and sends nothing', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    const sms = capture();
    const byMail = await kit.referred('huchen', 'court');
    const noContact = await kit.referred('huchen', 'cppcc');
    const unregistered = await kit.referred('chalu', 'hr_bureau');
    await drain(createOutboxWorker({ ...ctx.deps, logger }, {}, { sms }));
    const references = [byMail, noContact, unregistered].map((referred) => referred.case.reference);
    expect(sms.sent.filter((message) => references.includes(message.reference))).toEqual([]);
    const mail = lines.filter((line) => line.includes(byMail.case.reference) && line.includes('"channel":"agency"'));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toContain('liaison@court.ninghai.gov.cn');
    expect(mail[0]).toContain('not a phone number');
    expect(lines.some((line) => line.includes(noContact.case.reference) && line.includes('without a contact'))).toBe(true);
    expect(lines.some((line) => line.includes(unregistered.case.reference) && line.includes('no union of the case registers it'))).toBe(true);
    for (const referred of [byMail, noContact, unregistered]) {
      expect(await referRow(referred.case.id)).toMatchObject({ status: 'sent', delivered_channels: ['agency'] });
    }
  });

  it('sends nothing for a referral already answered when the row is delivered', async () => {
    const sms = capture();
    const { case: escalated, referralId } = await kit.referred('chalu');
    const token = await kit.link(escalated.id, referralId);
    expect((await request(ctx.app).post(`/api/public/referrals/${token}/reply`).send({ text: '已办理' })).status).toBe(200);
    await drain(createOutboxWorker(ctx.deps, {}, { sms }));
    expect(sms.sent.filter((message) => message.reference === escalated.reference)).toEqual([]);
    expect((await referRow(escalated.id)).status).toBe('sent');
  });

  it('keeps the link out of the error of a failed delivery', async () => {
    const sms = capture((message) => `gateway refused "${message.text}"`);
    const { case: escalated } = await kit.referred('chalu');
    await drain(createOutboxWorker(ctx.deps, { maxAttempts: 3 }, { sms }));
    const row = await referRow(escalated.id);
    expect(row.status).toBe('failed');
    expect(row.last_error).toContain('agency: The SMS gateway refused the referral');
    expect(row.last_error).toContain('[link]');
    expect(row.last_error).not.toMatch(/\/referral\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
  });
});

describe('isPhoneContact', () => {
  it('takes phone numbers and refuses e-mail addresses, names and short codes', () => {
    for (const phone of ['0574-65560101', '138 0000 5555', '+86 139 0000 9999', '(0574) 6556 0101']) expect(isPhoneContact(phone), phone).toBe(true);
    for (const other of ['liaison@court.ninghai.gov.cn', '王主任 13800001111', '110', 'https://ninghai.gov.cn']) expect(isPhoneContact(other), other).toBe(false);
  });
});
