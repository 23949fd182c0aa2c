// The night-bus story of the source page, end to end through the API of a real server started in
// test mode on the Ninghai demo seed: night-shift workers phone the 职工说事 workstation of the
// southern coastal development zone (南部滨海经济开发区) — and one files online — about the 3 km walk
// to a taxi; the calls are recognised as one common demand and referred to the people's congress
// liaison station (人大联络站) with the deputy's proposal as the referral note; the reply from the
// county transport group (县交通集团: line 227 opens) comes through the signed link; the union tells
// the workers; the worker who filed online reads the outcome and rates it with the tracking code;
// the park's figures count the rating. On PostgreSQL when DATABASE_URL is set, else on PGlite.
import { randomBytes } from 'node:crypto';
import { createDatabase, startServer } from '@shuoshi/server';
import type { RunningServer } from '../../packages/server/src/server/start-server.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDto, TimelineEntry } from '../../packages/server/src/cases/schemas.js';
import type { Metrics } from '../../packages/server/src/metrics/schemas.js';
import { isPhoneContact } from '../../packages/server/src/outbox/agency-referral-channel.js';
import type { OutboxEntry } from '../../packages/server/src/outbox/schemas.js';
import type { PublicMatter } from '../../packages/server/src/public/schemas.js';
import { DEMO_PASSWORD } from '../../packages/server/src/seed/demo-staff.js';
import { apiClient, type ApiClient } from './api-client.js';

const DATABASE_URL = process.env['DATABASE_URL'];
const LIAISON = 'people_congress_liaison';
const PUBLIC_BASE_URL = 'https://shuoshi.example.org';
const TITLE = '下夜班打车难，希望开通夜班公交';
const PROPOSAL = '代表建议：开发区企业夜班22:00下班，职工需步行约3公里才能打到车。建议县交通集团开通连接开发区和职工聚居区的夜间公交专线。';
const REPLY = '县交通集团答复：已于本月开通227路夜间公交专线，串联开发区与18个职工聚居区，末班车23:30发车。';
const RESOLUTION = '经人大代表建议推动，县交通集团已开通227路夜间公交专线，下夜班可在园区站乘车，末班车23:30。';
// Three workers phone in; a fourth files online by name and follows the matter with the tracking code.
const CALLERS = [
  { worker_name: '王师傅', worker_phone: '13900002271', enterprise: '宁波方正汽车模具股份有限公司' },
  { worker_name: '李师傅', worker_phone: '13900002272', enterprise: '宁波方正汽车模具股份有限公司' },
  { worker_name: '张阿姨', worker_phone: '13900002273', enterprise: '恒祥保洁有限公司' },
];
const ONLINE = { name: '陈师傅', phone: '13900002274', enterprise: '宁波方正汽车模具股份有限公司' };

const schema = `nightbus_${randomBytes(6).toString('hex')}`;
let running: RunningServer | undefined;
let api: ApiClient;
const tokens = new Map<string, string>();

function as(username: string): string {
  const token = tokens.get(username);
  if (!token) throw new Error(`${username} has not signed in`);
  return token;
}

beforeAll(async () => {
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    SHUOSHI_TEST_MODE: 'true',
    SHUOSHI_SEED: 'true',
    // Read through the server's validated configuration: the links given to agencies start with it.
    SHUOSHI_PUBLIC_BASE_URL: PUBLIC_BASE_URL,
    ...(DATABASE_URL ? { DATABASE_URL, SHUOSHI_DB_SCHEMA: schema, SHUOSHI_SECRET: randomBytes(32).toString('hex') } : { SHUOSHI_DATA_DIR: 'memory://' }),
  };
  running = await startServer({ env: { ...env, LOG_LEVEL: 'silent' }, out: () => undefined });
  expect(running.seeded?.cases).toBe(300);
  api = apiClient(running.url);
  for (const username of ['nanbu.intake1', 'nanbu.intake2', 'nanbu.admin', 'nanbu.supervisor', 'ninghai.admin']) tokens.set(username, await api.login(username, DEMO_PASSWORD));
}, 240_000);

afterAll(async () => {
  await running?.close();
  if (DATABASE_URL) {
    const handle = await createDatabase({ databaseUrl: DATABASE_URL, schema });
    await handle.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await handle.close();
  }
}, 60_000);

async function showCase(id: string): Promise<CaseDto> {
  const shown = await api.get<CaseDto>(`/api/cases/${id}`, as('nanbu.admin'));
  expect(shown.status).toBe(200);
  return shown.body;
}

async function timeline(id: string): Promise<TimelineEntry[]> {
  const answer = await api.get<TimelineEntry[]>(`/api/cases/${id}/timeline`, as('nanbu.admin'));
  expect(answer.status).toBe(200);
  return answer.body;
}

async function send(id: string, username: string, type: string, version: number, data?: Record<string, unknown>): Promise<CaseDto> {
  const stepped = await api.post<{ case: CaseDto }>(`/api/cases/${id}/events`, { type, version, ...(data ? { data } : {}) }, as(username));
  expect(stepped.status, `${type}: ${JSON.stringify(stepped.body)}`).toBe(200);
  return stepped.body.case;
}

