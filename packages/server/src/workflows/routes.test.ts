import { unionGrievance } from '@shuoshi/engine';
import { huchenHelpFarmers } from '@shuoshi/example-township-overlays';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import type { WorkflowDetail, WorkflowSummary } from './schemas.js';
import { workflowApi } from './test-helpers.js';

let ctx: TestContext;
let api: ReturnType<typeof workflowApi>;

const HUCHEN = 'huchen.township_admin';
const CHALU = 'chalu.township_admin';
const COUNTY = 'ninghai.county_admin';
const TEMPLATE = { key: 'union-grievance', version: 1 };
// The Huchen overlay without its role declaration: one validation issue (an unknown role).
const { roles: _roles, ...huchenWithoutRoles } = huchenHelpFarmers;

const filterQuery = (filter: unknown) => `/workflows?filter=${encodeURIComponent(JSON.stringify(filter))}`;

beforeAll(async () => {
  ctx = await createTestContext();
  api = workflowApi(ctx);
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('a Huchen overlay from draft to running cases', () => {
  it('lists the county templates Huchen may extend, with Content-Range', async () => {
    const response = await api.get(HUCHEN, filterQuery({ templates: true }));
    expect(response.status).toBe(200);
    const rows = response.body as WorkflowSummary[];
    expect(rows.map((r) => r.id)).toContain('union-grievance@1');
    expect(rows.every((r) => r.tenantId === 'ninghai' && r.status === 'published')).toBe(true);
    expect(response.headers['content-range']).toBe(`workflows 0-${rows.length - 1}/${rows.length}`);
    expect(response.headers['access-control-expose-headers']).toContain('Content-Range');
  });

  it('creates the overlay draft, finds one issue, fixes it, diffs and publishes it', async () => {
    const created = await api.post(HUCHEN, '/workflows/overlay', { parent: TEMPLATE, overlay: huchenWithoutRoles });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const draft = created.body as WorkflowDetail;
    expect(draft).toMatchObject({ id: 'huchen-help-farmers@1', tenantId: 'huchen', version: 1, status: 'draft', isOverlay: true, parent: { tenantId: 'ninghai', ...TEMPLATE } });
    expect((draft.definition as { states: Record<string, { sla?: unknown }> }).states['chamber_mediation']?.sla).toEqual({ within: '5wd' });

    const invalid = await api.post(HUCHEN, `/workflows/${draft.id}/validate`, {});
    expect(invalid.status).toBe(200);
    expect(invalid.body.ok).toBe(false);
    expect(invalid.body.issues).toHaveLength(1);
    expect(invalid.body.issues[0]).toMatchObject({ code: 'UNKNOWN_ROLE', path: 'workflow.states.chamber_mediation.roles[0]' });

    const fixed = await api.patch(HUCHEN, `/workflows/${draft.id}`, { overlay: huchenHelpFarmers });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const valid = await api.post(HUCHEN, `/workflows/${draft.id}/validate`, {});
    expect(valid.body).toEqual({ ok: true, issues: [] });

    const diff = await api.get(HUCHEN, `/workflows/${draft.id}/diff`);
    expect(diff.status).toBe(200);
    expect(diff.body.against).toEqual({ tenantId: 'ninghai', ...TEMPLATE, relation: 'parent' });
    const added = (diff.body.changes as Array<{ kind: string; path: string; after?: { sla?: unknown } }>).find((c) => c.path === 'states.chamber_mediation');
    expect(added).toMatchObject({ kind: 'added', after: { sla: { within: '5wd' } } });
    expect(diff.body.changes.map((c: { path: string }) => c.path)).toContain('states.triage.transitions.route_to_chamber');

    const published = await api.post(HUCHEN, `/workflows/${draft.id}/publish`, { note: '助农说事团' });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', note: '助农说事团' });
    expect(typeof published.body.publishedAt).toBe('string');

    const { snapshot } = ctx.engine.start({ key: 'huchen-help-farmers', version: 1 }, { data: { title: '果款被拖欠', description: '收购商拖欠果款。' }, actor: { id: 'u1', roles: ['intake_operator'] }, channel: 'walk_in' });
    expect(snapshot.state).toBe('intake');

    const again = await api.patch(HUCHEN, `/workflows/${draft.id}`, { overlay: huchenHelpFarmers });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NOT_A_DRAFT');
    const republish = await api.post(HUCHEN, `/workflows/${draft.id}/publish`, {});
    expect(republish.body.error.code).toBe('NOT_A_DRAFT');
  });

  it('refuses an overlay that changes a locked node with 422 LOCKED_NODE', async () => {
    const closed = await api.post(HUCHEN, '/workflows/overlay', { parent: TEMPLATE, overlay: { key: 'huchen-locked', states: { closed: { title: { zh: '结案', en: 'Done' } } } } });
    expect(closed.status).toBe(422);
    expect(closed.body.error.code).toBe('LOCKED_NODE');
    expect(closed.body.error.details.conflicts[0]).toMatchObject({ code: 'LOCKED_NODE', path: 'states.closed' });

    const draft = await api.post(HUCHEN, '/workflows/overlay', { parent: TEMPLATE, overlay: { key: 'huchen-locked', title: { zh: '胡陈', en: 'Huchen' } } });
    expect(draft.status).toBe(201);
    const satisfaction = await api.patch(HUCHEN, '/workflows/huchen-locked@1', { overlay: { key: 'huchen-locked', fields: { satisfaction: { label: { zh: '评分', en: 'Score' } } } } });
    expect(satisfaction.status).toBe(422);
    expect(satisfaction.body.error.code).toBe('LOCKED_NODE');
  });

  it('keeps Huchen workflows from Chalu (404) and shows them to the county', async () => {
    const id = 'huchen-locked@1';
    const requests: Array<[string, Promise<{ status: number; body: { error: { code: string } } }>]> = [
      ['show', api.get(CHALU, `/workflows/${id}`)],
      ['patch', api.patch(CHALU, `/workflows/${id}`, { overlay: { key: 'huchen-locked' } })],
      ['validate', api.post(CHALU, `/workflows/${id}/validate`, {})],
      ['diff', api.get(CHALU, `/workflows/${id}/diff`)],
      ['publish', api.post(CHALU, `/workflows/${id}/publish`, {})],
      ['retire', api.post(CHALU, '/workflows/huchen-help-farmers@1/retire', {})],
      ['rebase', api.post(CHALU, '/workflows/huchen-help-farmers@1/rebase', { parent: { key: 'union-grievance', version: 2 } })],
      ['migrate', api.post(CHALU, '/workflows/huchen-help-farmers@1/migrate', { toVersion: 2, dryRun: true })],
      ['overlay of it', api.post(CHALU, '/workflows/overlay', { parent: { key: 'huchen-help-farmers', version: 1 }, overlay: { key: 'chalu-copy' } })],
    ];
    for (const [name, pending] of requests) {
      const response = await pending;
      expect([name, response.status, response.body.error.code]).toEqual([name, 404, 'NOT_FOUND']);
    }
    const chaluList = await api.get(CHALU, '/workflows?range=[0,499]');
    expect((chaluList.body as WorkflowSummary[]).some((w) => w.tenantId === 'huchen')).toBe(false);
    expect(await ctx.db.selectFrom('workflows').select('status').where('workflow_id', '=', id).executeTakeFirst()).toEqual({ status: 'draft' });

    expect((await api.get(COUNTY, `/workflows/${id}`)).status).toBe(200);
    const countyList = await api.get(COUNTY, filterQuery({ tenantId: 'huchen' }));
    expect((countyList.body as WorkflowSummary[]).map((w) => w.id).sort()).toEqual(['huchen-help-farmers@1', 'huchen-locked@1']);
  });

  it('filters by status, key and text, and sorts', async () => {
    const drafts = await api.get(HUCHEN, filterQuery({ status: 'draft' }));
    expect((drafts.body as WorkflowSummary[]).map((w) => w.id)).toEqual(['huchen-locked@1']);
    const byKey = await api.get(HUCHEN, filterQuery({ key: ['huchen-help-farmers', 'legal-aid'] }));
    expect((byKey.body as WorkflowSummary[]).map((w) => w.id).sort()).toEqual(['huchen-help-farmers@1', 'legal-aid@1']);
    const text = await api.get(HUCHEN, filterQuery({ q: '助农' }));
    expect((text.body as WorkflowSummary[]).map((w) => w.id)).toEqual(['huchen-help-farmers@1']);
    const sorted = await api.get(HUCHEN, `/workflows?sort=${encodeURIComponent('["key","DESC"]')}&range=[0,1]`);
    const keys = (sorted.body as WorkflowSummary[]).map((w) => w.key);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(sorted.headers['content-range']).toMatch(/^workflows 0-1\/\d+$/);
  });
});

describe('a new template version and rebasing', () => {
  it('publishes union-grievance v2 next to v1', async () => {
    const v2 = structuredClone(unionGrievance) as unknown as { states: Record<string, { sla?: { within: string } }> };
    const triage = v2.states['triage'];
    if (triage) triage.sla = { within: '2wd' };
    const created = await api.post(COUNTY, '/workflows', { definition: v2 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ id: 'union-grievance@2', version: 2, status: 'draft', parent: null, isOverlay: false });
    const diff = await api.get(COUNTY, '/workflows/union-grievance@2/diff');
    expect(diff.body.against).toMatchObject({ version: 1, relation: 'previous' });
    expect(diff.body.changes).toEqual([expect.objectContaining({ kind: 'changed', path: 'states.triage.sla', before: { within: '1wd' }, after: { within: '2wd' } })]);
    const published = await api.post(COUNTY, '/workflows/union-grievance@2/publish', { note: 'Triage in two working days' });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const v1 = await api.get(HUCHEN, '/workflows/union-grievance@1');
    expect(v1.body.status).toBe('published');
  });

  it('reports a rebase conflict with the three values', async () => {
    const overlay = { key: 'huchen-quick-triage', states: { triage: { sla: { within: '3wd' } } } };
    expect((await api.post(HUCHEN, '/workflows/overlay', { parent: TEMPLATE, overlay })).status).toBe(201);
    expect((await api.post(HUCHEN, '/workflows/huchen-quick-triage@1/publish', {})).status).toBe(200);
    const rebased = await api.post(HUCHEN, '/workflows/huchen-quick-triage@1/rebase', { parent: { key: 'union-grievance', version: 2 } });
    expect(rebased.status).toBe(422);
    expect(rebased.body.error.code).toBe('BOTH_CHANGED');
    expect(rebased.body.error.details.conflicts).toEqual([
      expect.objectContaining({ code: 'BOTH_CHANGED', path: 'states.triage.sla', base: { within: '1wd' }, template: { within: '2wd' }, overlay: { within: '3wd' } }),
    ]);
    const versions = await ctx.db.selectFrom('workflows').select('version').where('key', '=', 'huchen-quick-triage').execute();
    expect(versions).toHaveLength(1);
  });

  it('rebases with the conflicts settled: keep mine, or an unknown path refused', async () => {
    const unknown = await api.post(HUCHEN, '/workflows/huchen-quick-triage@1/rebase', { parent: { key: 'union-grievance', version: 2 }, resolutions: { 'states.mediation.sla': 'mine' } });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'UNKNOWN_RESOLUTION']);
    const bad = await api.post(HUCHEN, '/workflows/huchen-quick-triage@1/rebase', { parent: { key: 'union-grievance', version: 2 }, resolutions: { 'states.triage.sla': 'theirs' } });
    expect(bad.status).toBe(400);
    const kept = await api.post(HUCHEN, '/workflows/huchen-quick-triage@1/rebase', { parent: { key: 'union-grievance', version: 2 }, resolutions: { 'states.triage.sla': 'mine' } });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body).toMatchObject({ id: 'huchen-quick-triage@2', status: 'draft', parent: { key: 'union-grievance', version: 2 } });
    expect(kept.body.definition.states.triage.sla).toEqual({ within: '3wd' });
  });

  it('rebases the farmers overlay onto v2 as a new draft that takes the template change', async () => {
    const rebased = await api.post(HUCHEN, '/workflows/huchen-help-farmers@1/rebase', { parent: { key: 'union-grievance', version: 2 } });
    expect(rebased.status, JSON.stringify(rebased.body)).toBe(200);
    expect(rebased.body).toMatchObject({ id: 'huchen-help-farmers@2', status: 'draft', parent: { tenantId: 'ninghai', key: 'union-grievance', version: 2 } });
    expect(rebased.body.definition.states.triage.sla).toEqual({ within: '2wd' });
    expect(rebased.body.overlay).toMatchObject({ version: 2, extends: { key: 'union-grievance', version: 2 } });
    const published = await api.post(HUCHEN, '/workflows/huchen-help-farmers@2/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect((await api.get(HUCHEN, '/workflows/huchen-help-farmers@1')).body.status).toBe('published');
  });
});

