import { caseSnapshotSchema, type CaseSnapshot, type WarningCause, type Workflow } from '@shuoshi/engine';
import { expect } from 'vitest';

/**
 * The colour a set of warning causes gives: the highest level, green when there is none.
 * @example
 * expectedWarning([{ source: 'rule', id: 'many_workers', level: 'red' }]); // 'red'
 */
export function expectedWarning(causes: readonly WarningCause[]): 'green' | 'yellow' | 'red' {
  if (causes.some((c) => c.level === 'red')) return 'red';
  return causes.length > 0 ? 'yellow' : 'green';
}

/**
 * Asserts what every snapshot the engine hands out must satisfy: it parses with the snapshot
 * schema (b), survives JSON unchanged (c), is closed exactly in a final state (f), has the colour of
 * its highest warning cause (g), and has only timers and a clock of its current state, apart from
 * the reply timers of awaiting referrals (h).
 * @example
 * checkSnapshot(unionGrievance, snapshot);
 */
export function checkSnapshot(workflow: Workflow, snapshot: CaseSnapshot): void {
  const where = `in "${snapshot.state}" (seq ${snapshot.seq})`;
  // (b)
  const parsed = caseSnapshotSchema.safeParse(snapshot);
  expect(parsed.success, `(b) the snapshot ${where} fails caseSnapshotSchema: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`).toBe(true);
  // (c)
  expect(JSON.parse(JSON.stringify(snapshot)), `(c) the snapshot ${where} changes through JSON`).toStrictEqual(snapshot);
  // (f)
  const definition = workflow.states[snapshot.state];
  expect(definition, `the snapshot is in "${snapshot.state}", which "${workflow.key}" does not have`).toBeDefined();
  expect(snapshot.status === 'closed', `(f) status "${snapshot.status}" ${where}, final: ${String(definition?.final === true)}`).toBe(definition?.final === true);
  // (g)
  expect(snapshot.warning, `(g) warning ${where} against causes ${JSON.stringify(snapshot.warningCauses)}`).toBe(expectedWarning(snapshot.warningCauses));
  // (h)
  const awaiting = new Set(snapshot.referrals.filter((r) => r.status === 'awaiting').map((r) => r.id));
  for (const timer of snapshot.timers) {
    const ok = timer.kind === 'referral' ? awaiting.has(timer.ref ?? '') : timer.state === snapshot.state;
    expect(ok, `(h) timer ${JSON.stringify(timer)} ${where}; awaiting referrals: ${[...awaiting].join(', ') || 'none'}`).toBe(true);
  }
  if (snapshot.clock) expect(snapshot.clock.state, `(h) the clock ${where} belongs to another state`).toBe(snapshot.state);
}
