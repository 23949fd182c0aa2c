import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../definition/workflow.js';
import type { OverlayConflict, RebaseResult } from './overlay-conflict.js';
import { rebaseOverlay } from './rebase-overlay.js';
import { createTemplate, label, overlayHead } from './template.fixture.js';

function nextVersion(change: (template: Workflow) => void): Workflow {
  const template = createTemplate();
  template.version = 2;
  change(template);
  return template;
}

function conflictsOf(result: RebaseResult): OverlayConflict[] {
  if (result.ok) throw new Error('Expected conflicts, but the rebase succeeded.');
  return result.conflicts;
}

describe('rebaseOverlay', () => {
  it('lets a template change the overlay did not touch flow through', () => {
    const v2 = nextVersion((t) => {
      t.states.intake!.sla = { within: '2wd' };
      t.fields.hotline = { type: 'phone', label: label('热线', 'Hotline') };
    });
    const overlay = { ...overlayHead(), states: { mediation: { sla: { within: '10wd' } } } };
    const result = rebaseOverlay(createTemplate(), v2, overlay);
    if (!result.ok) throw new Error(result.conflicts.map((c) => c.message).join('\n'));
    expect(result.overlay.extends).toEqual({ key: 'test-grievance', version: 2 });
    expect(result.overlay.states).toEqual(overlay.states);
    expect(result.workflow.extends).toEqual({ key: 'test-grievance', version: 2 });
    expect(result.workflow.states.intake?.sla).toEqual({ within: '2wd' });
    expect(result.workflow.states.mediation?.sla).toEqual({ within: '10wd' });
    expect(result.workflow.fields.hotline?.type).toBe('phone');
  });

  it('reports a property both sides changed with the three values', () => {
    const v2 = nextVersion((t) => {
      t.states.mediation!.sla = { within: '12wd' };
    });
    const conflicts = conflictsOf(rebaseOverlay(createTemplate(), v2, { ...overlayHead(), states: { mediation: { sla: { within: '10wd' } } } }));
    expect(conflicts).toEqual([
      expect.objectContaining({
        code: 'BOTH_CHANGED',
        path: 'states.mediation.sla',
        base: { within: '15wd' },
        template: { within: '12wd' },
        overlay: { within: '10wd' },
      }),
    ]);
    expect(conflicts[0]?.message).toContain('{"within":"12wd"}');
  });

  it('reports a transition property both sides changed', () => {
    const v2 = nextVersion((t) => {
      t.states.triage!.transitions[1]!.label = label('移交', 'Transfer');
    });
    const overlay = { ...overlayHead(), states: { triage: { transitions: { refer: { label: label('交办', 'Hand over') } } } } };
    const conflicts = conflictsOf(rebaseOverlay(createTemplate(), v2, overlay));
    expect(conflicts.map((c) => `${c.code} ${c.path}`)).toEqual(['BOTH_CHANGED states.triage.transitions.refer.label']);
  });

  it('accepts a change both sides made alike', () => {
    const v2 = nextVersion((t) => {
      t.states.mediation!.sla = { within: '10wd' };
    });
    expect(rebaseOverlay(createTemplate(), v2, { ...overlayHead(), states: { mediation: { sla: { within: '10wd' } } } }).ok).toBe(true);
  });

  it('reports a state the template removed that the overlay patches', () => {
    const v2 = nextVersion((t) => {
      delete t.states.handling;
      t.states.triage!.transitions = t.states.triage!.transitions.filter((x) => x.event !== 'handle');
    });
    const overlay = { ...overlayHead(), states: { handling: { title: label('直接办理', 'Direct handling') } } };
    const conflicts = conflictsOf(rebaseOverlay(createTemplate(), v2, overlay));
    expect(conflicts).toEqual([
      expect.objectContaining({ code: 'REMOVED_IN_TEMPLATE', path: 'states.handling', template: undefined, overlay: overlay.states.handling }),
    ]);
    expect(conflicts[0]?.message).toContain('v2');
  });

  it('drops a removal the template made as well', () => {
    const v2 = nextVersion((t) => {
      delete t.states.mediation;
      t.states.triage!.transitions = t.states.triage!.transitions.filter((x) => x.event !== 'mediate');
    });
    const overlay = { ...overlayHead(), states: { triage: { transitions: { mediate: null } }, mediation: null } };
    const result = rebaseOverlay(createTemplate(), v2, overlay);
    if (!result.ok) throw new Error(result.conflicts.map((c) => c.message).join('\n'));
    expect(result.overlay.states).toEqual({ triage: { transitions: {} } });
  });

  it('reports a node the template newly locks', () => {
    const v2 = nextVersion((t) => {
      t.states.mediation!.locked = true;
    });
    const overlay = { ...overlayHead(), states: { mediation: { sla: { within: '10wd' } } } };
    const conflicts = conflictsOf(rebaseOverlay(createTemplate(), v2, overlay));
    expect(conflicts).toEqual([expect.objectContaining({ code: 'LOCKED_NODE', path: 'states.mediation', overlay: overlay.states.mediation })]);
    expect(conflicts[0]?.message).toContain('locks');
  });

  it('reports a node both sides added', () => {
    const v2 = nextVersion((t) => {
      t.fields.hotline = { type: 'phone', label: label('热线', 'Hotline') };
    });
    const overlay = { ...overlayHead(), fields: { hotline: { type: 'text', label: label('电话', 'Phone') } } };
    expect(conflictsOf(rebaseOverlay(createTemplate(), v2, overlay)).map((c) => `${c.code} ${c.path}`)).toEqual(['BOTH_ADDED fields.hotline']);
  });

  it('reports what applying the rebased overlay breaks', () => {
    const v2 = nextVersion((t) => {
      t.states.handling!.transitions[0]!.requires = ['resolution', 'incident_date'];
    });
    const overlay = { ...overlayHead(), fields: { incident_date: null }, warningRules: { old_incident: null } };
    expect(rebaseOverlay(createTemplate(), createTemplate(), { ...overlay }).ok).toBe(true);
    const conflicts = conflictsOf(rebaseOverlay(createTemplate(), v2, overlay));
    expect(conflicts.map((c) => `${c.code} ${c.path}`)).toEqual(['REQUIRED_FIELD_UNDEFINED workflow.states.handling.transitions[0].requires[1]']);
    expect(conflicts[0]?.message).toContain('The overlay removes it (fields.incident_date: null)');
  });
});