describe('refusals', () => {
  it('answers 401 without a token and 403 to roles that may not write', async () => {
    expect((await request(ctx.app).get('/api/workflows')).status).toBe(401);
    const mediator = 'huchen.mediator';
    expect((await api.get(mediator, '/workflows/huchen-help-farmers@1')).status).toBe(200);
    const answers = await Promise.all([
      api.post(mediator, '/workflows', { definition: { key: 'huchen-x', title: { zh: 'x', en: 'x' } } }),
      api.post(mediator, '/workflows/overlay', { parent: TEMPLATE, overlay: { key: 'huchen-y' } }),
      api.patch(mediator, '/workflows/huchen-locked@1', { overlay: { key: 'huchen-locked' } }),
      api.post(mediator, '/workflows/huchen-locked@1/publish', {}),
      api.post(mediator, '/workflows/huchen-help-farmers@1/retire', {}),
      api.post(mediator, '/workflows/huchen-help-farmers@1/rebase', { parent: { key: 'union-grievance', version: 2 } }),
      api.post(mediator, '/workflows/huchen-help-farmers@1/migrate', { toVersion: 2, dryRun: true }),
    ]);
    for (const response of answers) expect([response.status, response.body.error.code]).toEqual([403, 'FORBIDDEN']);
  });

  it.each([
    ['an unknown filter', () => api.get(HUCHEN, filterQuery({ nope: 1 })), 400],
    ['an unsortable field', () => api.get(HUCHEN, '/workflows?sort=["definition","ASC"]'), 400],
    ['a NUL in the text filter', () => api.get(HUCHEN, filterQuery({ q: 'a\u0000b' })), 400],
    ['a NUL in the id', () => api.get(HUCHEN, '/workflows/a%00b'), 400],
    ['a bad key', () => api.post(HUCHEN, '/workflows', { definition: { key: 'Bad Key', title: { zh: 'x', en: 'x' } } }), 400],
    ['a lone surrogate in a definition', () => api.post(HUCHEN, '/workflows', { definition: { key: 'huchen-z', title: { zh: 'x', en: 'x' }, description: { zh: '\ud800', en: 'x' } } }), 400],
    ['both definition and overlay', () => api.patch(HUCHEN, '/workflows/huchen-locked@1', { definition: { key: 'huchen-locked', title: { zh: 'x', en: 'x' } }, overlay: { key: 'huchen-locked' } }), 400],
    ['a version beyond integers', () => api.post(HUCHEN, '/workflows/huchen-help-farmers@1/migrate', { toVersion: 2 ** 31 }), 400],
    ['an unknown template', () => api.post(HUCHEN, '/workflows/overlay', { parent: { key: 'no-such', version: 1 }, overlay: { key: 'huchen-q' } }), 404],
    ['an unknown workflow', () => api.get(HUCHEN, '/workflows/no-such@1'), 404],
    ['a key of another union', () => api.post(HUCHEN, '/workflows', { definition: { ...unionGrievance } }), 409],
    ['a second draft of a key', () => api.post(HUCHEN, '/workflows/overlay', { parent: TEMPLATE, overlay: { key: 'huchen-locked' } }), 409],
    ['a change to a template above', () => api.post(HUCHEN, '/workflows/union-grievance@1/retire', {}), 403],
    ['a full definition on an overlay', () => api.patch(HUCHEN, '/workflows/huchen-locked@1', { definition: { key: 'huchen-locked', title: { zh: 'x', en: 'x' } } }), 409],
    ['retiring a draft', () => api.post(HUCHEN, '/workflows/huchen-locked@1/retire', {}), 409],
    ['rebasing a full definition', () => api.post(COUNTY, '/workflows/legal-aid@1/rebase', { parent: { key: 'legal-aid', version: 2 } }), 409],
    ['rebasing onto an older version', () => api.post(HUCHEN, '/workflows/huchen-help-farmers@2/rebase', { parent: { key: 'union-grievance', version: 1 } }), 422],
    ['rebasing onto another template', () => api.post(HUCHEN, '/workflows/huchen-help-farmers@2/rebase', { parent: { key: 'legal-aid', version: 1 } }), 422],
    ['rebasing onto a version that does not exist', () => api.post(HUCHEN, '/workflows/huchen-help-farmers@2/rebase', { parent: { key: 'union-grievance', version: 9 } }), 404],
    ['a diff without parent or earlier version', () => api.get(COUNTY, '/workflows/legal-aid@1/diff'), 409],
    ['migrating a draft', () => api.post(HUCHEN, '/workflows/huchen-locked@1/migrate', { toVersion: 2 }), 409],
    ['migrating to the same version', () => api.post(HUCHEN, '/workflows/huchen-help-farmers@1/migrate', { toVersion: 1 }), 422],
    ['migrating to a missing version', () => api.post(HUCHEN, '/workflows/huchen-help-farmers@1/migrate', { toVersion: 7 }), 404],
  ])('answers %s with the right status', async (_name, send, status) => {
    const response = await send();
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.body.error.message).toEqual(expect.any(String));
  });

  it('answers bodies nested too deeply with 400', async () => {
    const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    for (const depth of [100, 300_000]) {
      const body = `{"definition":{"key":"huchen-deep","title":{"zh":"深","en":"Deep"},"states":${deep(depth)}}}`;
      const response = await request(ctx.app).post('/api/workflows').set('Authorization', `Bearer ${await api.token(HUCHEN)}`).set('Content-Type', 'application/json').send(body);
      expect(response.status, `depth ${depth}`).toBe(400);
    }
  });

  it('documents every route in the OpenAPI document', async () => {
    const response = await request(ctx.app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    const paths = Object.keys(response.body.paths as Record<string, unknown>).filter((p) => p.startsWith('/api/workflows'));
    expect(paths.sort()).toEqual(['/api/workflows', '/api/workflows/overlay', '/api/workflows/{id}', '/api/workflows/{id}/diff', '/api/workflows/{id}/migrate', '/api/workflows/{id}/publish', '/api/workflows/{id}/rebase', '/api/workflows/{id}/retire', '/api/workflows/{id}/validate']);
  });

  it('answers a malformed JSON body with 400', async () => {
    const response = await request(ctx.app).post('/api/workflows').set('Authorization', `Bearer ${await api.token(HUCHEN)}`).set('Content-Type', 'application/json').send('{"definition":');
    expect(response.status).toBe(400);
  });

  it('refuses to publish an invalid draft with 422 and every issue', async () => {
    const created = await api.post(HUCHEN, '/workflows', { definition: { key: 'huchen-broken', title: { zh: '坏', en: 'Broken' }, initial: 'start', fields: {}, states: { start: { title: { zh: '开始', en: 'Start' }, transitions: [{ event: 'go', label: { zh: '去', en: 'Go' }, target: 'nowhere' }] } } } });
    expect(created.status).toBe(201);
    const published = await api.post(HUCHEN, '/workflows/huchen-broken@1/publish', {});
    expect(published.status).toBe(422);
    expect(published.body.error.code).toBe('INVALID_WORKFLOW');
    expect(published.body.error.details.issues.map((i: { code: string }) => i.code)).toContain('UNKNOWN_TARGET');
    expect((await api.get(HUCHEN, '/workflows/huchen-broken@1')).body.status).toBe('draft');
    const renamed = await api.patch(HUCHEN, '/workflows/huchen-broken@1', { definition: { key: 'huchen-renamed', title: { zh: '坏', en: 'Broken' } } });
    expect([renamed.status, renamed.body.error.code]).toEqual([422, 'KEY_CHANGED']);
  });

  it('retires a published version once', async () => {
    expect((await api.post(HUCHEN, '/workflows/huchen-quick-triage@1/retire', {})).body.status).toBe('retired');
    const twice = await api.post(HUCHEN, '/workflows/huchen-quick-triage@1/retire', {});
    expect([twice.status, twice.body.error.code]).toEqual([409, 'ALREADY_RETIRED']);
  });
});
