import { huchenHelpFarmers } from '@shuoshi/example-township-overlays';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-context.js';
import type { RoleEntry, UnionRoles } from './schemas.js';

let ctx: TestContext;
const tokens = new Map<string, string>();
const USERS = ['ninghai.county_admin', 'chalu.township_admin', 'huchen.township_admin', 'huchen.mediator'];
const BUILT_IN = ['county_admin', 'township_admin', 'intake_operator', 'mediator', 'early_warning_officer', 'lawyer', 'counsellor', 'supervisor'];
const TEMPLATE = { key: 'union-grievance', version: 1 };

function api(user: string, method: 'get' | 'post' | 'patch', path: string, body?: unknown) {
  const call = request(ctx.app)[method](`/api${path}`).set('Authorization', `Bearer ${tokens.get(user) ?? ''}`);
  return body === undefined ? call : call.send(body as object);
}

function newUser(username: string, roles: string[], extra: Record<string, unknown> = {}) {
  return { username, displayName: `${username} 名`, password: 'long-enough-1', roles, ...extra };
}

function role(answer: unknown, id: string): RoleEntry | undefined {
  return (answer as UnionRoles).roles.find((r) => r.id === id);
}

function ids(answer: unknown): string[] {
  return (answer as UnionRoles).roles.map((r) => r.id);
}

