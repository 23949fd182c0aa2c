import { describe, expect, it } from 'vitest';
import { createEngine, unionGrievance, type Actor } from '@shuoshi/engine';
import { InMemoryStore } from './in-memory-store.js';
import { StaleSaveError } from './stale-save-error.js';

const operator: Actor = { id: 'op-1', roles: ['intake_operator'] };
const admin: Actor = { id: 'admin-1', roles: ['township_admin'] };

function opened() {
  let now = Date.parse('2025-11-03T22:40:00+08:00');
  const engine = createEngine({ workflows: [unionGrievance], now: () => now });
  const store = new InMemoryStore();
  store.create('c1', engine.start({ key: 'union-grievance' }, { data: { title: '夜班打车难', description: '步行3公里' }, actor: operator, channel: 'phone' }), { kind: 'opened', label: 'phone', actor: operator });
  return { engine, store, set: (local: string) => void (now = Date.parse(local)) };
}

describe('InMemoryStore', () => {
  it('refuses a save computed from a version it no longer holds', () => {
    const { engine, store } = opened();
    const first = store.load('c1');
    const second = store.load('c1');
    store.save('c1', first.seq, engine.apply(first, { type: 'accept' }, operator), { kind: 'event', label: 'accept', actor: operator });
    const stale = engine.apply(second, { type: 'decline', data: { decline_reason: '重复来电' } }, admin);
    expect(() => store.save('c1', second.seq, stale, { kind: 'event', label: 'decline', actor: admin })).toThrow(StaleSaveError);
    expect(() => store.save('c1', second.seq, stale, { kind: 'event', label: 'decline', actor: admin })).toThrow(/version 1, but the store holds version 2/);
    expect(store.load('c1').state).toBe('triage');
    expect(store.timeline('c1').map((entry) => entry.label)).toEqual(['phone', 'accept']);
  });

  it('refuses to open a case under an id already taken', () => {
    const { engine, store } = opened();
    const again = engine.start({ key: 'union-grievance' }, { data: { title: 'x', description: 'y' }, actor: operator, channel: 'phone' });
    expect(() => store.create('c1', again, { kind: 'opened', label: 'phone', actor: operator })).toThrow(/already exists/);
  });

  it('keeps the timers the effects schedule and drops the ones they cancel', () => {
    const { engine, store } = opened();
    expect(store.timers('c1').map(({ timer }) => timer.id)).toEqual(['intake.1.warn0', 'intake.1.sla']);
    const snapshot = store.load('c1');
    store.save('c1', snapshot.seq, engine.apply(snapshot, { type: 'accept' }, operator), { kind: 'event', label: 'accept', actor: operator });
    expect(store.timers('c1').map(({ timer }) => timer.id)).toEqual(['triage.2.warn0', 'triage.2.warn1', 'triage.2.sla']);
    expect(store.timers().map(({ timer }) => timer)).toEqual(store.load('c1').timers);
  });

  it('lists due timers in order and uses up a timer once it has fired', () => {
    const { engine, store, set } = opened();
    set('2025-11-04T09:10:00+08:00');
    const snapshot = store.load('c1');
    store.save('c1', snapshot.seq, engine.apply(snapshot, { type: 'accept' }, operator), { kind: 'event', label: 'accept', actor: operator });
    expect(store.dueTimers('2025-11-05T04:00:00+08:00')).toEqual([]);
    const [yellow] = store.dueTimers('2025-11-05T05:00:00+08:00');
    expect(yellow?.timer).toMatchObject({ kind: 'warning', level: 'yellow' });
    if (!yellow) return;
    const before = store.load('c1');
    const step = engine.fireTimer(before, yellow.timer.id, yellow.timer.dueAt);
    store.save('c1', before.seq, step, { kind: 'timer', label: yellow.timer.id, actor: { id: 'system', roles: ['system'] }, timer: yellow.timer });
    expect(store.dueTimers('2025-11-05T05:00:00+08:00')).toEqual([]);
    expect(store.load('c1').warning).toBe('yellow');
  });

  it('puts every effect but timers in the outbox', () => {
    const { engine, store } = opened();
    const snapshot = store.load('c1');
    store.save('c1', snapshot.seq, engine.apply(snapshot, { type: 'decline', data: { decline_reason: '不属于工会受理范围' } }, operator), { kind: 'event', label: 'decline', actor: operator });
    expect(store.outbox().map((message) => message.effect.type)).toEqual(['stateChanged', 'stateChanged', 'notify', 'caseClosed']);
    expect(store.timers('c1')).toEqual([]);
  });

  it('hands out copies, so a caller cannot change what is stored', () => {
    const { store } = opened();
    const snapshot = store.load('c1');
    snapshot.state = 'closed';
    store.timeline('c1')[0]?.effects.splice(0);
    expect(store.load('c1').state).toBe('intake');
    expect(store.timeline('c1')[0]?.effects.length).toBeGreaterThan(0);
  });
});
