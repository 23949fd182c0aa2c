import { createEngine, unionGrievance, type CaseSnapshot } from '@shuoshi/engine';
import { huchenHelpFarmers } from '@shuoshi/example-township-overlays';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import { ensureWorkflowRegistered, registerPublishedWorkflows } from './index.js';
import { insertCase, workflowApi } from './test-helpers.js';

let ctx: TestContext;
let api: ReturnType<typeof workflowApi>;
const HUCHEN = 'huchen.township_admin';
const FARMERS = { key: 'huchen-help-farmers', version: 1 };
const cases: Record<'triage' | 'intake' | 'declined' | 'chamber', string> = { triage: '', intake: '', declined: '', chamber: '' };

async function ok(response: Promise<{ status: number; body: unknown }>, status = 200) {
  const answer = await response;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body;
}

async function caseRow(caseId: string) {
  return ctx.db.selectFrom('cases').select(['state', 'status', 'version', 'workflow_version', 'snapshot']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  ctx = await createTestContext();
  api = workflowApi(ctx);
  await ok(api.post(HUCHEN, '/workflows/overlay', { parent: { key: 'union-grievance', version: 1 }, overlay: huchenHelpFarmers }), 201);
  await ok(api.post(HUCHEN, '/workflows/huchen-help-farmers@1/publish', {}));
  const base = { tenantId: 'huchen', ...FARMERS };
  cases.triage = await insertCase(ctx, { ...base, events: [{ type: 'accept' }] });
  cases.intake = await insertCase(ctx, base);
  cases.declined = await insertCase(ctx, { ...base, events: [{ type: 'decline', data: { decline_reason: '不属于工会受理范围' } }] });
  cases.chamber = await insertCase(ctx, { ...base, events: [{ type: 'accept' }, { type: 'route_to_chamber', data: { category: 'sales_dispute', produce_type: 'fruit', buyer_name: '李老板' } }] });

  // Version 2 of the county template, and the overlay rebased onto it.
  const v2 = structuredClone(unionGrievance) as unknown as { states: Record<string, { sla?: { within: string } }> };
  if (v2.states['triage']) v2.states['triage'].sla = { within: '2wd' };
  await ok(api.post('ninghai.county_admin', '/workflows', { definition: v2 }), 201);
  await ok(api.post('ninghai.county_admin', '/workflows/union-grievance@2/publish', {}));
  await ok(api.post(HUCHEN, '/workflows/huchen-help-farmers@1/rebase', { parent: { key: 'union-grievance', version: 2 } }));
  await ok(api.post(HUCHEN, '/workflows/huchen-help-farmers@2/publish', {}));
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('migrating running cases', () => {
  it('counts the moves of a dry run without writing', async () => {
    const before = await caseRow(cases.chamber);
    const report = await ok(api.post(HUCHEN, '/workflows/huchen-help-farmers@1/migrate', { toVersion: 2, dryRun: true }));
    expect(report).toEqual({
      dryRun: true, key: 'huchen-help-farmers', from: 1, to: 2, cases: 3, migrated: 0, failed: 0, skipped: 0,
      moves: { triage: { triage: 1 }, intake: { intake: 1 }, chamber_mediation: { chamber_mediation: 1 } },
      problems: [],
    });
    expect(await caseRow(cases.chamber)).toEqual(before);
  });

  it('reports a bad state map as grouped problems', async () => {
    const report = (await ok(api.post(HUCHEN, '/workflows/huchen-help-farmers@1/migrate', { toVersion: 2, dryRun: true, stateMap: { chamber_mediation: 'mediaton' } }))) as { failed: number; problems: Array<{ code: string; count: number; cases: unknown[] }> };
    expect(report.failed).toBe(3);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'UNKNOWN_TARGET_STATE', severity: 'error', path: 'stateMap.chamber_mediation', count: 3 })]);
    expect(report.problems[0]?.cases).toHaveLength(3);
  });

  it('moves every open case in its own transaction, with an event and new timers', async () => {
    const before = await caseRow(cases.chamber);
    const oldTimers = (before.snapshot as CaseSnapshot).timers.map((t) => t.id);
    expect(oldTimers.length).toBeGreaterThan(0);

    const report = await ok(api.post(HUCHEN, '/workflows/huchen-help-farmers@1/migrate', { toVersion: 2, stateMap: { chamber_mediation: 'mediation' } }));
    expect(report).toMatchObject({ dryRun: false, cases: 3, migrated: 3, failed: 0, skipped: 0, moves: { triage: { triage: 1 }, intake: { intake: 1 }, chamber_mediation: { mediation: 1 } } });

    const after = await caseRow(cases.chamber);
    expect(after).toMatchObject({ state: 'mediation', status: 'open', workflow_version: 2, version: before.version + 1 });
    const snapshot = after.snapshot as CaseSnapshot;
    expect(snapshot.workflow).toEqual({ key: 'huchen-help-farmers', version: 2 });

    const events = await ctx.db.selectFrom('case_events').selectAll().where('case_id', '=', cases.chamber).execute();
    expect(events).toEqual([
      expect.objectContaining({ seq: before.version + 1, type: 'migrated', actor_id: HUCHEN, actor_roles: ['township_admin'], state_from: 'chamber_mediation', state_to: 'mediation' }),
    ]);

    const timers = await ctx.db.selectFrom('timers').select(['timer_id', 'status']).where('case_id', '=', cases.chamber).execute();
    const pending = timers.filter((t) => t.status === 'pending').map((t) => t.timer_id).sort();
    expect(pending).toEqual(snapshot.timers.map((t) => t.id).sort());
    expect(snapshot.timers.every((t) => t.state === 'mediation')).toBe(true);
    for (const id of oldTimers) expect(timers.find((t) => t.timer_id === id)?.status).toBe('cancelled');

    expect((await caseRow(cases.declined)).workflow_version).toBe(1);
    expect((await api.get(HUCHEN, '/workflows/huchen-help-farmers@1')).body.runningCases).toBe(0);
    expect((await api.get(HUCHEN, '/workflows/huchen-help-farmers@2')).body.runningCases).toBe(3);

    // The engine steps the moved case on its new version.
    const claimed = ctx.engine.apply(snapshot, { type: 'claim' }, { id: 'huchen.mediator', roles: ['mediator'] });
    expect(claimed.snapshot.assignee).toBe('huchen.mediator');

    const rerun = await ok(api.post(HUCHEN, '/workflows/huchen-help-farmers@1/migrate', { toVersion: 2 }));
    expect(rerun).toMatchObject({ cases: 0, migrated: 0 });
  });

  it('moves cases back when asked, and no case of another township', async () => {
    const chalu = await ok(api.post('chalu.township_admin', '/workflows/union-grievance@1/migrate', { toVersion: 2, dryRun: true }));
    expect(chalu).toMatchObject({ cases: 0 });
    const back = await ok(api.post(HUCHEN, '/workflows/huchen-help-farmers@2/migrate', { toVersion: 1, dryRun: true, stateMap: { mediation: 'chamber_mediation' } }));
    expect(back).toMatchObject({ cases: 3, failed: 0, moves: { mediation: { chamber_mediation: 1 } } });
  });
});

