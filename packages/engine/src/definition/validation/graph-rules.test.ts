import { describe, expect, it } from 'vitest';
import { createBaseWorkflow, findIssue, stateOf } from './base-workflow.fixture.js';
import { generateLargeWorkflow } from './large-workflow.fixture.js';
import { validateWorkflow } from './validate-workflow.js';

describe('graph rules', () => {
  it('rejects an unknown target', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'triage').transitions[2]!.target = 'mediaton';
    const result = validateWorkflow(wf);
    expect(result.ok).toBe(false);
    const issue = findIssue(result.issues, 'UNKNOWN_TARGET', 'states.triage.transitions[2].target');
    expect(issue.message).toContain('"mediaton"');
    expect(issue.message).toContain('Did you mean "mediation"?');
    expect(issue.segments).toEqual(['states', 'triage', 'transitions', 2, 'target']);
  });

  it('rejects an unknown initial state', () => {
    const wf = createBaseWorkflow();
    wf.initial = 'start';
    const issue = findIssue(validateWorkflow(wf).issues, 'UNKNOWN_INITIAL', 'initial');
    expect(issue.message).toContain('"start"');
  });

  it('rejects a state nothing leads to', () => {
    const wf = createBaseWorkflow();
    wf.states.orphan = { title: { zh: '孤立', en: 'Orphan' }, transitions: [{ event: 'close', label: { zh: '归档', en: 'Close' }, target: 'closed' }] };
    const result = validateWorkflow(wf);
    const issue = findIssue(result.issues, 'UNREACHABLE_STATE', 'states.orphan');
    expect(issue.message).toContain('"orphan"');
    expect(result.issues).toHaveLength(1);
  });

  it('rejects a loop with no way to a final state', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'handling').transitions[0]!.target = 'spin';
    wf.states.spin = { title: { zh: '空转', en: 'Spin' }, transitions: [{ event: 'again', label: { zh: '再来', en: 'Again' }, target: 'handling' }] };
    const result = validateWorkflow(wf);
    expect(findIssue(result.issues, 'NO_PATH_TO_FINAL', 'states.spin').message).toContain('"spin"');
    expect(findIssue(result.issues, 'NO_PATH_TO_FINAL', 'states.handling').message).toContain('"handling"');
  });

  it('rejects a non-final state without transitions', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'handling').transitions = [];
    const result = validateWorkflow(wf);
    const issue = findIssue(result.issues, 'DEAD_END', 'states.handling.transitions');
    expect(issue.message).toContain('"handling"');
    expect(result.issues.filter((i) => i.code === 'NO_PATH_TO_FINAL')).toEqual([]);
  });

  it('rejects a final state with transitions', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'closed').transitions = [{ event: 'reopen_closed', label: { zh: '重开', en: 'Reopen' }, target: 'triage' }];
    const issue = findIssue(validateWorkflow(wf).issues, 'FINAL_WITH_TRANSITIONS', 'states.closed.transitions');
    expect(issue.message).toContain('"reopen_closed"');
  });

  it('rejects a workflow without a final state', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'closed').final = false;
    stateOf(wf, 'closed').transitions = [{ event: 'reopen_closed', label: { zh: '重开', en: 'Reopen' }, target: 'triage' }];
    const result = validateWorkflow(wf);
    const issue = findIssue(result.issues, 'NO_FINAL_STATE', 'states');
    expect(issue.message).toContain('"closed"');
    expect(result.issues.filter((i) => i.code === 'NO_PATH_TO_FINAL')).toEqual([]);
  });

  it('rejects the same event twice in one state', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'triage').transitions.push({ event: 'refer', label: { zh: '再转办', en: 'Refer again' }, target: 'referred' });
    const issue = findIssue(validateWorkflow(wf).issues, 'DUPLICATE_EVENT', 'states.triage.transitions[3].event');
    expect(issue.message).toContain('"refer"');
  });

  it('accepts a generated 200-state workflow', () => {
    const wf = generateLargeWorkflow(200);
    expect(Object.keys(wf.states)).toHaveLength(200);
    const result = validateWorkflow(wf);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
