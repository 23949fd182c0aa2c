// The park workstation's yellow early warning (高坛园区 王玉琪调处工作室: "5 labour-dispute early
// warnings marked yellow and defused early"), end to end through the API while the server's clock
// is moved: the park's own flow warns its early-warning officers (预警员) at 80 % of mediation's
// 10-working-day SLA and the supervisor (督办) at 100 %. The case enters mediation on Monday
// 2025-09-29, just before the National Day holiday (10-01..10-08, with Saturday 10-11 a make-up
// working day): the holiday and the weekend of 10-18/19 must not count, so yellow comes on
// 10-16 (not 10-07) and red on Monday 10-20 (not 10-09).
import type { CaseSnapshot, Effect } from '@shuoshi/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDto, TimelineEntry } from '../../packages/server/src/cases/schemas.js';
import type { Notification } from '../../packages/server/src/notifications/schemas.js';
import type { OutboxEntry } from '../../packages/server/src/outbox/schemas.js';
import { createOutboxWorker } from '../../packages/server/src/outbox/outbox-worker.js';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../packages/server/src/testing/test-context.js';
import { apiClient, serve, type ApiClient } from './api-client.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const PARK_FLOW = 'gaotan-labour-relations';
// The park's staff, made through the API by the township above it (岔路镇).
const PARK_STAFF: ReadonlyArray<{ username: string; tenantId: string; roles: string[]; displayName: string }> = [
  { username: 'gaotan.admin', tenantId: 'gaotan', roles: ['township_admin'], displayName: '高坛园区工会管理员' },
  { username: 'gaotan.supervisor', tenantId: 'gaotan', roles: ['supervisor'], displayName: '高坛园区督办' },
  { username: 'gaotan.intake', tenantId: 'gaotan_ws', roles: ['intake_operator'], displayName: '工作室接线员' },
  { username: 'gaotan.warning1', tenantId: 'gaotan_ws', roles: ['early_warning_officer'], displayName: '工作室预警员' },
  { username: 'gaotan.mediator1', tenantId: 'gaotan_ws', roles: ['mediator'], displayName: '工作室调解员' },
];

let ctx: TestContext;
let served: Awaited<ReturnType<typeof serve>> | undefined;
let api: ApiClient;
const tokens = new Map<string, string>();
// User ids by username: the test users' ids are their usernames, users made through the API get a generated id.
const userIds = new Map<string, string>();

function as(username: string): string {
  const token = tokens.get(username);
  if (!token) throw new Error(`${username} has not signed in`);
  return token;
}

beforeAll(async () => {
  ctx = await createTestContext();
  served = await serve(ctx.app);
  api = apiClient(served.url);
  tokens.set('chalu.township_admin', await api.login('chalu.township_admin', TEST_PASSWORD));
  for (const member of PARK_STAFF) {
    const created = await api.post('/api/users', { ...member, password: TEST_PASSWORD }, as('chalu.township_admin'));
    if (created.status !== 201) throw new Error(`creating ${member.username} failed: ${created.status} ${JSON.stringify(created.body)}`);
    userIds.set(member.username, (created.body as { id: string }).id);
    tokens.set(member.username, await api.login(member.username, TEST_PASSWORD));
  }
}, 60_000);

afterAll(async () => {
  await served?.close();
  await ctx?.close();
});

async function showCase(id: string): Promise<CaseDto> {
  const shown = await api.get<CaseDto>(`/api/cases/${id}`, as('gaotan.admin'));
  expect(shown.status).toBe(200);
  return shown.body;
}

async function timeline(id: string): Promise<TimelineEntry[]> {
  const answer = await api.get<TimelineEntry[]>(`/api/cases/${id}/timeline`, as('gaotan.admin'));
  expect(answer.status).toBe(200);
  return answer.body;
}

async function moveClockTo(at: number): Promise<{ now: string; timers: { fired: number; stale: number; refused: number } }> {
  const moved = await api.post<{ now: string; timers: { fired: number; stale: number; refused: number } }>('/api/test/clock/advance', { to: new Date(at).toISOString() });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  return moved.body;
}

async function send(id: string, username: string, type: string, version: number, data?: Record<string, unknown>): Promise<CaseDto> {
  const stepped = await api.post<{ case: CaseDto }>(`/api/cases/${id}/events`, { type, version, ...(data ? { data } : {}) }, as(username));
  expect(stepped.status, `${type}: ${JSON.stringify(stepped.body)}`).toBe(200);
  return stepped.body.case;
}

async function listIds(username: string, filter: Record<string, unknown>): Promise<string[]> {
  const listed = await api.get<CaseDto[]>(`/api/cases?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,99]')}`, as(username));
  expect(listed.status).toBe(200);
  return listed.body.map((c) => c.id);
}

