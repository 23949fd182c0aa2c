import { unionGrievance, type Workflow } from '@shuoshi/engine';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/http-error.js';
import { rebaseOverlayDraft } from './resolve-overlay-draft.js';

const v1 = unionGrievance;

function v2(change: (template: Workflow) => void): Workflow {
  const next = structuredClone(unionGrievance);
  next.version = 2;
  change(next);
  return next;
}

const head = { key: 'huchen-quick', version: 1, extends: { key: 'union-grievance', version: 1 } };

function refusal(run: () => unknown): HttpError {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('Expected a refusal, but the rebase succeeded.');
}

describe('rebaseOverlayDraft with resolutions', () => {
  const slower = v2((t) => {
    t.states['triage']!.sla = { within: '2wd' };
  });
  const overlay = { ...head, states: { triage: { sla: { within: '3wd' } } } };

  it('still refuses a both-changed property without a resolution', () => {
    const error = refusal(() => rebaseOverlayDraft(v1, slower, overlay, {}));
    expect([error.status, error.code]).toEqual([422, 'BOTH_CHANGED']);
  });

  it("keeps the overlay's value when the user keeps theirs", () => {
    const result = rebaseOverlayDraft(v1, slower, overlay, {}, { 'states.triage.sla': 'mine' });
    expect(result.workflow.states['triage']?.sla).toEqual({ within: '3wd' });
    expect(result.overlay.extends).toEqual({ key: 'union-grievance', version: 2 });
    expect(result.overlay.states?.['triage']?.sla).toEqual({ within: '3wd' });
  });

  it("takes the template's value and drops the overlay's when the user takes the template's", () => {
    const result = rebaseOverlayDraft(v1, slower, overlay, {}, { 'states.triage.sla': 'template' });
    expect(result.workflow.states['triage']?.sla).toEqual({ within: '2wd' });
    expect(result.overlay.states?.['triage']?.sla).toBeUndefined();
  });

  it('settles a transition label both sides changed', () => {
    const relabelled = v2((t) => {
      const accept = t.states['intake']!.transitions.find((tr) => tr.event === 'accept')!;
      accept.label = { zh: '受理登记', en: 'Register' };
    });
    const mine = { ...head, states: { intake: { transitions: { accept: { label: { zh: '接收', en: 'Take in' } } } } } };
    expect(refusal(() => rebaseOverlayDraft(v1, relabelled, mine, {})).code).toBe('BOTH_CHANGED');
    const kept = rebaseOverlayDraft(v1, relabelled, mine, {}, { 'states.intake.transitions.accept.label': 'mine' });
    expect(kept.workflow.states['intake']?.transitions.find((t) => t.event === 'accept')?.label.zh).toBe('接收');
    const taken = rebaseOverlayDraft(v1, relabelled, mine, {}, { 'states.intake.transitions.accept.label': 'template' });
    expect(taken.workflow.states['intake']?.transitions.find((t) => t.event === 'accept')?.label.zh).toBe('受理登记');
  });

  it('lets a newly locked node only be given up', () => {
    const locking = v2((t) => {
      t.states['reopened']!.locked = true;
    });
    const mine = { ...head, states: { reopened: { sla: { within: '2wd' } } } };
    expect(refusal(() => rebaseOverlayDraft(v1, locking, mine, {})).code).toBe('LOCKED_NODE');
    expect(refusal(() => rebaseOverlayDraft(v1, locking, mine, {}, { 'states.reopened': 'mine' })).code).toBe('LOCKED_NODE');
    const given = rebaseOverlayDraft(v1, locking, mine, {}, { 'states.reopened': 'template' });
    expect(given.workflow.states['reopened']?.sla).toEqual({ within: '1wd' });
  });

  it('refuses a resolution that names no conflict, listing the conflicts', () => {
    const error = refusal(() => rebaseOverlayDraft(v1, slower, overlay, {}, { 'states.mediation.sla': 'mine' }));
    expect([error.status, error.code]).toEqual([422, 'UNKNOWN_RESOLUTION']);
    expect(error.message).toContain('states.triage.sla');
  });
});
