import { unionGrievance } from '@shuoshi/engine';
import { describe, expect, it } from 'vitest';
import { issueTarget, pathSegments } from './issue-target.js';

describe('issueTarget', () => {
  it('points a resolved-workflow path at the transition by its index', () => {
    const event = unionGrievance.states['triage']?.transitions[1]?.event;
    expect(issueTarget(pathSegments('workflow.states.triage.transitions[1].target'), unionGrievance)).toEqual({ kind: 'transition', state: 'triage', event });
  });

  it('points an overlay path at the transition by its event name', () => {
    expect(issueTarget(['states', 'triage', 'transitions', 'escalate'], unionGrievance)).toEqual({ kind: 'transition', state: 'triage', event: 'escalate' });
  });

  it('points at a state, a field, or the workflow as a whole', () => {
    expect(issueTarget(pathSegments('workflow.states.triage.roles[0]'), unionGrievance)).toEqual({ kind: 'state', state: 'triage' });
    expect(issueTarget(pathSegments('fields.category.options'), unionGrievance)).toEqual({ kind: 'field', field: 'category' });
    expect(issueTarget(pathSegments('initial'), unionGrievance)).toEqual({ kind: 'workflow' });
    expect(issueTarget(pathSegments('states.nowhere'), unionGrievance)).toEqual({ kind: 'workflow' });
  });
});
