import { isEngineError, SYSTEM_ACTOR, type CaseSnapshot } from '@shuoshi/engine';
import { sql, type Kysely } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import { findCaseById, HOST_EVENTS, lockCasesByIds, stepCaseRow, type CaseRow } from '../cases/index.js';
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

/** Due timers looked at to find a batch's cases: room for the cases other processes hold now. */
const CANDIDATES_PER_BATCH = 4;

/**
 * Fires the timers due by the server's clock, one batch in one transaction. It first locks the
 * cases whose timers fell due first, skipping those another process or a user's step holds now
 * (`FOR UPDATE SKIP LOCKED`: several processes take different cases and never queue on one), then
 * claims those cases' due pending timers. Every writer of a case's timers — a step, a batch — holds
 * the case's row lock first, so no two of them wait on each other in a cycle. It applies the
 * engine's `fireTimer` to each case in that same transaction through the event path (a `$timer`
 * log entry, the case row, new timers and outbox rows), and flips the handled rows to `fired` — or
 * `cancelled` when the timer no longer applies — in one statement before committing. A crash
 * before the commit leaves the rows pending. PGlite has one session: there the transaction itself
 * serialises. Due timers of a case that does not exist are cancelled when nothing else is due.
 * @example
 * const round = await fireDueTimers(deps);
 */
export async function fireDueTimers(deps: Pick<AppDeps, 'db' | 'engine' | 'clock' | 'logger'>, options: { batchSize?: number } = {}): Promise<FiredTimers> {
  const now = deps.clock.now();
  const batchSize = options.batchSize ?? TIMER_BATCH_SIZE;
  return deps.db.transaction().execute(async (trx) => {
    const round: FiredTimers = { fired: 0, stale: 0, refused: 0 };
    const keys = await lockDueCases(trx, now, batchSize);
    if (keys.length === 0) {
      round.stale = await cancelOrphans(trx, now, batchSize);
      return round;
    }
    const cases = new Map<string, CaseRow | undefined>();
    for (const row of await lockCasesByIds(trx, keys)) cases.set(caseKey(row.tenant_id, row.case_id), row);
    const claimed = await sql<ClaimedTimer>`
      SELECT tenant_id, case_id, timer_id, kind, due_at FROM timers
      WHERE (tenant_id, case_id) IN (SELECT * FROM unnest(${keys.map((k) => k.tenantId)}::text[], ${keys.map((k) => k.caseId)}::text[]))
        AND status = 'pending' AND due_at <= ${now}::timestamptz
      ORDER BY due_at, tenant_id, case_id, timer_id
      FOR UPDATE SKIP LOCKED`.execute(trx);
    const handled: Array<{ timer: ClaimedTimer; status: 'fired' | 'cancelled' }> = [];
    for (const timer of claimed.rows) {
      const key = caseKey(timer.tenant_id, timer.case_id);
      const outcome = await fireOne(deps, trx, timer, cases.get(key));
      // The case row changed: a later timer of the same case reads it again (under the lock held).
      if (outcome === 'fired') cases.set(key, undefined);
      round[outcome] += 1;
      handled.push({ timer, status: outcome === 'fired' ? 'fired' : 'cancelled' });
    }
    await markHandled(trx, handled, now);
    return round;
  });
}

function caseKey(tenantId: string, caseId: string): string {
  return `${tenantId}\u0000${caseId}`;
}

/**
 * Locks up to `batchSize` cases with due pending timers, those that fell due first first, among
 * the cases of the first `batchSize * CANDIDATES_PER_BATCH` due timers; a case held by someone
 * else is skipped, not waited for.
 */
async function lockDueCases(trx: Kysely<Database>, now: Date, batchSize: number): Promise<Array<{ tenantId: string; caseId: string }>> {
  const { rows } = await sql<{ tenant_id: string; case_id: string }>`
    SELECT c.tenant_id, c.case_id FROM cases c
    JOIN (
      SELECT tenant_id, case_id, min(due_at) AS first_due FROM (
        SELECT tenant_id, case_id, due_at FROM timers
        WHERE status = 'pending' AND due_at <= ${now}::timestamptz
        ORDER BY due_at LIMIT ${batchSize * CANDIDATES_PER_BATCH}::int
      ) d GROUP BY tenant_id, case_id
    ) due ON due.tenant_id = c.tenant_id AND due.case_id = c.case_id
    ORDER BY due.first_due, c.tenant_id, c.case_id
    LIMIT ${batchSize}::int
    FOR UPDATE OF c SKIP LOCKED`.execute(trx);
  return rows.map((row) => ({ tenantId: row.tenant_id, caseId: row.case_id }));
}

/** Cancels due pending timers whose case does not exist (nothing could ever fire them). */
async function cancelOrphans(trx: Kysely<Database>, now: Date, limit: number): Promise<number> {
  const result = await sql`
    UPDATE timers SET status = 'cancelled', fired_at = ${now}::timestamptz
    WHERE (tenant_id, case_id, timer_id) IN (
      SELECT t.tenant_id, t.case_id, t.timer_id FROM timers t
      WHERE t.status = 'pending' AND t.due_at <= ${now}::timestamptz
        AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.tenant_id = t.tenant_id AND c.case_id = t.case_id)
      LIMIT ${limit}::int FOR UPDATE SKIP LOCKED)`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Flips the handled timers in one statement. A row whose due time a step of this batch has
 * since moved (an upsert of the same timer id, pending again) is left to that step.
 */
async function markHandled(trx: Kysely<Database>, handled: ReadonlyArray<{ timer: ClaimedTimer; status: 'fired' | 'cancelled' }>, now: Date): Promise<void> {
  if (handled.length === 0) return;
  await sql`
    UPDATE timers SET status = h.status, fired_at = ${now}::timestamptz
    FROM unnest(${handled.map((h) => h.timer.tenant_id)}::text[], ${handled.map((h) => h.timer.case_id)}::text[], ${handled.map((h) => h.timer.timer_id)}::text[],
                ${handled.map((h) => h.status)}::text[], ${handled.map((h) => new Date(h.timer.due_at).toISOString())}::timestamptz[]) AS h(tenant_id, case_id, timer_id, status, due_at)
    WHERE timers.tenant_id = h.tenant_id AND timers.case_id = h.case_id AND timers.timer_id = h.timer_id AND timers.due_at = h.due_at`.execute(trx);
}

async function fireOne(deps: Pick<AppDeps, 'engine' | 'clock' | 'logger'>, trx: Kysely<Database>, timer: ClaimedTimer, locked: CaseRow | undefined): Promise<keyof FiredTimers> {
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
    const row: CaseRow | undefined = attempt === 1 && locked ? locked : await findCaseById(trx, timer.tenant_id, timer.case_id);
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
