export { ancestorsOf, caseDims, foldCaseEvent, foldCaseFacts, type CaseDims, type CaseFacts, type LoggedEvent } from './case-facts.js';
export { contributionDelta, contributionOf, emptyRollupCounters, ROLLUP_COUNTERS, type RollupCounters, type RollupKey, type RollupRow } from './contribution.js';
export { FOLD_BATCH, foldUnfoldedCases, type FoldCursor, type FoldPass } from './fold-unfolded-cases.js';
export { rebuildRollups } from './rebuild-rollups.js';
export { compactRollups, insertRollupDeltas, rollupDeltaInsertText } from './rollup-deltas.js';
export { refoldCase } from './refold-case.js';
export { verifyRollups } from './verify-rollups.js';
export { rollupStep, type RollupStep } from './rollup-step.js';
export { createRollupWorker, ROLLUP_WORKER_INTERVAL_MS } from './rollup-worker.js';
