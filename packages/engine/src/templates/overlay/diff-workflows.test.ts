import { describe, expect, it } from 'vitest';
import { diffWorkflows } from './diff-workflows.js';
import { createTemplate, label } from './template.fixture.js';

describe('diffWorkflows', () => {
  it('lists added, changed and removed nodes', () => {
    const a = createTemplate();
    const b = createTemplate();
    b.title = label('新标题', 'New title');
    b.fields.hotline = { type: 'phone', label: label('热线', 'Hotline') };
    delete b.fields.shifts;
    delete b.warningRules!.night_shift;
    b.states.mediation!.sla = { within: '10wd' };
    delete b.states.mediation!.onTimeout;
    b.states.mediation!.tags = ['mediation'];
    b.states.triage!.transitions = b.states.triage!.transitions.filter((t) => t.event !== 'mediate');
    b.states.triage!.transitions[0]!.label = label('办理', 'Handle');
    b.states.extra = { title: label('额外', 'Extra'), final: true, transitions: [] };
    delete b.states.handling;
    expect(diffWorkflows(a, b).map((c) => `${c.kind} ${c.path}`)).toEqual([
      'changed title',
      'removed fields.shifts',
      'added fields.hotline',
      'changed states.triage.transitions.handle',
      'removed states.triage.transitions.mediate',
      'changed states.mediation.sla',
      'removed states.mediation.onTimeout',
      'added states.mediation.tags',
      'removed states.handling',
      'added states.extra',
      'removed warningRules.night_shift',
    ]);
  });

  it('finds nothing between equal workflows', () => {
    expect(diffWorkflows(createTemplate(), createTemplate())).toEqual([]);
  });
});
