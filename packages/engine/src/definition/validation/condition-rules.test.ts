import { describe, expect, it } from 'vitest';
import { createBaseWorkflow, findIssue, stateOf } from './base-workflow.fixture.js';
import { validateWorkflow } from './validate-workflow.js';

const CONDITION = 'states.triage.transitions[0].condition';

describe('condition rules', () => {
  it('rejects a condition on an unknown field', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'triage').transitions[0]!.condition = { field: 'categroy', op: 'eq', value: 'wages' };
    const issue = findIssue(validateWorkflow(wf).issues, 'UNKNOWN_FIELD', `${CONDITION}.field`);
    expect(issue.message).toContain('"categroy"');
    expect(issue.message).toContain('Did you mean "category"?');
  });

  it('rejects a warning rule on an unknown field', () => {
    const wf = createBaseWorkflow();
    wf.warningRules!.many_workers!.when = { field: 'headcount', op: 'gte', value: 10 };
    const issue = findIssue(validateWorkflow(wf).issues, 'UNKNOWN_FIELD', 'warningRules.many_workers.when.field');
    expect(issue.message).toContain('"headcount"');
  });

  it('rejects an operator that does not fit the field type', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'triage').transitions[0]!.condition = { field: 'category', op: 'gt', value: 'wages' };
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_CONDITION', `${CONDITION}.op`);
    expect(issue.message).toContain('"gt"');
    expect(issue.message).toContain('"select"');
  });

  it('rejects a value of the wrong type', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'triage').transitions[0]!.condition = { any: [{ field: 'workers_affected', op: 'gte', value: 'ten' }] };
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_CONDITION', `${CONDITION}.any[0].value`);
    expect(issue.message).toContain('"ten"');
    expect(issue.message).toContain('a number');
  });

  it('rejects a value that is not among the select options', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'triage').transitions[0]!.condition = { field: 'category', op: 'in', value: ['wages', 'wagez'] };
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_CONDITION', `${CONDITION}.value[1]`);
    expect(issue.message).toContain('"wagez"');
    expect(issue.message).toContain('Did you mean "wages"?');
  });

  it('rejects in without a list', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'triage').transitions[0]!.condition = { field: 'category', op: 'in', value: 'wages' };
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_CONDITION', `${CONDITION}.value`);
    expect(issue.message).toContain('"wages"');
    expect(issue.message).toContain('needs a list');
  });

  it('rejects exists with a value', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'triage').transitions[0]!.condition = { not: { field: 'resolution', op: 'exists', value: true } };
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_CONDITION', `${CONDITION}.not.value`);
    expect(issue.message).toContain('true');
    expect(issue.message).toContain('remove "value"');
  });

  it('rejects a date compared with something that is not a date', () => {
    const wf = createBaseWorkflow();
    wf.warningRules!.old_incident!.when = { field: 'incident_date', op: 'lt', value: '2025/01/01' };
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_CONDITION', 'warningRules.old_incident.when.value');
    expect(issue.message).toContain('"2025/01/01"');
  });

  it('rejects a comparison without a value', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'triage').transitions[0]!.condition = { field: 'satisfied', op: 'eq' };
    expect(findIssue(validateWorkflow(wf).issues, 'BAD_CONDITION', `${CONDITION}.value`).message).toContain('"satisfied"');
  });
});