beforeAll(async () => {
  ctx = await createTestContext();
  for (const user of USERS) tokens.set(user, await ctx.login(user));
  // Huchen's help-farmers overlay declares chamber_mediator (published), and a draft of another
  // workflow declares fruit_grader: both are roles Huchen's staff may be given.
  const overlay = await api('huchen.township_admin', 'post', '/workflows/overlay', { parent: TEMPLATE, overlay: huchenHelpFarmers });
  expect(overlay.status, JSON.stringify(overlay.body)).toBe(201);
  const published = await api('huchen.township_admin', 'post', '/workflows/huchen-help-farmers@1/publish', {});
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  const draft = await api('huchen.township_admin', 'post', '/workflows/overlay', {
    parent: TEMPLATE,
    overlay: { key: 'huchen-fruit-grading', roles: { fruit_grader: { title: { zh: '果品评级员', en: 'Fruit grader' } } } },
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
}, 60_000);
afterAll(async () => {
  await ctx?.close();
});

describe('GET /roles', () => {
  it('lists the built-in roles and the custom roles of the union and the unions above it, with their titles and workflows', async () => {
    const response = await api('huchen.mediator', 'get', '/roles');
    expect(response.status).toBe(200);
    expect(response.body.tenantId).toBe('huchen');
    expect(ids(response.body)).toEqual([...BUILT_IN, 'chamber_mediator', 'fruit_grader', 'idea_evaluator']);
    expect(role(response.body, 'mediator')).toEqual({ id: 'mediator', builtIn: true, title: { zh: '调解员', en: 'Mediator' }, workflows: [] });
    expect(role(response.body, 'chamber_mediator')).toEqual({
      id: 'chamber_mediator',
      builtIn: false,
      title: { zh: '商会调解员', en: 'Chamber of commerce mediator' },
      workflows: [{ id: 'huchen-help-farmers@1', tenantId: 'huchen', key: 'huchen-help-farmers', version: 1, status: 'published', title: huchenHelpFarmers.title }],
    });
    expect(role(response.body, 'fruit_grader')?.workflows.map((w) => [w.id, w.status])).toEqual([['huchen-fruit-grading@1', 'draft']]);
    // The county's golden-idea template declares its evaluators: every union below may use them.
    expect(role(response.body, 'idea_evaluator')?.workflows.map((w) => [w.id, w.tenantId, w.status])).toEqual([['golden-idea@1', 'ninghai', 'published']]);
  });

  it('answers the roles of another union of the subtree, and with below=true those declared under it', async () => {
    const chalu = await api('ninghai.county_admin', 'get', '/roles?tenantId=chalu');
    expect(chalu.status).toBe(200);
    expect(ids(chalu.body)).toEqual([...BUILT_IN, 'idea_evaluator']);
    expect(ids((await api('ninghai.county_admin', 'get', '/roles')).body)).toEqual([...BUILT_IN, 'idea_evaluator']);
    expect(ids((await api('ninghai.county_admin', 'get', '/roles?tenantId=ninghai&below=true')).body)).toEqual([...BUILT_IN, 'chamber_mediator', 'fruit_grader', 'idea_evaluator']);
  });

  it('answers 404 to a union outside the subtree or unknown, and 400 to a bad query', async () => {
    for (const tenantId of ['chalu', 'ninghai', 'nobody']) {
      const response = await api('huchen.mediator', 'get', `/roles?tenantId=${tenantId}`);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
    expect((await api('huchen.mediator', 'get', '/roles?below=yes')).status).toBe(400);
    expect((await api('huchen.mediator', 'get', '/roles?extra=1')).status).toBe(400);
    expect((await request(ctx.app).get('/api/roles')).status).toBe(401);
  });
});

describe('users with custom roles', () => {
  it('gives a custom role declared by a workflow of the union, published or draft, and the user signs in with it', async () => {
    const created = await api('huchen.township_admin', 'post', '/users', newUser('huchen.chamber_a', ['chamber_mediator', 'fruit_grader']));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.roles).toEqual(['chamber_mediator', 'fruit_grader']);
    const login = await request(ctx.app).post('/api/auth/login').send({ username: 'huchen.chamber_a', password: 'long-enough-1' });
    expect(login.status).toBe(200);
    const byCounty = await api('ninghai.county_admin', 'post', '/users', newUser('huchen.chamber_b', ['mediator', 'idea_evaluator', 'chamber_mediator'], { tenantId: 'huchen' }));
    expect(byCounty.status, JSON.stringify(byCounty.body)).toBe(201);
    const changed = await api('huchen.township_admin', 'patch', '/users/huchen.mediator', { roles: ['mediator', 'chamber_mediator'] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const filtered = await api('ninghai.county_admin', 'get', `/users?filter=${encodeURIComponent('{"role":"chamber_mediator"}')}&range=[0,99]`);
    expect((filtered.body as Array<{ username: string }>).map((u) => u.username).sort()).toEqual(['huchen.chamber_a', 'huchen.chamber_b', 'huchen.mediator']);
  });

  it('refuses with 400 UNKNOWN_ROLE a role the union may not use, quoting it and listing those it may', async () => {
    const created = await api('ninghai.county_admin', 'post', '/users', newUser('chalu.chamber', ['mediator', 'chamber_mediator'], { tenantId: 'chalu' }));
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe('UNKNOWN_ROLE');
    expect(created.body.error.message).toContain('"chamber_mediator"');
    expect(created.body.error.message).toContain('union "chalu"');
    expect(created.body.error.message).toContain(BUILT_IN.join(', '));
    expect(created.body.error.message).toContain('the custom roles idea_evaluator');
    expect(created.body.error.message).toContain('自定义角色');
    expect(created.body.error.details).toMatchObject({ roles: ['chamber_mediator'], tenantId: 'chalu' });
    const changed = await api('chalu.township_admin', 'patch', '/users/chalu.lawyer', { roles: ['lawyer', 'chamber_mediator', 'emperor'] });
    expect(changed.status).toBe(400);
    expect(changed.body.error.message).toContain('The roles "chamber_mediator", "emperor" are not');
    expect((await api('ninghai.county_admin', 'get', '/users/chalu.lawyer')).body.roles).toEqual(['lawyer']);
    expect((await api('huchen.township_admin', 'post', '/users', newUser('huchen.worker', ['worker']))).status).toBe(400);
  });

  it('lets a user keep a role no workflow declares any more, but not gain one', async () => {
    await ctx.db.insertInto('users').values({ tenant_id: 'chalu', user_id: 'chalu.legacy', username: 'chalu.legacy', display_name: '旧角色', password_hash: 'x', roles: ['retired_role'] }).execute();
    const kept = await api('chalu.township_admin', 'patch', '/users/chalu.legacy', { roles: ['retired_role', 'mediator'] });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.roles).toEqual(['retired_role', 'mediator']);
    expect((await api('chalu.township_admin', 'patch', '/users/chalu.legacy', { roles: ['mediator', 'another_role'] })).status).toBe(400);
  });

  it('answers 404, not 400, when creating into a union outside the subtree with a custom role', async () => {
    expect((await api('chalu.township_admin', 'post', '/users', newUser('huchen.sneak', ['chamber_mediator'], { tenantId: 'huchen' }))).status).toBe(404);
  });

  it('keeps a role of a retired workflow version', async () => {
    expect((await api('huchen.township_admin', 'post', '/workflows/huchen-help-farmers@1/retire', {})).status).toBe(200);
    expect(role((await api('huchen.mediator', 'get', '/roles')).body, 'chamber_mediator')?.workflows.map((w) => w.status)).toEqual(['retired']);
    expect((await api('huchen.township_admin', 'post', '/users', newUser('huchen.chamber_c', ['chamber_mediator']))).status).toBe(201);
  });
});
