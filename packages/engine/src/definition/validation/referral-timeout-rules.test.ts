import { describe, expect, it } from 'vitest';
import { createBaseWorkflow, findIssue, stateOf } from './base-workflow.fixture.js';
import { validateWorkflow } from './validate-workflow.js';

const REFERRAL = 'states.referred.referral';

describe('referral and timeout rules', () => {
  it('rejects a referral with both agency and agencyField', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'referred').referral!.agency = 'court';
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_REFERRAL', REFERRAL);
    expect(issue.message).toContain('"court"');
    expect(issue.message).toContain('"agency"');
  });

  it('rejects a referral with neither agency nor agencyField', () => {
    const wf = createBaseWorkflow();
    delete stateOf(wf, 'referred').referral!.agencyField;
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_REFERRAL', REFERRAL);
    expect(issue.message).toContain('"referred"');
  });

  it('rejects a reply event that is not a transition of the state', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'referred').referral!.replyEvent = 'answered';
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_REFERRAL', `${REFERRAL}.replyEvent`);
    expect(issue.message).toContain('"answered"');
  });

  it('rejects a return event that is not a transition of the state', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'referred').referral!.returnEvent = 'send_back';
    expect(findIssue(validateWorkflow(wf).issues, 'BAD_REFERRAL', `${REFERRAL}.returnEvent`).message).toContain('"send_back"');
  });

  it('rejects an agency field whose options are not agencies', () => {
    const wf = createBaseWorkflow();
    wf.fields.agency!.options!.push({ value: 'village_head', label: { zh: '村长', en: 'Village head' } });
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_REFERRAL', `${REFERRAL}.agencyField`);
    expect(issue.message).toContain('"village_head"');
  });

  it('rejects an agency field that is not a select', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'referred').referral!.agencyField = 'resolution';
    expect(findIssue(validateWorkflow(wf).issues, 'BAD_REFERRAL', `${REFERRAL}.agencyField`).message).toContain('"longtext"');
  });

  it('rejects an agency field that is not defined', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'referred').referral!.agencyField = 'agencies_chosen';
    expect(findIssue(validateWorkflow(wf).issues, 'UNKNOWN_FIELD', `${REFERRAL}.agencyField`).message).toContain('"agencies_chosen"');
  });

  it('rejects an unknown agency', () => {
    const wf = createBaseWorkflow();
    const referral = stateOf(wf, 'referred').referral!;
    delete referral.agencyField;
    referral.agency = 'cour';
    const issue = findIssue(validateWorkflow(wf).issues, 'UNKNOWN_AGENCY', `${REFERRAL}.agency`);
    expect(issue.message).toContain('"cour"');
    expect(issue.message).toContain('Did you mean "court"?');
  });

  it('knows the built-in agencies and those the host declares', () => {
    const wf = createBaseWorkflow();
    const referral = stateOf(wf, 'referred').referral!;
    delete referral.agencyField;
    referral.agency = 'petition_bureau';
    expect(validateWorkflow(wf).ok).toBe(true);
    referral.agency = 'township_office';
    expect(validateWorkflow(wf, { agencies: ['township_office'] }).ok).toBe(true);
  });

  it('rejects a timeout event that is not a transition of the state', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'mediation').onTimeout = { event: 'hand_to_arbitration' };
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_TIMEOUT', 'states.mediation.onTimeout.event');
    expect(issue.message).toContain('"hand_to_arbitration"');
  });

  it('rejects a timeout with neither a duration nor an SLA', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'handling').onTimeout = { event: 'resolve' };
    const issue = findIssue(validateWorkflow(wf).issues, 'BAD_TIMEOUT', 'states.handling.onTimeout');
    expect(issue.message).toContain('"resolve"');
  });

  it('warns when the timeout event needs data', () => {
    const wf = createBaseWorkflow();
    stateOf(wf, 'handling').onTimeout = { event: 'resolve', after: '5wd' };
    const result = validateWorkflow(wf);
    expect(result.ok).toBe(true);
    const issue = findIssue(result.issues, 'BAD_TIMEOUT', 'states.handling.transitions[0]');
    expect(issue.severity).toBe('warning');
    expect(issue.message).toContain('"resolution"');
  });
});
