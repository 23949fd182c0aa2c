import { describe, expect, it } from 'vitest';
import { createEngine, extendWorkflow, unionGrievance, validateWorkflow, type Actor, type CaseSnapshot, type Overlay, type Workflow } from '@shuoshi/engine';
import { chaluTruckersCorner } from './chalu-truckers-corner.js';
import { huchenHelpFarmers } from './huchen-help-farmers.js';
import { TOWNSHIP_OVERLAYS } from './index.js';

const operator: Actor = { id: 'op-1', roles: ['intake_operator'] };
const supervisor: Actor = { id: 'sup-1', roles: ['supervisor'] };
const iso = (local: string) => new Date(local).toISOString();

function resolved(overlay: Overlay): Workflow {
  const result = extendWorkflow(unionGrievance, overlay);
  if (!result.ok) throw new Error(`${overlay.key} does not resolve: ${result.conflicts.map((c) => `${c.path}: ${c.message}`).join(' | ')}`);
  return result.workflow;
}

/** An engine over one resolved overlay whose clock the test moves, with a case already in triage. */
function inTriage(workflow: Workflow, openedAt: string, data: Record<string, unknown>) {
  let now = Date.parse(openedAt);
  const engine = createEngine({ workflows: [workflow], now: () => now });
  const opened = engine.start({ key: workflow.key }, { data, actor: operator, channel: 'walk_in' });
  const { snapshot } = engine.apply(opened.snapshot, { type: 'accept' }, operator);
  return { engine, snapshot, set: (local: string) => void (now = Date.parse(local)) };
}

const timer = (snapshot: CaseSnapshot, kind: string, level?: string) => {
  const found = snapshot.timers.find((t) => t.kind === kind && (level === undefined || t.level === level));
  if (!found) throw new Error(`no ${kind} ${level ?? ''} timer in ${JSON.stringify(snapshot.timers)}`);
  return found;
};

