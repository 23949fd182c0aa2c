import { describe, expect, it } from 'vitest';
import { createBaseWorkflow, findIssue, stateOf } from './base-workflow.fixture.js';
import { validateWorkflow } from './validate-workflow.js';

describe('duration rules', () => {
  it('rejects a ladder share without an SLA', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'handling').warnings = [{ at: '80%', level: 'yellow' }];
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_DURATION', 'states.handling.warnings[0].at');
    expect(issue.message).toContain('"80%"');
  });

  it('rejects ladder steps that do not rise in time', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'mediation').warnings = [
      { at: '10wd', level: 'yellow' },
      { at: '50%', level: 'red' },
    ];
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_DURATION', 'states.mediation.warnings[1].at');
    expect(issue.message).toContain('"50%"');
    expect(issue.message).toContain('"10wd"');
  });

  it('rejects a ladder whose colour falls', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'intake').warnings = [
      { at: '50%', level: 'red' },
      { at: '100%', level: 'yellow' },
    ];
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_DURATION', 'states.intake.warnings[1].level');
    expect(issue.message).toContain('"yellow"');
  });

  it('warns about a clock pause in a state without an SLA', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'handling').transitions.push({ event: 'wait', label: { zh: '等待', en: 'Wait' }, clock: 'pause' });
    const result = validateWorkflow(wf);
    expect(result.ok).toBe(true);
    const issue = findIssue(result.issues, 'BAD_DURATION', 'states.handling.transitions[1].clock');
    expect(issue.severity).toBe('warning');
    expect(issue.message).toContain('"pause"');
  });
});
