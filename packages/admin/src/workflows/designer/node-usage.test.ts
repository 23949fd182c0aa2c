import { unionGrievance, type Workflow } from '@shuoshi/engine';
import { describe, expect, it } from 'vitest';
import { entryUsage, fieldUsage, freshId, stateUsage, titledUsages, transitionUsage } from './node-usage.js';

// Two escalations: one to a fixed agency, one to the agency a select field picks.
const NIGHT_BUS: Workflow = {
  key: 'night-bus',
  version: 1,
  title: { zh: '夜班公交', en: 'Night bus' },
  initial: 'escalation',
  roles: { liaison_officer: { title: { zh: '联络员', en: 'Liaison officer' } } },
  agencies: { liaison: { title: { zh: '人大联络站', en: 'Liaison station' } }, bus_company: { title: { zh: '公交公司', en: 'Bus company' } } },
  actions: { send_sms: { title: { zh: '发短信', en: 'Send an SMS' } } },
  fields: { body: { type: 'select', label: { zh: '答复单位', en: 'Body' }, options: [{ value: 'bus_company', label: { zh: '县公交公司', en: 'County bus company' } }] } },
  warningRules: { night: { title: { zh: '夜班诉求', en: 'Night shift' }, when: { field: 'body', op: 'exists' }, level: 'yellow', notify: { roles: ['liaison_officer'] } } },
  states: {
    escalation: {
      title: { zh: '转办联动', en: 'Escalation' },
      roles: ['liaison_officer'],
      referral: { agency: 'liaison', replyWithin: '10wd', replyEvent: 'reply' },
      onEntry: [{ type: 'action', name: 'send_sms' }],
      transitions: [{ event: 'reply', label: { zh: '收到答复', en: 'Reply' }, target: 'second', roles: ['liaison_officer'] }],
    },
    second: {
      title: { zh: '再次转办', en: 'Second referral' },
      referral: { agencyField: 'body', replyWithin: '10wd', replyEvent: 'reply' },
      transitions: [{ event: 'reply', label: { zh: '收到答复', en: 'Reply' }, target: 'closed' }],
    },
    closed: { title: { zh: '已归档', en: 'Closed' }, final: true, transitions: [] },
  },
};
const zh = (text: { zh: string } | undefined) => text?.zh ?? '';

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

  it('lists what names a role, an agency or an action, by id', () => {
    expect(entryUsage(NIGHT_BUS, 'roles', 'liaison_officer')).toEqual([
      { key: 'state_roles', values: { state: 'escalation' } },
      { key: 'transition_roles', values: { state: 'escalation', event: 'reply' } },
      { key: 'rule_notify', values: { rule: 'night' } },
    ]);
    expect(entryUsage(NIGHT_BUS, 'agencies', 'liaison')).toEqual([{ key: 'referral_agency', values: { state: 'escalation' } }]);
    expect(entryUsage(NIGHT_BUS, 'agencies', 'bus_company')).toEqual([{ key: 'field_option', values: { field: 'body', option: 'bus_company', state: 'second' } }]);
    expect(entryUsage(NIGHT_BUS, 'actions', 'send_sms')).toEqual([{ key: 'entry_action', values: { state: 'escalation' } }]);
    expect(entryUsage(NIGHT_BUS, 'actions', 'unused')).toEqual([]);
  });

  it('puts the titles of states, events, rules, fields and options in place of their ids', () => {
    expect(titledUsages(NIGHT_BUS, entryUsage(NIGHT_BUS, 'roles', 'liaison_officer'), zh).map((u) => u.values)).toEqual([{ state: '转办联动' }, { state: '转办联动', event: '收到答复' }, { rule: '夜班诉求' }]);
    expect(titledUsages(NIGHT_BUS, entryUsage(NIGHT_BUS, 'agencies', 'bus_company'), zh)[0]?.values).toEqual({ field: '答复单位', option: '县公交公司', state: '再次转办' });
    expect(titledUsages(NIGHT_BUS, fieldUsage(NIGHT_BUS, 'body'), zh).map((u) => u.values)).toEqual([{ state: '再次转办' }, { rule: '夜班诉求' }]);
  });

  it('finds a free id', () => {
    expect(freshId('new_state', ['new_state', 'new_state_2'])).toBe('new_state_3');
    expect(freshId('chamber', [])).toBe('chamber');
  });
});
