import { describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../seed/demo-staff.js';
import { DEMO_TENANTS, demoTenantPaths } from '../seed/demo-tenants.js';
import { demoWorkflows } from '../seed/demo-workflows.js';
import { buildRoleCatalogue, type DeclaringWorkflow } from './role-catalogue.js';

function row(id: string, roles: unknown, extra: Partial<DeclaringWorkflow> = {}): DeclaringWorkflow {
  const [key = id, version = '1'] = id.split('@');
  return { id, tenantId: 'huchen', key, version: Number(version), status: 'published', title: { zh: key, en: key }, roles, distance: 0, ...extra };
}

describe('buildRoleCatalogue', () => {
  it('lists the built-in roles first, then the custom ones by id', () => {
    const roles = buildRoleCatalogue([row('b@1', { zeta_role: { title: { zh: '泽', en: 'Zeta' } }, alpha_role: { title: { zh: '阿', en: 'Alpha' } } })]);
    expect(roles.map((r) => r.id)).toEqual(['county_admin', 'township_admin', 'intake_operator', 'mediator', 'early_warning_officer', 'lawyer', 'counsellor', 'supervisor', 'alpha_role', 'zeta_role']);
    expect(roles.slice(0, 8).every((r) => r.builtIn && r.workflows.length === 0)).toBe(true);
  });

  it('names a role after the nearest union, published before retired before draft, newest first', () => {
    const roles = buildRoleCatalogue([
      row('county@1', { grader: { title: { zh: '县评级员', en: 'County grader' } } }, { tenantId: 'ninghai', distance: 1 }),
      row('own@1', { grader: { title: { zh: '旧评级员', en: 'Old grader' } } }),
      row('own@2', { grader: { title: { zh: '草稿评级员', en: 'Draft grader' } } }, { status: 'draft' }),
      row('own@3', { grader: { title: { zh: '评级员', en: 'Grader' } } }, { status: 'retired' }),
      row('other@4', { grader: { title: { zh: '新评级员', en: 'New grader' } } }),
    ]);
    const grader = roles.find((r) => r.id === 'grader');
    expect(grader?.title).toEqual({ zh: '新评级员', en: 'New grader' });
    expect(grader?.workflows.map((w) => w.id)).toEqual(['other@4', 'own@1', 'own@3', 'own@2', 'county@1']);
  });

  it('reads a draft\'s roles defensively: no pseudo, built-in or malformed ids, titles falling back', () => {
    const roles = buildRoleCatalogue([
      row('a@1', { worker: { title: { zh: '职工', en: 'Worker' } }, mediator: { title: { zh: '别名', en: 'Alias' } }, 'Bad-Id': {}, only_en: { title: { en: 'Only English' } }, untitled: null }),
      row('b@1', ['not', 'a', 'record']),
      row('c@1', null),
    ]);
    expect(roles.filter((r) => !r.builtIn).map((r) => [r.id, r.title])).toEqual([
      ['only_en', { zh: 'Only English', en: 'Only English' }],
      ['untitled', { zh: 'untitled', en: 'untitled' }],
    ]);
    expect(roles.find((r) => r.id === 'mediator')?.title).toEqual({ zh: '调解员', en: 'Mediator' });
  });
});

describe('the demo staff', () => {
  it('hold only roles their union may use under the demo workflows, though the seed writes them directly', () => {
    const paths = demoTenantPaths(DEMO_TENANTS);
    const workflows = demoWorkflows();
    const refused: string[] = [];
    for (const member of DEMO_STAFF) {
      const lineage = (paths.get(member.tenant) ?? '').split('/').filter(Boolean);
      const rows = workflows
        .filter((w) => lineage.includes(w.tenant))
        .map((w) => row(`${w.workflow.key}@${w.workflow.version}`, w.workflow.roles, { tenantId: w.tenant, distance: lineage.length - 1 - lineage.indexOf(w.tenant) }));
      const allowed = new Set(buildRoleCatalogue(rows).map((r) => r.id));
      for (const role of member.roles) if (!allowed.has(role)) refused.push(`${member.username}: ${role}`);
    }
    expect(refused).toEqual([]);
    expect(DEMO_STAFF.some((s) => s.roles.includes('chamber_mediator'))).toBe(true);
  });
});
