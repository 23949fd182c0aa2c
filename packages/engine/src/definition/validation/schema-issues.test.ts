import { describe, expect, it } from 'vitest';
import { createBaseWorkflow, findIssue } from './base-workflow.fixture.js';
import { validateWorkflow } from './validate-workflow.js';

describe('shape issues', () => {
  it('reports a malformed identifier with its value', () => {
    const wf = createBaseWorkflow();
    const json = { ...wf, states: { ...wf.states, intake: { ...wf.states.intake, roles: ['Intake Operator'] } } };
    const issue = findIssue(validateWorkflow(json).issues, 'SCHEMA', 'states.intake.roles[0]');
    expect(issue.message).toContain('"Intake Operator"');
    expect(issue.message).toContain('lower snake case');
  });

  it('names a missing key and says what to add', () => {
    const wf = createBaseWorkflow();
    const json = { ...wf, states: { ...wf.states, closed: { final: true, transitions: [] } } };
    const issue = findIssue(validateWorkflow(json).issues, 'SCHEMA', 'states.closed.title');
    expect(issue.message).toContain('"title" is missing in states.closed');
    expect(issue.message).toContain('bilingual');
  });

  it('suggests the key an unknown key was meant to be', () => {
    const wf = createBaseWorkflow();
    const json = { ...wf, states: { ...wf.states, closed: { ...wf.states.closed, finall: true } } };
    const issue = findIssue(validateWorkflow(json).issues, 'SCHEMA', 'states.closed');
    expect(issue.message).toContain('"finall"');
    expect(issue.message).toContain('Did you mean "final"?');
  });

  it('quotes a value of the wrong type and says what to write', () => {
    const wf = createBaseWorkflow();
    const json = { ...wf, states: { ...wf.states, triage: { ...wf.states.triage, roles: 'mediator' } } };
    const issue = findIssue(validateWorkflow(json).issues, 'SCHEMA', 'states.triage.roles');
    expect(issue.message).toBe('"mediator" is a string, not a list: write a list here, e.g. ["mediator"].');
  });

  it('reports the branch a malformed condition was meant to be', () => {
    const wf = createBaseWorkflow();
    const triage = wf.states.triage!;
    const condition = { all: [{ field: 'category', op: 'equals', value: 'wages' }] };
    const json = { ...wf, states: { ...wf.states, triage: { ...triage, transitions: [{ ...triage.transitions[0], condition }, ...triage.transitions.slice(1)] } } };
    const result = validateWorkflow(json);
    const issue = findIssue(result.issues, 'SCHEMA', 'states.triage.transitions[0].condition.all[0].op');
    expect(issue.message).toContain('"equals"');
    expect(result.issues).toHaveLength(1);
  });

  it('explains a condition that matches no form', () => {
    const wf = createBaseWorkflow();
    const triage = wf.states.triage!;
    const condition = { either: [] };
    const json = { ...wf, states: { ...wf.states, triage: { ...triage, transitions: [{ ...triage.transitions[0], condition }, ...triage.transitions.slice(1)] } } };
    const issue = findIssue(validateWorkflow(json).issues, 'SCHEMA', 'states.triage.transitions[0].condition');
    expect(issue.message).toContain('{"either":[]}');
    expect(issue.message).toContain('"all"');
  });

  it('explains a condition value of a wrong kind', () => {
    const wf = createBaseWorkflow();
    const triage = wf.states.triage!;
    const condition = { field: 'category', op: 'eq', value: { text: 'wages' } };
    const json = { ...wf, states: { ...wf.states, triage: { ...triage, transitions: [{ ...triage.transitions[0], condition }, ...triage.transitions.slice(1)] } } };
    const issue = findIssue(validateWorkflow(json).issues, 'SCHEMA', 'states.triage.transitions[0].condition.value');
    expect(issue.message).toContain('{"text":"wages"}');
  });

  it('names the entry effect types when one is unknown', () => {
    const wf = createBaseWorkflow();
    const json = { ...wf, states: { ...wf.states, resolved: { ...wf.states.resolved, onEntry: [{ type: 'email', to: {} }] } } };
    const issue = findIssue(validateWorkflow(json).issues, 'SCHEMA', 'states.resolved.onEntry[0].type');
    expect(issue.message).toContain('"email"');
    expect(issue.message).toContain('"requestFollowUp"');
  });

  it('reports a bad duration in its own words', () => {
    const wf = createBaseWorkflow();
    const json = { ...wf, states: { ...wf.states, mediation: { ...wf.states.mediation, sla: { within: '15 days' } } } };
    expect(findIssue(validateWorkflow(json).issues, 'SCHEMA', 'states.mediation.sla.within').message).toContain('"15 days"');
  });

  it('reports a document that is not an object', () => {
    const result = validateWorkflow('workflow');
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'SCHEMA', path: '', value: 'workflow' })]);
  });
});
