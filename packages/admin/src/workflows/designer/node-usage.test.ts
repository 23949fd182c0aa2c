import { unionGrievance } from '@shuoshi/engine';
import { describe, expect, it } from 'vitest';
import { fieldUsage, freshId, stateUsage, transitionUsage } from './node-usage.js';

describe('what still needs a node', () => {
  it('keeps the initial state and a targeted state from deletion, naming who needs them', () => {
    expect(stateUsage(unionGrievance, 'intake')).toContainEqual({ key: 'initial', values: { state: 'intake' } });
    expect(stateUsage(unionGrievance, 'mediation')).toContainEqual({ key: 'targeted_by', values: { state: 'triage', event: 'route_to_mediation' } });
    expect(stateUsage({ ...unionGrievance, states: { ...unionGrievance.states, spare: { title: { zh: '备用', en: 'Spare' }, transitions: [] } } }, 'spare')).toEqual([]);
  });

  it('lists the transitions that require a field', () => {
    expect(fieldUsage(unionGrievance, 'category')).toContainEqual({ key: 'required_by', values: { state: 'triage', event: 'handle_directly' } });
  });

  it("keeps a referral's reply event", () => {
    const reply = unionGrievance.states['escalation']?.referral?.replyEvent ?? '';
    expect(transitionUsage(unionGrievance, 'escalation', reply)).toEqual([{ key: 'referral_of', values: { state: 'escalation' } }]);
  });

  it('finds a free id', () => {
    expect(freshId('new_state', ['new_state', 'new_state_2'])).toBe('new_state_3');
    expect(freshId('chamber', [])).toBe('chamber');
  });
});
