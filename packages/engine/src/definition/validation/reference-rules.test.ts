import { describe, expect, it } from 'vitest';
import { createBaseWorkflow, findIssue, stateOf } from './base-workflow.fixture.js';
import { validateWorkflow } from './validate-workflow.js';

describe('reference rules', () => {
  it('rejects an unknown role on a state', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'triage').roles = ['medator'];
    const issue = findIssue(validateWorkflow(wf).issues, 'UNKNOWN_ROLE', 'states.triage.roles[0]');
    expect(issue.message).toContain('"medator"');
    expect(issue.message).toContain('Did you mean "mediator"?');
  });

  it('rejects an unknown role among notification recipients', () => {
    const wf = createBaseWorkflow();
    wf.warningRules!.many_workers!.notify = { roles: ['chairman'] };
    const issue = findIssue(validateWorkflow(wf).issues, 'UNKNOWN_ROLE', 'warningRules.many_workers.notify.roles[0]');
    expect(issue.message).toContain('"chairman"');
  });

  it('knows roles the host declares', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'triage').roles = ['chairman'];
    expect(validateWorkflow(wf, { roles: ['chairman'] }).ok).toBe(true);
  });

  it('rejects an unknown action', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'resolved').onEntry = [{ type: 'action', name: 'print_letter' }];
    const issue = findIssue(validateWorkflow(wf).issues, 'UNKNOWN_ACTION', 'states.resolved.onEntry[0].name');
    expect(issue.message).toContain('"print_letter"');
    expect(validateWorkflow(wf, { actions: ['print_letter'] }).ok).toBe(true);
  });

  it('rejects an unknown calendar', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'mediation').sla = { within: '15wd', calendar: 'hong-kong' };
    const issue = findIssue(validateWorkflow(wf).issues, 'UNKNOWN_CALENDAR', 'states.mediation.sla.calendar');
    expect(issue.message).toContain('"hong-kong"');
    expect(validateWorkflow(wf, { calendars: ['cn-mainland', 'hong-kong'] }).ok).toBe(true);
  });

  it('rejects a required field that is not defined', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'handling').transitions[0]!.requires = ['resolutoin'];
    const issue = findIssue(validateWorkflow(wf).issues, 'REQUIRED_FIELD_UNDEFINED', 'states.handling.transitions[0].requires[0]');
    expect(issue.message).toContain('"resolutoin"');
    expect(issue.message).toContain('Did you mean "resolution"?');
  });

  it('rejects clearing a field that is not defined', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'handling').transitions[0]!.clear = ['satisfactoin'];
    const issue = findIssue(validateWorkflow(wf).issues, 'UNKNOWN_FIELD', 'states.handling.transitions[0].clear[0]');
    expect(issue.message).toContain('"satisfactoin"');
  });

  it('rejects separation of duties naming an unknown event', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'mediation').transitions[0]!.separation = { notActorOf: ['approve'] };
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_SEPARATION', 'states.mediation.transitions[0].separation.notActorOf[0]');
    expect(issue.message).toContain('"approve"');
  });
});
