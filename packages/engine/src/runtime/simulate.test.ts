import { describe, expect, it } from 'vitest';
import { miniWorkflow } from './fixtures/mini-workflow.js';
import { simulate } from './simulate.js';

const start = '2025-09-30T10:00:00+08:00';

describe('simulate', () => {
  it('traces states, deadlines and warnings as the clock moves by working days', () => {
    const trace = simulate(miniWorkflow, [{ event: 'accept' }, { advance: '2wd' }], { start, data: { title: '夜班' } });
    expect(trace.path).toEqual(['intake', 'triage']);
    const kinds = trace.entries.map((e) => `${e.kind}:${e.warning}`);
    expect(kinds).toEqual(['start:green', 'event:green', 'timer:yellow', 'timer:red', 'timer:red', 'advance:red']);
    const yellow = trace.entries[2];
    expect(yellow?.at).toBe(new Date('2025-10-09T05:12:00+08:00').toISOString());
    expect(trace.entries[1]?.deadlines.map((d) => d.kind)).toEqual(['warning', 'warning', 'sla']);
    expect(trace.entries[3]?.effects).toContainEqual(expect.objectContaining({ type: 'notify', reason: 'warning' }));
  });

  it('records a refusal and goes on', () => {
    const trace = simulate(miniWorkflow, [{ event: 'to_mediation' }, { event: 'accept' }, { event: 'to_mediation', data: { category: 'wages' }, role: 'mediator' }], { start, data: { title: '夜班' } });
    expect(trace.entries[1]?.error?.code).toBe('UNKNOWN_EVENT');
    expect(trace.path).toEqual(['intake', 'triage', 'mediation']);
  });

  it('acts as the role a step names', () => {
    const trace = simulate(miniWorkflow, [{ event: 'accept', role: 'lawyer' }], { start, data: { title: '夜班' } });
    expect(trace.entries[1]?.error?.code).toBe('NOT_ALLOWED');
  });

  it('hands a case to arbitration when the mediation timeout passes', () => {
    const trace = simulate(miniWorkflow, [{ event: 'accept' }, { event: 'to_mediation', data: { category: 'wages' }, role: 'mediator' }, { advance: '16d' }], { start, data: { title: '夜班' } });
    expect(trace.snapshot.state).toBe('arbitration');
    expect(trace.snapshot.status).toBe('closed');
  });
});