// The step's state, version and the log entry it wrote, checked through the API.
async function expectStep(id: string, expected: { state: string; version: number; type: string; actorRole: string }): Promise<CaseDto> {
  const shown = await showCase(id);
  expect(shown).toMatchObject({ state: expected.state, version: expected.version });
  const entries = await timeline(id);
  expect(entries).toHaveLength(expected.version);
  expect(entries.at(-1)).toMatchObject({ seq: expected.version, type: expected.type, stateTo: expected.state });
  expect(entries.at(-1)?.actor.roles).toContain(expected.actorRole);
  return shown;
}

async function metricsOf(tenantId: string): Promise<Metrics> {
  const answer = await api.get<Metrics>(`/api/metrics?tenantId=${tenantId}`, as('nanbu.supervisor'));
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
}

// The background outbox worker of the server delivers within a second or so: wait for it.
async function deliveredOutbox(caseId: string, type: string): Promise<OutboxEntry[]> {
  const filter = encodeURIComponent(JSON.stringify({ caseId, type }));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const listed = await api.get<OutboxEntry[]>(`/api/outbox?filter=${filter}`, as('nanbu.admin'));
    expect(listed.status).toBe(200);
    if (listed.body.length > 0 && listed.body.every((entry) => entry.status === 'sent')) return listed.body;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the ${type} deliveries of case ${caseId} were not sent within 20 s`);
}

describe('the night-bus story on the demo seed', () => {
  it('takes many calls to a common demand, a deputy proposal, the transport group reply, the worker told and the rating counted', async () => {
    const before = await metricsOf('nanbu');

    // Several night-shift workers phone the workstation.
    const ids: string[] = [];
    for (const [index, caller] of CALLERS.entries()) {
      const operator = index % 2 === 0 ? 'nanbu.intake1' : 'nanbu.intake2';
      const opened = await api.post<CaseDto>('/api/cases', {
        workflow: { key: 'union-grievance' },
        channel: 'phone',
        data: { title: TITLE, description: `${caller.worker_name}来电：园区企业夜班22:00下班，要步行约3公里才能打到车，希望开通夜班公交。`, ...caller },
      }, as(operator));
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      expect(opened.body).toMatchObject({ tenantId: 'nanbu_ws', channel: 'phone', state: 'intake', version: 1, warning: 'green' });
      await expectStep(opened.body.id, { state: 'intake', version: 1, type: '$open', actorRole: 'intake_operator' });
      ids.push(opened.body.id);
    }

    // A fourth worker files online, by name, and keeps the tracking code.
    const filed = await api.post<{ trackingCode: string; matter: PublicMatter }>('/api/public/matters', {
      unionId: 'nanbu_ws',
      anonymous: false,
      ...ONLINE,
      title: TITLE,
      description: '下夜班后没有公交车，要走3公里才能打到出租车，冬天尤其难熬。',
      channel: 'online',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const code = filed.body.trackingCode;
    expect(filed.body.matter).toMatchObject({ union: { id: 'nanbu_ws' }, state: 'intake', status: 'open', answer: null, awaitingRating: false, rating: null });
    const found = await api.get<CaseDto[]>(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ q: filed.body.matter.reference }))}`, as('nanbu.intake1'));
    expect(found.body).toHaveLength(1);
    const onlineId = found.body[0]?.id ?? '';
    expect(found.body[0]).toMatchObject({ tenantId: 'nanbu_ws', channel: 'online', state: 'intake', version: 1 });
    ids.push(onlineId);

    // The operator accepts each call and marks it as one common demand (共性诉求).
    for (const id of ids) {
      await send(id, 'nanbu.intake2', 'accept', 1, { common_demand: true });
      const accepted = await expectStep(id, { state: 'triage', version: 2, type: 'accept', actorRole: 'intake_operator' });
      expect(accepted.data['common_demand']).toBe(true);
    }
    const common = await api.get<CaseDto[]>(`/api/cases?filter=${encodeURIComponent(JSON.stringify({ tenantId: 'nanbu_ws', state: 'triage', data: { common_demand: true } }))}&range=${encodeURIComponent('[0,99]')}`, as('nanbu.admin'));
    expect(common.status).toBe(200);
    expect(common.body.map((c) => c.id).sort()).toEqual([...ids].sort());

    // The park union refers the common demand to the liaison station, the deputy's proposal as the note.
    const referrals = new Map<string, string>();
    for (const id of ids) {
      const escalated = await send(id, 'nanbu.admin', 'escalate', 2, { category: 'commute', workers_affected: ids.length, referral_agency: LIAISON, referral_note: PROPOSAL });
      expect(escalated.referrals).toEqual([expect.objectContaining({ agency: LIAISON, status: 'awaiting', state: 'escalation' })]);
      referrals.set(id, String(escalated.referrals?.[0]?.['id']));
      await expectStep(id, { state: 'escalation', version: 3, type: 'escalate', actorRole: 'township_admin' });
    }
    // The outbox brings each referral to the station through the agency channel: the county registers
    // the station with a phone number (the park registers none), so the SMS adapter (the logging one here) gets a signed link.
    const stations = await api.get<Array<{ tenantId: string; contact: string | null }>>(`/api/agencies?filter=${encodeURIComponent(JSON.stringify({ code: LIAISON }))}`, as('ninghai.admin'));
    expect(stations.body).toEqual([expect.objectContaining({ tenantId: 'ninghai' })]);
    expect(isPhoneContact(stations.body[0]?.contact ?? '')).toBe(true);
    for (const id of ids) {
      const refers = await deliveredOutbox(id, 'refer');
      expect(refers).toHaveLength(1);
      expect(refers[0]).toMatchObject({ status: 'sent', attempts: 1, lastError: null, effect: expect.objectContaining({ agency: LIAISON }) });
      expect(refers[0]?.deliveredChannels).toContain('agency');
      expect(JSON.stringify(refers[0])).not.toContain('/referral/');
    }

    // The station answers every referral through its signed link: the transport group opened line 227.
    for (const id of ids) {
      const signed = await api.post<{ url: string; token: string }>(`/api/cases/${id}/referrals/${referrals.get(id) ?? ''}/link`, {}, as('nanbu.admin'));
      expect(signed.status, JSON.stringify(signed.body)).toBe(201);
      expect(signed.body.url).toBe(`${PUBLIC_BASE_URL}/referral/${signed.body.token}`);
      const view = await api.get<{ note: string; status: string; agency: { code: string } }>(`/api/public/referrals/${signed.body.token}`);
      expect(view.status).toBe(200);
      expect(view.body).toMatchObject({ note: PROPOSAL, status: 'awaiting', agency: { code: LIAISON } });
      const replied = await api.post(`/api/public/referrals/${signed.body.token}/reply`, { text: REPLY });
      expect(replied.status, JSON.stringify(replied.body)).toBe(200);
      const resolved = await expectStep(id, { state: 'resolved', version: 4, type: 'agency_replied', actorRole: 'agency' });
      expect(resolved.data['reply_summary']).toBe(REPLY);
      expect(resolved.referrals?.[0]).toMatchObject({ status: 'replied' });
      expect((await timeline(id)).at(-1)?.actor.id).toBe(`agency:${LIAISON}`);
    }

    // Entering "resolved" tells the worker: the notify effect reaches the outbox and goes out by SMS.
    for (const id of ids) {
      const notices = await deliveredOutbox(id, 'notify');
      const toWorker = notices.filter((entry) => (entry.effect?.['to'] as { worker?: boolean } | undefined)?.worker === true);
      expect(toWorker).toHaveLength(1);
      expect(toWorker[0]?.deliveredChannels).toContain('sms');
    }

    // The union replies to each worker with the outcome and starts the follow-up.
    for (const id of ids) {
      await send(id, 'nanbu.intake1', 'reply_to_worker', 4, { resolution: RESOLUTION });
      await expectStep(id, { state: 'follow_up', version: 5, type: 'reply_to_worker', actorRole: 'intake_operator' });
    }

    // The worker who filed online reads the outcome by tracking code: no personal data, no staff names.
    const status = await api.get<PublicMatter>(`/api/public/matters/${code}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ state: 'follow_up', status: 'open', answer: RESOLUTION, awaitingRating: true, rating: null });
    expect(status.body.timeline.map((step) => step.by)).toContain('agency');
    const shown = JSON.stringify(status.body);
    for (const secret of [ONLINE.name, ONLINE.phone, 'nanbu.admin', 'nanbu.intake1']) expect(shown).not.toContain(secret);

    // And rates it through the code: satisfied, the matter is archived.
    const rated = await api.post<PublicMatter>(`/api/public/matters/${code}/rating`, { satisfaction: 5, comment: '夜班公交开通了，下班回家方便多了，谢谢工会！' });
    expect(rated.status, JSON.stringify(rated.body)).toBe(200);
    expect(rated.body).toMatchObject({ state: 'closed', status: 'closed', awaitingRating: false, rating: { satisfaction: 5 } });
    const closed = await expectStep(onlineId, { state: 'closed', version: 6, type: 'rate', actorRole: 'worker' });
    expect(closed).toMatchObject({ status: 'closed', data: { satisfaction: 5 } });

    // The park's figures count the rating (ratings are counted in the period they were given).
    const after = await metricsOf('nanbu');
    expect(after.satisfaction.count).toBe(before.satisfaction.count + 1);
    expect(after.satisfaction.satisfied.numerator).toBe(before.satisfaction.satisfied.numerator + 1);
    expect(after.satisfaction.satisfied.denominator).toBe(before.satisfaction.satisfied.denominator + 1);
    const workstation = await metricsOf('nanbu_ws');
    expect(workstation.satisfaction.count).toBeGreaterThanOrEqual(1);
  });
});
