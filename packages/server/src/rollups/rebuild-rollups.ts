import type { Engine } from '@shuoshi/engine';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { FOLD_BATCH, foldUnfoldedCases, type FoldCursor } from './fold-unfolded-cases.js';
import { compactRollups } from './rollup-deltas.js';

/**
 * Rebuilds the metric rollups from the event log: forgets every case's facts and the rollups,
 * folds every case's log again and compacts. For data written around the event path (the demo
 * seed, generated benchmark data) and for repairs; run it while no server writes to the schema.
 * Answers the number of cases folded.
 * @example
 * await rebuildRollups(db, engine, { onProgress: (n) => console.log(n) });
 */
export async function rebuildRollups(db: Kysely<Database>, engine: Engine, options: { batch?: number; onProgress?: (folded: number) => void } = {}): Promise<number> {
  await sql`DELETE FROM metric_deltas`.execute(db);
  await sql`DELETE FROM metric_rollups`.execute(db);
  await sql`UPDATE cases SET metric_facts = NULL WHERE metric_facts IS NOT NULL`.execute(db);
  // Fresh statistics, so that each page is read in key order through the index rather than by
  // sorting every unfolded case (after a bulk load the planner would otherwise guess a few rows).
  await sql`ANALYZE cases`.execute(db);
  let total = 0;
  for (let after: FoldCursor | null | undefined; after !== null; ) {
    const pass = await foldUnfoldedCases(db, engine, { limit: options.batch ?? FOLD_BATCH, after });
    total += pass.folded;
    after = pass.next;
    options.onProgress?.(total);
  }
  await compactRollups(db);
  return total;
}
