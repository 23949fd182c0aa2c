import type { Workflow } from '@shuoshi/engine';
import { foldCaseEvent, type CaseDims, type CaseFacts, type LoggedEvent } from './case-facts.js';
import { contributionDelta, contributionOf, sameContribution, type RollupRow } from './contribution.js';

/**
 * What one log entry does to the rollups: the case's facts after it, and the delta rows to
 * append. A case whose facts were never folded (a row older than the rollups) gets neither: the
 * rollup worker folds its whole log later.
 * @example
 * const { facts, deltas } = rollupStep(row.metric_facts, event, dims, workflow);
 */
export interface RollupStep {
  facts: CaseFacts | null;
  deltas: RollupRow[];
}

/**
 * Folds a step's log entry into the case's facts and answers the change of its contribution.
 * @example
 * const step = rollupStep(row.metric_facts, { seq: row.version + 1, type: 'accept', ... }, caseDims(next, workflow), workflow);
 */
export function rollupStep(previous: CaseFacts | null, event: LoggedEvent, dims: CaseDims, workflow: Pick<Workflow, 'states'>): RollupStep {
  if (previous === null && event.seq !== 1) return { facts: null, deltas: [] };
  const facts = foldCaseEvent(previous, event, dims, workflow);
  if (previous !== null && sameContribution(previous, facts)) return { facts, deltas: [] };
  return { facts, deltas: contributionDelta(previous === null ? [] : contributionOf(previous), contributionOf(facts)) };
}