async function notificationsFor(username: string, caseId: string): Promise<Notification[]> {
  const listed = await api.get<Notification[]>(`/api/notifications?filter=${encodeURIComponent(JSON.stringify({ caseId }))}`, as(username));
  expect(listed.status).toBe(200);
  return listed.body;
}

// The usernames of everyone notified about the case, sorted.
async function recipients(caseId: string): Promise<string[]> {
  const rows = await ctx.db.selectFrom('notifications').select('user_id').where('case_id', '=', caseId).execute();
  const usernames = new Map([...userIds].map(([username, userId]) => [userId, username]));
  return rows.map((row) => usernames.get(row.user_id) ?? row.user_id).sort();
}

async function drainOutbox(): Promise<void> {
  const worker = createOutboxWorker(ctx.deps);
  for (let i = 0; i < 50 && (await worker.runOnce()) > 0; i += 1);
}

// China keeps UTC+8 all year.
function chinaTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

describe("the park workstation's early warning while the clock moves", () => {
  it('warns yellow at 80 % and red at 100 % of the working-day SLA, skipping the National Day holiday and a weekend', async () => {
    // The park union publishes its own flow: the county's matter flow, with mediation's ladder telling its early-warning officers.
    const overlay = {
      key: PARK_FLOW,
      title: { zh: '高坛园区职工诉求处理（劳动关系预警）', en: 'Gaotan park matter handling (labour-relations early warning)' },
      states: {
        mediation: {
          warnings: [
            { at: '80%', level: 'yellow', notify: { roles: ['early_warning_officer'], assignee: true } },
            { at: '100%', level: 'red', notify: { roles: ['supervisor'] } },
          ],
        },
      },
    };
    const drafted = await api.post('/api/workflows/overlay', { parent: { key: 'union-grievance', version: 1 }, overlay }, as('gaotan.admin'));
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const published = await api.post(`/api/workflows/${PARK_FLOW}@1/publish`, { note: '调处工作室预警' }, as('gaotan.admin'));
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    // Monday 2025-09-29 in the morning: a contract dispute comes in and goes to mediation.
    const opened = await api.post<CaseDto>('/api/cases', {
      workflow: { key: PARK_FLOW },
      channel: 'walk_in',
      data: { title: '劳动合同到期不续签引发争议', description: '电子电器片一家企业合同到期不续签，6名职工要求经济补偿，与企业协商未果。', workers_affected: 6, enterprise: '高坛园区某电子企业' },
    }, as('gaotan.intake'));
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.id;
    expect(opened.body).toMatchObject({ tenantId: 'gaotan_ws', state: 'intake', warning: 'green', version: 1 });
    const accepted = await send(id, 'gaotan.intake', 'accept', 1);
    const routed = await send(id, 'gaotan.warning1', 'route_to_mediation', accepted.version, { category: 'contract' });
    const claimed = await send(id, 'gaotan.mediator1', 'claim', routed.version);
    expect(claimed).toMatchObject({ state: 'mediation', warning: 'green', version: 4, assigneeId: userIds.get('gaotan.mediator1') });
    const enteredAt = Date.parse(claimed.clock?.enteredAt ?? '');
    expect(chinaTime(claimed.clock?.enteredAt ?? '').slice(0, 10)).toBe('2025-09-29');
    // 10 working days from Monday 09-29 end on Monday 10-20 at the same time: 21 calendar days.
    expect(Date.parse(claimed.clock?.dueAt ?? '') - enteredAt).toBe(21 * DAY);
    const entriesBefore = (await timeline(id)).length;
    expect(entriesBefore).toBe(4);

    // Thursday 10-09, ten calendar days later: a calendar-day SLA would be breached, but the holiday did not count.
    let moved = await moveClockTo(enteredAt + 10 * DAY + 60 * MINUTE);
    expect(chinaTime(moved.now).slice(0, 10)).toBe('2025-10-09');
    expect(await showCase(id)).toMatchObject({ warning: 'green', version: 4, overdue: false });
    // Thursday 10-16 just before 80 %: the make-up Saturday 10-11 counted, Sunday 10-12 did not.
    moved = await moveClockTo(enteredAt + 17 * DAY - 5 * MINUTE);
    expect(await showCase(id)).toMatchObject({ warning: 'green', version: 4 });
    expect(await timeline(id)).toHaveLength(entriesBefore);

    // 80 % of 10 working days (8 working days) on Thursday 10-16: yellow.
    moved = await moveClockTo(enteredAt + 17 * DAY + MINUTE);
    expect(moved.timers.fired).toBe(1);
    const yellow = await showCase(id);
    expect(yellow).toMatchObject({ state: 'mediation', warning: 'yellow', version: 5, overdue: false });
    const afterYellow = await timeline(id);
    expect(afterYellow).toHaveLength(5);
    expect(afterYellow.at(-1)).toMatchObject({ seq: 5, type: '$timer', actor: { id: 'system' }, stateFrom: 'mediation', stateTo: 'mediation', warning: 'yellow', data: { kind: 'warning' } });
    expect(afterYellow.at(-2)?.warning).toBe('green');
    // The step's effects record the change of colour (warningChanged), and the outbox carries it.
    const logged = await ctx.db.selectFrom('case_events').select('effects').where('case_id', '=', id).where('seq', '=', 5).executeTakeFirstOrThrow();
    expect(logged.effects as Effect[]).toContainEqual(expect.objectContaining({ type: 'warningChanged', from: 'green', to: 'yellow' }));
    const changes = await api.get<OutboxEntry[]>(`/api/outbox?filter=${encodeURIComponent(JSON.stringify({ caseId: id, type: 'warningChanged' }))}`, as('gaotan.admin'));
    expect(changes.status).toBe(200);
    expect(changes.body.map((entry) => entry.effect)).toEqual([expect.objectContaining({ from: 'green', to: 'yellow' })]);
    expect(await listIds('gaotan.admin', { warning: 'yellow' })).toEqual([id]);
    expect(await listIds('gaotan.admin', { warning: 'green', id })).toEqual([]);

    // Nothing reaches anyone until the outbox worker runs; then the early-warning officers and the mediator hear of it, the supervisors do not.
    expect(await notificationsFor('gaotan.warning1', id)).toEqual([]);
    await drainOutbox();
    const warned = await notificationsFor('gaotan.warning1', id);
    expect(warned).toEqual([expect.objectContaining({ caseId: id, caseTenantId: 'gaotan_ws', reason: 'warning', state: 'mediation', read: false })]);
    expect(warned[0]?.message.zh.length).toBeGreaterThan(0);
    expect(await recipients(id)).toEqual(['chalu.early_warning_officer', 'gaotan.mediator1', 'gaotan.warning1', 'ninghai.early_warning_officer']);
    expect(await notificationsFor('gaotan.supervisor', id)).toEqual([]);

    // Friday evening, then Sunday night 10-19: calendar days pass, working time does not; still yellow.
    moved = await moveClockTo(enteredAt + 18 * DAY + 9 * 60 * MINUTE);
    expect(moved.timers.fired).toBe(0);
    moved = await moveClockTo(enteredAt + 21 * DAY - 10 * MINUTE);
    expect(chinaTime(moved.now).slice(0, 10)).toBe('2025-10-20');
    expect(moved.timers.fired).toBe(0);
    expect(await showCase(id)).toMatchObject({ warning: 'yellow', version: 5, overdue: false });

    // Monday 10-20, 100 %: red, and the supervisors are told.
    moved = await moveClockTo(enteredAt + 21 * DAY + MINUTE);
    expect(moved.timers.fired).toBeGreaterThanOrEqual(1);
    const red = await showCase(id);
    expect(red).toMatchObject({ state: 'mediation', warning: 'red', overdue: true });
    const afterRed = await timeline(id);
    expect(afterRed.length).toBe(red.version);
    expect(afterRed.slice(5).every((entry) => entry.type === '$timer' && entry.actor.id === 'system')).toBe(true);
    expect(afterRed.at(-1)?.warning).toBe('red');
    const redEffects = (await ctx.db.selectFrom('case_events').select('effects').where('case_id', '=', id).where('seq', '>', 5).execute()).flatMap((row) => row.effects as Effect[]);
    expect(redEffects).toContainEqual(expect.objectContaining({ type: 'warningChanged', from: 'yellow', to: 'red' }));
    expect(await listIds('gaotan.admin', { warning: 'red' })).toEqual([id]);
    expect(await listIds('gaotan.admin', { warning: 'yellow' })).toEqual([]);
    expect(await listIds('gaotan.supervisor', { overdue: true })).toEqual([id]);

    expect(await notificationsFor('gaotan.supervisor', id)).toEqual([]);
    await drainOutbox();
    expect(await notificationsFor('gaotan.supervisor', id)).toEqual([expect.objectContaining({ caseId: id, reason: 'warning', state: 'mediation' })]);
    const all = await recipients(id);
    expect(all.filter((user) => user.endsWith('supervisor'))).toEqual(['chalu.supervisor', 'gaotan.supervisor', 'ninghai.supervisor']);
    // The yellow warning is not repeated to the early-warning officer.
    expect(await notificationsFor('gaotan.warning1', id)).toHaveLength(1);
    const snapshot = (await ctx.db.selectFrom('cases').select('snapshot').where('case_id', '=', id).executeTakeFirstOrThrow()).snapshot as CaseSnapshot;
    expect(snapshot.warning).toBe('red');
  });
});