describe('registerPublishedWorkflows', () => {
  it('registers every published and retired version and reports a broken one', async () => {
    await ctx.db
      .insertInto('workflows')
      .values({ tenant_id: 'huchen', workflow_id: 'huchen-bogus@1', key: 'huchen-bogus', version: 1, status: 'published', title_zh: '坏', title_en: 'Bogus', definition: JSON.stringify({ key: 'huchen-bogus' }) })
      .execute();
    const engine = createEngine();
    const outcome = await registerPublishedWorkflows(ctx.db, engine);
    expect(outcome.failed.map((f) => f.id)).toEqual(['huchen-bogus@1']);
    const ids = engine.workflows().map((w) => `${w.key}@${w.version}`);
    expect(ids).toEqual(expect.arrayContaining(['union-grievance@1', 'union-grievance@2', 'huchen-help-farmers@1', 'huchen-help-farmers@2', 'legal-aid@1']));
    expect(outcome.registered).toBe(ids.length);
  });

  it('registers one missing version on demand', async () => {
    const engine = createEngine();
    expect(await ensureWorkflowRegistered(ctx.db, engine, { key: 'huchen-help-farmers', version: 2 })).toBe(true);
    expect(engine.workflow({ key: 'huchen-help-farmers' }).version).toBe(2);
    expect(await ensureWorkflowRegistered(ctx.db, engine, { key: 'huchen-help-farmers', version: 9 })).toBe(false);
  });
});
