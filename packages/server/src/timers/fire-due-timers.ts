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

/**
 * Fires the timers due by the server's clock, one batch in one transaction: claims the due
 * pending rows with FOR UPDATE SKIP LOCKED (several processes never take the same row; PGlite
 * has one session, so there the transaction itself serialises), then locks their cases the same
 * way — a case another process or a user's step holds now keeps its timers pending for a later
 * round, so two processes never queue on one case (nor deadlock with a step that cancels the
 * timers they hold). It applies the engine's `fireTimer` to each case in that same transaction
 * through the event path (a `$timer` log entry, the case row, new timers and outbox rows), and
 * flips each handled row to `fired` — or `cancelled` when the timer no longer applies — in one
 * statement before committing. A crash before the commit leaves the rows pending.
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
    if (claimed.rows.length === 0) return round;
    const cases = await lockClaimedCases(trx, claimed.rows);
    const handled: Array<{ timer: ClaimedTimer; status: 'fired' | 'cancelled' }> = [];
    for (const timer of claimed.rows) {
      const key = caseKey(timer.tenant_id, timer.case_id);
      const held = cases.get(key);
      if (held === 'busy') continue;
      const outcome = held === 'missing' ? 'stale' : await fireOne(deps, trx, timer, held);
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
 * Locks the claimed timers' cases (SKIP LOCKED) and tells apart, for each, the row read under
 * the lock, a case someone else holds now ('busy') and a case that does not exist ('missing').
 */
async function lockClaimedCases(trx: Kysely<Database>, timers: readonly ClaimedTimer[]): Promise<Map<string, CaseRow | 'busy' | 'missing' | undefined>> {
  const keys = new Map<string, { tenantId: string; caseId: string }>();
  for (const timer of timers) keys.set(caseKey(timer.tenant_id, timer.case_id), { tenantId: timer.tenant_id, caseId: timer.case_id });
  const cases = new Map<string, CaseRow | 'busy' | 'missing' | undefined>();
  for (const row of await lockCasesByIds(trx, [...keys.values()])) cases.set(caseKey(row.tenant_id, row.case_id), row);
  const unlocked = [...keys.entries()].filter(([key]) => !cases.has(key));
  if (unlocked.length === 0) return cases;
  const existing = await trx
    .selectFrom('cases')
    .select(['tenant_id', 'case_id'])
    .where(sql<boolean>`(tenant_id, case_id) in (select * from unnest(${unlocked.map(([, k]) => k.tenantId)}::text[], ${unlocked.map(([, k]) => k.caseId)}::text[]))`)
    .execute();
  const busy = new Set(existing.map((row) => caseKey(row.tenant_id, row.case_id)));
  for (const [key] of unlocked) cases.set(key, busy.has(key) ? 'busy' : 'missing');
  return cases;
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