describe.each(TOWNSHIP_OVERLAYS.map((overlay) => [overlay.key, overlay] as const))('overlay %s', (_key, overlay) => {
  it('resolves on union-grievance v1 and validates', () => {
    const result = extendWorkflow(unionGrievance, overlay);
    expect(result.ok, JSON.stringify(result.ok ? [] : result.conflicts)).toBe(true);
    if (!result.ok) return;
    expect(result.workflow).toMatchObject({ key: overlay.key, version: 1, extends: { key: 'union-grievance', version: 1 } });
    expect(result.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    expect(validateWorkflow(result.workflow).ok).toBe(true);
  });

  it('keeps the locked reply-to-worker and follow-up states of the template', () => {
    const workflow = resolved(overlay);
    for (const state of ['resolved', 'follow_up', 'closed']) expect(workflow.states[state]).toEqual(unionGrievance.states[state]);
  });
});

describe('胡陈乡 help-farmers panel', () => {
  const workflow = resolved(huchenHelpFarmers);
  const chamberMediator: Actor = { id: 'chamber-1', roles: ['chamber_mediator'] };
  const sale = { category: 'sales_dispute', produce_type: 'fruit', buyer_name: '某水果收购商', disputed_amount: 18600 };
  const growers = () => inTriage(workflow, '2025-11-06T09:00:00+08:00', { title: '收购商压价拒付货款', description: '果农交货后收购商以品相为由压价并拖欠尾款' });

  it('lists the chamber mediation step and what leads to it among the changes', () => {
    const result = extendWorkflow(unionGrievance, huchenHelpFarmers);
    if (!result.ok) throw new Error('does not resolve');
    const changes = result.changes.map((c) => `${c.kind} ${c.path}`);
    expect(changes).toEqual(expect.arrayContaining([
      'added states.chamber_mediation',
      'added states.triage.transitions.route_to_chamber',
      'added roles.chamber_mediator',
      'added fields.produce_type',
      'added fields.buyer_name',
      'changed fields.category',
    ]));
    expect(changes.filter((c) => c.startsWith('removed'))).toEqual([]);
  });

  it('routes only a sales dispute, with the produce and the buyer, to the chamber', () => {
    const { engine, snapshot } = growers();
    expect(() => engine.apply(snapshot, { type: 'route_to_chamber', data: { ...sale, category: 'wages' } }, operator)).toThrow(expect.objectContaining({ code: 'CONDITION_FAILED' }));
    expect(() => engine.apply(snapshot, { type: 'route_to_chamber', data: { category: 'sales_dispute', produce_type: 'fruit' } }, operator))
      .toThrow(expect.objectContaining({ code: 'MISSING_FIELDS', details: expect.objectContaining({ missing: ['buyer_name'] }) }));
  });

  it('walks a sales dispute through chamber mediation to closed, on the 5-working-day clock', () => {
    const { engine, snapshot, set } = growers();
    set('2025-11-06T10:00:00+08:00');
    const routed = engine.apply(snapshot, { type: 'route_to_chamber', data: sale }, operator);
    expect(routed.snapshot.state).toBe('chamber_mediation');
    // Entered Thu 6 Nov 10:00; working days count whole days, weekends off. 5 wd = 14 h + Fri, Mon,
    // Tue, Wed + 10 h -> Thu 13 Nov 10:00. Yellow at 80 % = 96 h -> 10 h into Wed 12 Nov.
    expect(timer(routed.snapshot, 'sla').dueAt).toBe(iso('2025-11-13T10:00:00+08:00'));
    expect(timer(routed.snapshot, 'warning', 'yellow').dueAt).toBe(iso('2025-11-12T10:00:00+08:00'));
    expect(timer(routed.snapshot, 'warning', 'red').dueAt).toBe(iso('2025-11-13T10:00:00+08:00'));

    const yellowTimer = timer(routed.snapshot, 'warning', 'yellow');
    const yellow = engine.fireTimer(routed.snapshot, yellowTimer.id, yellowTimer.dueAt);
    expect(yellow.snapshot.warning).toBe('yellow');

    set('2025-11-12T15:00:00+08:00');
    const claimed = engine.apply(yellow.snapshot, { type: 'claim' }, chamberMediator).snapshot;
    expect(claimed.assignee).toBe('chamber-1');
    const settled = engine.apply(claimed, { type: 'chamber_mediation_succeeded', data: { resolution: '经商会调解，收购商按约定价格支付尾款18600元' } }, chamberMediator);
    expect(settled.snapshot).toMatchObject({ state: 'resolved', warning: 'green' });
    expect(settled.effects).toContainEqual({ type: 'cancelTimer', timerId: timer(routed.snapshot, 'sla').id });

    set('2025-11-13T09:00:00+08:00');
    const replied = engine.apply(settled.snapshot, { type: 'reply_to_worker' }, operator).snapshot;
    expect(replied.state).toBe('follow_up');
    // The chamber mediator handled the case, so the rating must come from someone else.
    set('2025-11-17T10:00:00+08:00');
    expect(() => engine.apply(replied, { type: 'rate', data: { satisfaction: 5 } }, { id: 'chamber-1', roles: ['supervisor'] })).toThrow(expect.objectContaining({ code: 'SEPARATION_OF_DUTIES' }));
    const closed = engine.apply(replied, { type: 'rate', data: { satisfaction: 5 } }, supervisor);
    expect(closed.snapshot).toMatchObject({ state: 'closed', status: 'closed', timers: [] });
    expect(closed.effects).toContainEqual({ type: 'caseClosed', state: 'closed' });
  });
});

describe('岔路镇 truckers’ corner', () => {
  const workflow = resolved(chaluTruckersCorner);
  const enforcement: Actor = { id: 'agency:traffic_enforcement', roles: ['agency'], agency: 'traffic_enforcement' };
  const truck = { category: 'vehicle_inspection', vehicle_plate: '浙B·A1234', inspection_issue: 'unsettled_violations' };
  const drivers = () => inTriage(workflow, '2025-09-30T09:00:00+08:00', { title: '货车年审卡在违法记录', description: '外地违法记录未处理，无法年审' });

  it('lists the traffic referral step and the new agency among the changes', () => {
    const result = extendWorkflow(unionGrievance, chaluTruckersCorner);
    if (!result.ok) throw new Error('does not resolve');
    expect(result.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(expect.arrayContaining([
      'added states.traffic_referral',
      'added states.triage.transitions.route_to_traffic',
      'added agencies.traffic_enforcement',
      'added fields.vehicle_plate',
      'added fields.inspection_issue',
    ]));
  });

  it('refers an inspection problem to traffic enforcement with a reply due 5 working days later', () => {
    const { engine, snapshot, set } = drivers();
    set('2025-09-30T10:00:00+08:00');
    const { snapshot: referred, effects } = engine.apply(snapshot, { type: 'route_to_traffic', data: truck }, operator);
    expect(referred.state).toBe('traffic_referral');
    // 5 wd from Tue 30 Sep 10:00 over the National Day holiday (1-8 Oct off, Sat 11 Oct a make-up
    // working day): 14 h + 9, 10, 11, 13 Oct = 110 h, 10 h into Tue 14 Oct.
    expect(effects).toContainEqual(expect.objectContaining({
      type: 'refer',
      agency: 'traffic_enforcement',
      replyDueAt: iso('2025-10-14T10:00:00+08:00'),
      replyEvent: 'enforcement_replied',
      returnEvent: 'enforcement_returned',
    }));
    expect(timer(referred, 'referral').dueAt).toBe(iso('2025-10-14T10:00:00+08:00'));
  });

  it('turns red and tells the supervisor when the reply is overdue', () => {
    const { engine, snapshot } = drivers();
    const referred = engine.apply(snapshot, { type: 'route_to_traffic', data: truck }, operator).snapshot;
    const due = timer(referred, 'referral');
    const overdue = engine.fireTimer(referred, due.id, due.dueAt);
    expect(overdue.snapshot.warning).toBe('red');
    expect(overdue.effects).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'referralOverdue', to: { roles: ['supervisor'] } }));
  });

  it('takes the traffic team’s reply through to closed', () => {
    const { engine, snapshot, set } = drivers();
    set('2025-09-30T10:00:00+08:00');
    const referred = engine.apply(snapshot, { type: 'route_to_traffic', data: truck }, operator).snapshot;
    set('2025-10-10T16:00:00+08:00');
    const court: Actor = { id: 'agency:court', roles: ['agency'], agency: 'court' };
    expect(() => engine.apply(referred, { type: 'enforcement_replied', data: { reply_summary: '已处理' } }, court)).toThrow(expect.objectContaining({ code: 'NOT_ALLOWED' }));
    const replied = engine.apply(referred, { type: 'enforcement_replied', data: { reply_summary: '已协助处理外地违法记录，可预约年审' } }, enforcement);
    expect(replied.snapshot).toMatchObject({ state: 'resolved', referrals: [expect.objectContaining({ agency: 'traffic_enforcement', status: 'replied', overdue: false })] });
    expect(replied.effects).toContainEqual(expect.objectContaining({ type: 'referralClosed', status: 'replied' }));

    set('2025-10-11T09:00:00+08:00');
    const told = engine.apply(replied.snapshot, { type: 'reply_to_worker', data: { resolution: '违法记录已处理，已为您预约10月15日年审' } }, operator).snapshot;
    expect(told.state).toBe('follow_up');
    const worker: Actor = { id: 'worker', roles: ['worker'] };
    const closed = engine.apply(told, { type: 'rate', data: { satisfaction: 4 } }, worker).snapshot;
    expect(closed).toMatchObject({ state: 'closed', status: 'closed', data: { satisfaction: 4, vehicle_plate: '浙B·A1234' } });
  });
});
