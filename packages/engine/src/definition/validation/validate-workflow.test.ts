import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../templates/builtin/index.js';
import { createBaseWorkflow, findIssue } from './base-workflow.fixture.js';
import { parsePath } from './issue-path.js';
import { validateWorkflow } from './validate-workflow.js';
import { VALIDATION_CODES } from './validation-issue.js';

describe('validateWorkflow', () => {
  it('accepts a valid workflow', () => {
    const wf = createBaseWorkflow();
    const result = validateWorkflow(wf);
    expect(result).toEqual({ ok: true, workflow: wf, issues: [] });
  });

  it('accepts the built-in templates', () => {
    for (const template of BUILTIN_TEMPLATES) expect(validateWorkflow(template).issues).toEqual([]);
  });

  it('reports several problems in one pass', () => {
    const wf = createBaseWorkflow();
    wf.initial = 'start';
    wf.states.triage!.transitions[2]!.target = 'mediaton';
    wf.states.triage!.roles = ['medator'];
    wf.fields.channel = { type: 'select', label: { zh: '渠道', en: 'Channel' } };
    wf.warningRules!.many_workers!.when = { field: 'headcount', op: 'gte', value: 10 };
    const codes = validateWorkflow(wf).issues.map((issue) => issue.code);
    expect(codes).toEqual(expect.arrayContaining(['UNKNOWN_INITIAL', 'UNKNOWN_TARGET', 'UNKNOWN_ROLE', 'BAD_FIELD', 'UNKNOWN_FIELD']));
  });

  it('runs the semantic rules on the well-shaped parts when the shape check fails', () => {
    const wf = createBaseWorkflow();
    const json = {
      ...wf,
      fields: { ...wf.fields, broken: { type: 'colour', label: { zh: '颜色', en: 'Colour' } } },
      states: {
        ...wf.states,
        intake: { ...wf.states.intake, title: 'Intake' },
        handling: { ...wf.states.handling, transitions: [{ event: 'resolve', label: { zh: '办结', en: 'Resolve' }, target: 'resolvd' }] },
        resolved: { ...wf.states.resolved, roles: ['counselor'], transitions: [...wf.states.resolved!.transitions, { event: 'note' }] },
      },
      warningRules: { ...wf.warningRules, on_broken: { when: { field: 'broken', op: 'eq', value: 'red' }, level: 'red' } },
    };
    const result = validateWorkflow(json);
    expect(result.ok).toBe(false);
    findIssue(result.issues, 'SCHEMA', 'fields.broken.type');
    findIssue(result.issues, 'SCHEMA', 'states.intake.title');
    findIssue(result.issues, 'SCHEMA', 'states.resolved.transitions[2].label');
    findIssue(result.issues, 'UNKNOWN_TARGET', 'states.handling.transitions[0].target');
    findIssue(result.issues, 'UNKNOWN_ROLE', 'states.resolved.roles[0]');
    // A field whose definition is broken still exists: no UNKNOWN_FIELD on top of the SCHEMA issue.
    expect(result.issues.filter((i) => i.code === 'UNKNOWN_FIELD')).toEqual([]);
  });

  it('stays quiet about reachability when a transition could not be read', () => {
    const wf = createBaseWorkflow();
    const json = { ...wf, states: { ...wf.states, intake: { ...wf.states.intake, transitions: [{ event: 'Accept', label: wf.states.intake!.transitions[0]!.label, target: 'triage' }] } } };
    const codes = validateWorkflow(json).issues.map((i) => i.code);
    expect(codes).toEqual(['SCHEMA']);
  });

  it('gives every issue a path that parses back into its segments', () => {
    const wf = createBaseWorkflow();
    wf.states['Odd key'] = { title: { zh: '怪', en: 'Odd' }, transitions: [] };
    for (const issue of validateWorkflow(wf).issues) {
      expect(parsePath(issue.path)).toEqual(issue.segments);
      expect(VALIDATION_CODES).toContain(issue.code);
    }
  });
});
