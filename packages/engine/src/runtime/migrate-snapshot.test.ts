import { describe, expect, it } from 'vitest';
import type { Workflow } from '../definition/index.js';
import type { Actor } from './actor.js';
import { createEngine } from './create-engine.js';
import { miniWorkflow } from './fixtures/mini-workflow.js';
import { migrateSnapshot } from './migrate-snapshot.js';

const operator: Actor = { id: 'op-1', roles: ['intake_operator'] };
const mediator: Actor = { id: 'med-1', roles: ['mediator'] };
const iso = (local: string) => new Date(local).toISOString();

/** Version 2: escalation renamed to referral, triage gets 2 working days, the phone field is gone. */
function version2(): Workflow {
  const v2: Workflow = structuredClone(miniWorkflow);
  v2.version = 2;
  const { escalation, ...states } = v2.states;
  v2.states = { ...states, referral: escalation! };
  v2.states['triage']!.sla = { within: '2wd' };
  v2.states['triage']!.transitions = v2.states['triage']!.transitions.map((t) => (t.target === 'escalation' ? { ...t, target: 'referral' } : t));
  delete v2.fields['worker_phone'];
  return v2;
}

function caseIn(state: 'triage' | 'escalation') {
  const engine = createEngine({ workflows: [miniWorkflow], now: () => Date.parse('2025-09-30T10:00:00+08:00') });
  let snapshot = engine.start({ key: 'mini' }, { data: { title: '夜班', worker_phone: '13800000000' }, actor: operator, channel: 'phone' }).snapshot;
  snapshot = engine.apply(snapshot, { type: 'accept' }, operator).snapshot;
  if (state === 'escalation') snapshot = engine.apply(snapshot, { type: 'escalate', data: { referral_agency: 'transport_group' } }, mediator).snapshot;
  return snapshot;
}

describe('migrateSnapshot', () => {
  it('keeps the time spent and recomputes deadlines on the new SLA', () => {
    // Entered triage 30 Sep 10:00; 2 wd = 48 h of working days: 14 h on 30 Sep, 9 Oct, 10 h on 10 Oct.
    const result = migrateSnapshot(caseIn('triage'), miniWorkflow, version2(), {}, { at: '2025-09-30T12:00:00+08:00' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.snapshot.workflow).toEqual({ key: 'mini', version: 2 });
    expect(result.snapshot.state).toBe('triage');
    expect(result.snapshot.clock?.enteredAt).toBe(iso('2025-09-30T10:00:00+08:00'));
    expect(result.snapshot.clock?.dueAt).toBe(iso('2025-10-10T10:00:00+08:00'));
    expect(result.effects[0]).toEqual({ type: 'migrated', from: { key: 'mini', version: 1, state: 'triage' }, to: { key: 'mini', version: 2, state: 'triage' } });
    expect(result.effects.filter((e) => e.type === 'cancelTimer')).toHaveLength(3);
  });

  it('drops fields the new version does not have, with a warning', () => {
    const result = migrateSnapshot(caseIn('triage'), miniWorkflow, version2(), {});
    expect(result.ok).toBe(true);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'DATA_DROPPED', severity: 'warning', path: 'data.worker_phone' }));
    if (result.ok) expect(result.snapshot.data).not.toHaveProperty('worker_phone');
  });

  it('refuses a case in a state the new version lacks unless it is mapped', () => {
    const snapshot = caseIn('escalation');
    const refused = migrateSnapshot(snapshot, miniWorkflow, version2(), {});
    expect(refused.ok).toBe(false);
    expect(refused.issues).toContainEqual(expect.objectContaining({ code: 'UNMAPPED_STATE', severity: 'error', path: 'stateMap.escalation' }));
    const mapped = migrateSnapshot(snapshot, miniWorkflow, version2(), { escalation: 'referral' });
    if (!mapped.ok) throw new Error(JSON.stringify(mapped.issues));
    expect(mapped.snapshot.state).toBe('referral');
    expect(mapped.snapshot.referrals).toEqual([expect.objectContaining({ state: 'referral', status: 'awaiting' })]);
    expect(mapped.snapshot.timers).toEqual([expect.objectContaining({ kind: 'referral', state: 'referral' })]);
  });

  it('reports every bad entry of the state map at once', () => {
    const result = migrateSnapshot(caseIn('triage'), miniWorkflow, version2(), { nowhere: 'triage', triage: 'limbo' });
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['UNKNOWN_SOURCE_STATE', 'UNKNOWN_TARGET_STATE']));
  });

  it('refuses a case that is not on the source version', () => {
    const other = { ...miniWorkflow, version: 7 };
    const result = migrateSnapshot(caseIn('triage'), other, version2(), {});
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'WORKFLOW_MISMATCH' }));
  });

  it('refuses data the new version cannot hold', () => {
    const v2 = version2();
    v2.fields['title'] = { ...v2.fields['title']!, maxLength: 1 };
    const result = migrateSnapshot(caseIn('triage'), miniWorkflow, v2, {});
    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'DATA_INVALID', path: 'data.title' }));
  });
});
