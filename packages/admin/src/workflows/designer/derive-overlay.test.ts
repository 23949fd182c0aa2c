import { applyOverlay, overlaySchema, unionGrievance, validateOverlay, type Workflow } from '@shuoshi/engine';
import { describe, expect, it } from 'vitest';
import { deriveOverlay } from './derive-overlay.js';

const REF = { key: 'chalu-grievance', version: 1, extends: { key: unionGrievance.key, version: unionGrievance.version } };

function withChamberMediation(template: Workflow): Workflow {
  const triage = template.states['triage'];
  if (!triage) throw new Error('the template has no triage');
  return {
    ...template,
    fields: { ...template.fields, chamber_case_no: { type: 'text', label: { zh: '商会受理编号', en: 'Chamber case number' } } },
    states: {
      ...template.states,
      triage: { ...triage, sla: { within: '3wd' }, transitions: [...triage.transitions, { event: 'to_chamber', label: { zh: '转商会调解', en: 'To chamber mediation' }, target: 'chamber_mediation', requires: ['chamber_case_no'] }] },
      chamber_mediation: { title: { zh: '商会调解', en: 'Chamber mediation' }, roles: ['mediator'], sla: { within: '5wd' }, transitions: [{ event: 'settle', label: { zh: '调解成功', en: 'Settled' }, target: 'resolved' }] },
    },
  };
}

describe('deriveOverlay', () => {
  it('writes nothing for an unchanged template', () => {
    expect(deriveOverlay(unionGrievance, structuredClone(unionGrievance))).toEqual({ overlay: {}, dropped: [] });
  });

  it('writes only the changes, and the overlay resolves back to the edited workflow', () => {
    const edited = withChamberMediation(unionGrievance);
    const { overlay, dropped } = deriveOverlay(unionGrievance, edited);
    expect(dropped).toEqual([]);
    expect(Object.keys(overlay).sort()).toEqual(['fields', 'states']);
    expect(overlay['states']).toMatchObject({ triage: { sla: { within: '3wd' }, transitions: { to_chamber: { target: 'chamber_mediation' } } }, chamber_mediation: { transitions: { settle: { target: 'resolved' } } } });
    const parsed = overlaySchema.parse({ ...REF, ...overlay });
    const applied = applyOverlay(unionGrievance, parsed);
    expect(applied.conflicts).toEqual([]);
    const { key: _k, version: _v, extends: _e, ...resolved } = applied.workflow;
    const { key: _k2, version: _v2, extends: _e2, ...expected } = edited;
    expect(resolved).toEqual(expected);
    expect(validateOverlay({ ...REF, ...overlay }, unionGrievance).ok).toBe(true);
  });

  it('removes states and transitions with null', () => {
    const { counselling: _gone, ...states } = unionGrievance.states;
    const triage = states['triage'];
    if (!triage) throw new Error('no triage');
    const edited: Workflow = { ...unionGrievance, states: { ...states, triage: { ...triage, transitions: triage.transitions.filter((t) => t.target !== 'counselling') } } };
    const { overlay } = deriveOverlay(unionGrievance, edited);
    const removedEvents = Object.entries((overlay['states'] as Record<string, { transitions?: Record<string, unknown> } | null>)['triage']?.transitions ?? {}).filter(([, v]) => v === null);
    expect((overlay['states'] as Record<string, unknown>)['counselling']).toBeNull();
    expect(removedEvents.length).toBeGreaterThan(0);
  });

  it('reports a key dropped from a template entry, which an overlay cannot express', () => {
    const triage = unionGrievance.states['triage'];
    if (!triage?.sla) throw new Error('triage has no SLA');
    const { sla: _sla, ...withoutSla } = triage;
    const { dropped } = deriveOverlay(unionGrievance, { ...unionGrievance, states: { ...unionGrievance.states, triage: withoutSla } });
    expect(dropped).toEqual(['states.triage.sla']);
  });
});
