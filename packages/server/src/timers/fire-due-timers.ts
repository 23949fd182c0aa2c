import { isEngineError, SYSTEM_ACTOR, type CaseSnapshot } from '@shuoshi/engine';
import { sql, type Kysely } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import { findCaseById, HOST_EVENTS, stepCaseRow, type CaseRow } from '../cases/index.js';
import type { Database } from '../db/database.js';

/** Timers claimed per transaction: enough to drain a backlog quickly, few enough to keep transactions short. */
export const TIMER_BATCH_SIZE = 50;

/** How often one timer is tried again within its transaction when a user's step reaches the case first. */
const RACE_ATTEMPTS = 10;

interface ClaimedTimer {
  tenant_id: string;
  case_id: string;
  timer_id: string;
  kind: string;
  due_at: Date;
}

/**
 * What a round of timer firing did: timers that stepped their case, and timers that no longer
 * applied (the case moved on or closed) and were cancelled without a step.
 * @example
 * const { fired, stale } = await fireDueTimers(deps);
 */
export interface FiredTimers {
  fired: number;
  stale: number;
  /** Timers the engine refused (a flaw in a workflow): cancelled and logged. */
  refused: number;
}

/**
 * Fires the timers due by the server's clock, one batch in one transaction: claims the due
 * pending rows with FOR UPDATE SKIP LOCKED (several processes never take the same row; PGlite
 * has one session, so there the transaction itself serialises), applies the engine's `fireTimer`
 * to each case in that same transaction through the event path (a `$timer` log entry, the case
 * row, new timers and outbox rows), and flips each row to `fired` — or `cancelled` when the timer
 * no longer applies — before committing. A crash before the commit leaves the rows pending.
 * @example
 * const round = await fireDueTimers(deps);
 */
export async function fireDueTimers(deps: Pick<AppDeps, 'db' | 'engine' | 'clock' | 'logger'>, options: { batchSize?: number } = {}): Promise<FiredTimers> {
  const now = deps.clock.now();
  const batchSize = options.batchSize ?? TIMER_BATCH_SIZE;
  return deps.db.transaction().execute(async (trx) => {
    const claimed = await sql<ClaimedTimer>`
      SELECT tenant_id, case_id, timer_id, kind, due_at FROM timers
      WHERE status = 'pending' AND due_at <= ${now}::timestamptz
      ORDER BY due_at, tenant_id, case_id, timer_id
      LIMIT ${batchSize}::int
      FOR UPDATE SKIP LOCKED`.execute(trx);
    const round: FiredTimers = { fired: 0, stale: 0, refused: 0 };
    for (const timer of claimed.rows) {
      const outcome = await fireOne(deps, trx, timer);
      round[outcome] += 1;
      await trx
        .updateTable('timers')
        .set({ status: outcome === 'fired' ? 'fired' : 'cancelled', fired_at: now })
        .where('tenant_id', '=', timer.tenant_id)
        .where('case_id', '=', timer.case_id)
        .where('timer_id', '=', timer.timer_id)
        .execute();
    }
    return round;
  });
}

async function fireOne(deps: Pick<AppDeps, 'engine' | 'clock' | 'logger'>, trx: Kysely<Database>, timer: ClaimedTimer): Promise<keyof FiredTimers> {
  const at = deps.clock.now().getTime();
  const request = {
    actor: SYSTEM_ACTOR,
    entry: { type: HOST_EVENTS.timer, data: { timerId: timer.timer_id, kind: timer.kind, dueAt: new Date(timer.due_at).toISOString() } },
    run: (snapshot: CaseSnapshot) => {
      const result = deps.engine.fireTimer(snapshot, timer.timer_id, at);
      // The engine answers a timer that no longer applies with the snapshot unchanged.
      return result.snapshot.seq === snapshot.seq ? null : result;
    },
  };
  for (let attempt = 1; attempt <= RACE_ATTEMPTS; attempt += 1) {
    const row: CaseRow | undefined = await findCaseById(trx, timer.tenant_id, timer.case_id);
    if (!row) return 'stale';
    try {
      const outcome = await stepCaseRow(deps, trx, row, request);
      if (outcome.kind === 'stepped') return 'fired';
      if (outcome.kind === 'unchanged') return 'stale';
    } catch (error) {
      if (!isEngineError(error)) throw error;
      // The engine refuses the same way every time: retrying would block the queue for nothing.
      deps.logger.error({ err: error, tenantId: timer.tenant_id, caseId: timer.case_id, timerId: timer.timer_id }, 'the engine refused a due timer; it is cancelled');
      return 'refused';
    }
  }
  // Ten steps by users in the time it takes to fire one timer: leave it for the next round.
  throw new Error(`Timer ${timer.timer_id} of case ${timer.case_id} lost the case to other steps ${RACE_ATTEMPTS} times in a row; it stays pending for the next round.`);
}
