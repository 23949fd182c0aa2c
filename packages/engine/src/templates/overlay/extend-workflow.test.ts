import { describe, expect, it } from 'vitest';
import type { ExtendResult, OverlayConflict } from './overlay-conflict.js';
import { extendWorkflow } from './extend-workflow.js';
import { createTemplate, label, overlayHead } from './template.fixture.js';

function conflictsOf(result: ExtendResult): OverlayConflict[] {
  if (result.ok) throw new Error('Expected conflicts, but the overlay applied.');
  return result.conflicts;
}

function resolved(result: ExtendResult) {
  if (!result.ok) throw new Error(`Expected the overlay to apply; conflicts:\n${result.conflicts.map((c) => `  ${c.code} ${c.path}: ${c.message}`).join('\n')}`);
  return result;
}

describe('extendWorkflow', () => {
  it('adds a state and a transition into it', () => {
    const result = resolved(extendWorkflow(createTemplate(), {
      ...overlayHead(),
      agencies: { chalu_chamber: { title: label('茶路商会', 'Chalu chamber of commerce') } },
      states: {
        chamber_mediation: {
          title: label('商会调解', 'Chamber mediation'),
          roles: ['mediator'],
          sla: { within: '10wd' },
          transitions: {
            settled: { label: label('调解成功', 'Settled'), target: 'resolved' },
            failed: { label: label('调解不成', 'Failed'), target: 'triage' },
          },
        },
        triage: { transitions: { to_chamber: { label: label('商会调解', 'To the chamber'), target: 'chamber_mediation' } } },
      },
    }));
    const { workflow, changes } = result;
    expect(workflow.key).toBe('chalu-grievance');
    expect(workflow.extends).toEqual({ key: 'test-grievance', version: 1 });
    expect(workflow.states.chamber_mediation?.transitions.map((t) => t.event)).toEqual(['settled', 'failed']);
    expect(workflow.states.triage?.transitions.at(-1)).toEqual({ event: 'to_chamber', label: label('商会调解', 'To the chamber'), target: 'chamber_mediation' });
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toEqual([
      'added agencies.chalu_chamber',
      'added states.triage.transitions.to_chamber',
      'added states.chamber_mediation',
    ]);
  });

  it('relabels a state and a transition', () => {
    const { workflow, changes } = resolved(extendWorkflow(createTemplate(), {
      ...overlayHead(),
      states: { triage: { title: label('研判', 'Assessment'), transitions: { refer: { label: label('交办', 'Hand over') } } } },
    }));
    expect(workflow.states.triage?.title.en).toBe('Assessment');
    expect(workflow.states.triage?.transitions[1]).toMatchObject({ event: 'refer', label: { en: 'Hand over' }, target: 'referred', requires: ['agency'] });
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['changed states.triage.title', 'changed states.triage.transitions.refer']);
  });

  it('changes an SLA', () => {
    const { workflow, changes } = resolved(extendWorkflow(createTemplate(), { ...overlayHead(), states: { mediation: { sla: { within: '10wd' } } } }));
    expect(workflow.states.mediation?.sla).toEqual({ within: '10wd' });
    expect(changes).toEqual([{ kind: 'changed', path: 'states.mediation.sla', segments: ['states', 'mediation', 'sla'], before: { within: '15wd' }, after: { within: '10wd' } }]);
  });

  it('removes a transition and the branch nothing else needs', () => {
    const { workflow, changes } = resolved(extendWorkflow(createTemplate(), {
      ...overlayHead(),
      states: { triage: { transitions: { mediate: null } }, mediation: null },
    }));
    expect(workflow.states.mediation).toBeUndefined();
    expect(workflow.states.triage?.transitions.map((t) => t.event)).toEqual(['handle', 'refer']);
    expect(changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['removed states.triage.transitions.mediate', 'removed states.mediation']);
  });

  it('allows a transition into a locked state from another state', () => {
    const result = extendWorkflow(createTemplate(), {
      ...overlayHead(),
      states: { handling: { transitions: { close_now: { label: label('直接办结', 'Resolve now'), target: 'resolved' } } } },
    });
    expect(result.ok).toBe(true);
  });

  it('refuses a change of a locked state', () => {
    const conflicts = conflictsOf(extendWorkflow(createTemplate(), {
      ...overlayHead(),
      states: { resolved: { title: label('办结', 'Done'), transitions: { follow_up: { roles: ['mediator'] } } } },
    }));
    expect(conflicts).toEqual([expect.objectContaining({ code: 'LOCKED_NODE', path: 'states.resolved' })]);
    expect(conflicts[0]?.message).toContain('"resolved"');
  });

  it('refuses the removal of a locked state', () => {
    const conflicts = conflictsOf(extendWorkflow(createTemplate(), { ...overlayHead(), states: { resolved: null } }));
    expect(conflicts.filter((c) => c.code === 'LOCKED_NODE').map((c) => c.path)).toEqual(['states.resolved']);
    expect(conflicts[0]?.message).toContain('remove');
  });

  it('refuses a change and a removal of a locked field', () => {
    const changed = conflictsOf(extendWorkflow(createTemplate(), { ...overlayHead(), fields: { satisfied: { label: label('满意', 'Happy') } } }));
    expect(changed).toEqual([expect.objectContaining({ code: 'LOCKED_NODE', path: 'fields.satisfied' })]);
    const removed = conflictsOf(extendWorkflow(createTemplate(), { ...overlayHead(), fields: { satisfied: null } }));
    expect(removed).toEqual([expect.objectContaining({ code: 'LOCKED_NODE', path: 'fields.satisfied' })]);
  });

  it('refuses an incomplete new state and an incomplete new transition', () => {
    const conflicts = conflictsOf(extendWorkflow(createTemplate(), {
      ...overlayHead(),
      states: {
        chamber_mediation: { roles: ['mediator'], transitions: {} },
        triage: { transitions: { to_chamber: { target: 'chamber_mediation' } } },
      },
    }));
    const incomplete = conflicts.filter((c) => c.code === 'INCOMPLETE_NODE');
    expect(incomplete.map((c) => c.path)).toEqual(['states.chamber_mediation', 'states.triage.transitions.to_chamber']);
    expect(incomplete[0]?.message).toContain('"title"');
    expect(incomplete[1]?.message).toContain('"label"');
  });

  it('refuses an overlay of another template version', () => {
    const conflicts = conflictsOf(extendWorkflow(createTemplate(), { ...overlayHead(), extends: { key: 'test-grievance', version: 2 } }));
    expect(conflicts).toEqual([expect.objectContaining({ code: 'EXTENDS_MISMATCH', path: 'extends' })]);
    expect(conflicts[0]?.message).toContain('v2');
  });

  it('reports the removal of a state the template still needs', () => {
    const conflicts = conflictsOf(extendWorkflow(createTemplate(), { ...overlayHead(), states: { handling: null } }));
    const conflict = conflicts.find((c) => c.code === 'UNKNOWN_TARGET');
    expect(conflict?.path).toBe('workflow.states.triage.transitions[0].target');
    expect(conflict?.segments).toEqual(['workflow', 'states', 'triage', 'transitions', 0, 'target']);
    expect(conflict?.message).toContain('The overlay removes it (states.handling: null)');
  });

  it('reports the removal of a field a transition still requires', () => {
    const conflicts = conflictsOf(extendWorkflow(createTemplate(), { ...overlayHead(), fields: { resolution: null } }));
    expect(conflicts.map((c) => `${c.code} ${c.path}`)).toEqual([
      'REQUIRED_FIELD_UNDEFINED workflow.states.intake.transitions[1].requires[0]',
      'REQUIRED_FIELD_UNDEFINED workflow.states.handling.transitions[0].requires[0]',
    ]);
  });

  it('reports a malformed overlay as shape conflicts', () => {
    const conflicts = conflictsOf(extendWorkflow(createTemplate(), { ...overlayHead(), states: { triage: { sla: { within: 'soon' } } } }));
    expect(conflicts).toEqual([expect.objectContaining({ code: 'SCHEMA', path: 'states.triage.sla.within', value: 'soon' })]);
  });

  it('refuses the removal of something the template does not have', () => {
    const conflicts = conflictsOf(extendWorkflow(createTemplate(), { ...overlayHead(), roles: { chairman: null } }));
    expect(conflicts).toEqual([expect.objectContaining({ code: 'MISSING_NODE', path: 'roles.chairman' })]);
  });
});
