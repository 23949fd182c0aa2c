import type { Engine, Workflow } from '@shuoshi/engine';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { FOLD_BATCH, foldUnfoldedPage, readUnfoldedPage, type UnfoldedPage } from './fold-unfolded-cases.js';
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
  const limit = options.batch ?? FOLD_BATCH;
  const workflows = new Map<string, Workflow | null>();
  let total = 0;
  // The next page is read while this one is folded and written: on PostgreSQL the reads and the
  // writes go on other connections, so the database and Node work at the same time.
  let reading: Promise<UnfoldedPage> | null = readUnfoldedPage(db, { limit });
  while (reading) {
    const page: UnfoldedPage = await reading;
    reading = page.next ? readUnfoldedPage(db, { limit, after: page.next }) : null;
    // A read failing while this page is written must not go unobserved.
    reading?.catch(() => undefined);
    total += await foldUnfoldedPage(db, engine, page, workflows);
    options.onProgress?.(total);
  }
  await compactRollups(db);
  return total;
}
