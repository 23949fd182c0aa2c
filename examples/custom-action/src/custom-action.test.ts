import { describe, expect, it } from 'vitest';
import { createEngine, EngineError, extendWorkflow, unionGrievance, type Actor, type Overlay, type Workflow } from '@shuoshi/engine';
import { carryOutActions } from './carry-out-actions.js';
import { HOST_ACTIONS } from './host-actions.js';
import { smsGrievance, smsGrievanceOverlay } from './sms-grievance.js';
import { createSmsSender, type SentSms } from './sms-sender.js';

const operator: Actor = { id: 'op-1', roles: ['intake_operator'] };
const admin: Actor = { id: 'admin-1', roles: ['township_admin'] };

function triaged(data: Record<string, unknown> = { worker_phone: '13800001234' }) {
  const engine = createEngine({ workflows: [smsGrievance], actions: HOST_ACTIONS, now: () => Date.parse('2025-11-04T09:10:00+08:00') });
  const opened = engine.start({ key: 'union-grievance-sms' }, { data: { title: '下夜班后打车难', description: '步行3公里', ...data }, actor: operator, channel: 'phone' });
  return { engine, snapshot: engine.apply(opened.snapshot, { type: 'accept' }, operator).snapshot };
}

function overlayWith(params: Record<string, unknown>): Workflow {
  const overlay: Overlay = { ...smsGrievanceOverlay, states: { escalation: { onEntry: [{ type: 'action', name: 'send_sms', params }] } } };
  const result = extendWorkflow(unionGrievance, overlay);
  if (!result.ok) throw new Error(JSON.stringify(result.conflicts));
  return result.workflow;
}

const escalation = { referral_agency: 'people_congress_liaison', referral_note: '建议开通夜班公交', category: 'commute' };

describe('the send_sms host action', () => {
  it('resolves the overlay with the action on the escalation and mediation states', () => {
    expect(smsGrievance.extends).toEqual({ key: 'union-grievance', version: 1 });
    expect(smsGrievance.states.escalation?.onEntry).toEqual([{ type: 'action', name: 'send_sms', params: { template: 'matter_referred' } }]);
    expect(smsGrievance.states.mediation?.onEntry?.[0]).toMatchObject({ type: 'action', name: 'send_sms' });
  });

  it('emits an action effect when the case enters a state that asks for it', () => {
    const { engine, snapshot } = triaged();
    const { effects } = engine.apply(snapshot, { type: 'escalate', data: escalation }, admin);
    expect(effects).toContainEqual({ type: 'action', name: 'send_sms', params: { template: 'matter_referred' }, state: 'escalation' });
  });

  it('carries out the effect with the host handler, which records the SMS', () => {
    const { engine, snapshot } = triaged();
    const step = engine.apply(snapshot, { type: 'escalate', data: escalation }, admin);
    const sent: SentSms[] = [];
    const ran = carryOutActions(step.effects, { send_sms: createSmsSender(sent) }, { caseId: 'NH-1', snapshot: step.snapshot, workflow: smsGrievance });
    expect(ran).toBe(1);
    expect(sent).toEqual([{
      caseId: 'NH-1',
      to: '13800001234',
      template: 'matter_referred',
      text: {
        zh: '【宁海县总工会】您反映的「下夜班后打车难」已转交人大代表联络站办理，我们会跟踪答复并告知您。查询码：NH-1',
        en: expect.stringContaining("referred to the People's congress liaison station"),
      },
    }]);
  });

  it('applies the params defaults and sends the mediation template', () => {
    const { engine, snapshot } = triaged();
    const step = engine.apply(snapshot, { type: 'route_to_mediation', data: { category: 'wages' } }, operator);
    const sent: SentSms[] = [];
    carryOutActions(step.effects, { send_sms: createSmsSender(sent) }, { caseId: 'NH-2', snapshot: step.snapshot, workflow: smsGrievance });
    expect(sent).toEqual([expect.objectContaining({ template: 'mediation_started', to: '13800001234' })]);
  });

  it('sends nothing to a worker who left no phone number', () => {
    const { engine, snapshot } = triaged({});
    const step = engine.apply(snapshot, { type: 'escalate', data: escalation }, admin);
    const sent: SentSms[] = [];
    expect(carryOutActions(step.effects, { send_sms: createSmsSender(sent) }, { caseId: 'NH-3', snapshot: step.snapshot, workflow: smsGrievance })).toBe(1);
    expect(sent).toEqual([]);
  });

  it('throws when the host registered an action but wrote no handler for it', () => {
    const { engine, snapshot } = triaged();
    const step = engine.apply(snapshot, { type: 'escalate', data: escalation }, admin);
    expect(() => carryOutActions(step.effects, {}, { caseId: 'NH-4', snapshot: step.snapshot, workflow: smsGrievance })).toThrow(/No handler for action "send_sms"/);
  });
});

describe('createEngine and host actions', () => {
  it('refuses a workflow naming an action the host has not registered', () => {
    expect(() => createEngine({ workflows: [smsGrievance] })).toThrow(expect.objectContaining({ name: 'EngineError', code: 'UNKNOWN_ACTION', details: { action: 'send_sms' } }));
    expect(() => createEngine({ workflows: [smsGrievance], actions: { send_email: {} } })).toThrow(/"send_sms", which the host has not registered; registered: send_email/);
  });

  it('refuses a workflow whose params the action’s schema rejects', () => {
    const check = (params: Record<string, unknown>) => () => createEngine({ workflows: [overlayWith(params)], actions: HOST_ACTIONS });
    expect(check({ template: 'weekly_digest' })).toThrow(EngineError);
    expect(check({ template: 'weekly_digest' })).toThrow(expect.objectContaining({ code: 'INVALID_WORKFLOW', message: expect.stringContaining('template: Invalid option') }));
    expect(check({ template: 'matter_referred', phoneField: 'Worker Phone' })).toThrow(/phoneField: a field id in lower snake case/);
    expect(check({ template: 'matter_referred', cc: 'boss' })).toThrow(/bad params/);
  });

  it('accepts the workflow once the action is registered with good params', () => {
    expect(createEngine({ workflows: [overlayWith({ template: 'matter_referred', phoneField: 'worker_phone' })], actions: HOST_ACTIONS }).workflows()).toHaveLength(1);
  });
});
