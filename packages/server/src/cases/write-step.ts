import type { Effect } from '@shuoshi/engine';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.js';
import { rollupDeltaInsert, type RollupStep } from '../rollups/index.js';
import { effectRows, type EffectTarget } from './effects-repository.js';
import type { StepColumns } from './repository.js';

/**
 * Everything one step writes: the case's next columns (guarded by the version it was read at),
 * its log entry, its effects, and the stored answer of an Idempotency-Key.
 * @example
 * const stepped = await writeStep(db, { target, readVersion: 3, readXmin: row.row_xmin, columns, closedAt: null, now, entry, effects, rollup });
 */
export interface StepWrite {
  target: EffectTarget;
  /** The version the step was computed from; the write happens only if the row is still at it. */
  readVersion: number;
  /**
   * The xmin of the row the step was computed from (CaseRow's row_xmin): the write also misses if
   * any update touched the row since, including those that leave the version alone.
   */
  readXmin: string;
  columns: StepColumns;
  closedAt: Date | null;
  now: Date;
  entry: { type: string; actorId: string; actorRoles: readonly string[]; data: Record<string, unknown>; stateFrom: string; stateTo: string; warning: string };
  effects: readonly Effect[];
  /** The case's metric facts after the step and the rollup deltas it appends (see rollupStep). */
  rollup: RollupStep;
  idempotency?: { tenantId: string; userId: string; key: string; requestHash: string; statusCode: number; body: unknown };
}

/**
 * Writes a step as ONE statement, so it commits or fails whole, in one round trip: the update of
 * the case row takes the row's lock and checks its version (compare-and-set); the log entry,
 * timers, outbox rows, metric deltas and idempotency record are written only through the updated
 * row. Resolves the xmin of the row it wrote, or undefined, writing nothing, when the row has
 * moved past `readVersion` or `readXmin` (someone else wrote it first). Inside a transaction it
 * takes part in it like any statement.
 * @example
 * if ((await writeStep(db, write)) === undefined) throw versionConflict(...);
 */
export async function writeStep(db: Kysely<Database>, write: StepWrite): Promise<string | undefined> {
  const { target, columns: c, entry, now } = write;
  const next = write.readVersion + 1;
  const rows = effectRows(target, write.effects);
  const parts: RawBuilder<unknown>[] = [
    sql`upd AS (
      UPDATE cases SET state = ${c.state}, status = ${c.status}, warning = ${c.warning}, assignee_id = ${c.assignee_id}, title = ${c.title},
        description = ${c.description}, data = ${c.data}::jsonb, snapshot = ${c.snapshot}::jsonb, due_at = ${c.due_at}::timestamptz,
        overdue = ${c.overdue}, version = ${next}::int, metric_facts = ${write.rollup.facts === null ? null : JSON.stringify(write.rollup.facts)}::jsonb, updated_at = ${now}::timestamptz, closed_at = ${write.closedAt}::timestamptz${c.search_words ? sql`, search_words = ${c.search_words}` : sql``}
      WHERE tenant_id = ${target.tenantId} AND case_id = ${target.caseId} AND version = ${write.readVersion}::int AND xmin = ${write.readXmin}::xid
      RETURNING tenant_id, case_id, xmin::text AS row_xmin)`,
    sql`ev AS (
      INSERT INTO case_events (tenant_id, case_id, seq, type, actor_id, actor_roles, data, effects, state_from, state_to, warning, created_at)
      SELECT tenant_id, case_id, ${next}::int, ${entry.type}::text, ${entry.actorId}::text, ${[...entry.actorRoles]}::text[], ${JSON.stringify(entry.data)}::jsonb,
        ${JSON.stringify(write.effects)}::jsonb, ${entry.stateFrom}::text, ${entry.stateTo}::text, ${entry.warning}::text, ${now}::timestamptz
      FROM upd)`,
  ];
  // Each part is added only when there is something to write: a shorter statement plans faster.
  if (rows.scheduled.length > 0) {
    parts.push(sql`sched AS (
      INSERT INTO timers (tenant_id, case_id, timer_id, kind, due_at, status, fired_at)
      SELECT upd.tenant_id, upd.case_id, t.id, t.kind, t."dueAt", 'pending', NULL
      FROM upd CROSS JOIN jsonb_to_recordset(${JSON.stringify(rows.scheduled)}::jsonb) AS t(id text, kind text, "dueAt" timestamptz)
      ON CONFLICT (tenant_id, case_id, timer_id) DO UPDATE SET kind = excluded.kind, due_at = excluded.due_at, status = 'pending', fired_at = NULL)`);
  }
  if (rows.cancelled.length > 0) {
    parts.push(sql`canc AS (
      UPDATE timers SET status = 'cancelled' FROM upd
      WHERE timers.tenant_id = upd.tenant_id AND timers.case_id = upd.case_id AND timers.timer_id = ANY(${rows.cancelled}::text[]) AND timers.status = 'pending')`);
  }
  if (rows.outbox.length > 0) {
    parts.push(sql`ob AS (
      INSERT INTO outbox (tenant_id, outbox_id, case_id, type, payload, status, next_attempt_at, last_error)
      SELECT upd.tenant_id, o.id, upd.case_id, o.type, o.payload, 'pending', ${now}::timestamptz, NULL
      FROM upd CROSS JOIN jsonb_to_recordset(${JSON.stringify(rows.outbox)}::jsonb) AS o(id text, type text, payload jsonb))`);
  }
  if (write.rollup.deltas.length > 0) parts.push(sql`md AS (${rollupDeltaInsert(write.rollup.deltas, 'upd')})`);
  const key = write.idempotency;
  if (key) {
    parts.push(sql`idem AS (
      INSERT INTO idempotency_keys (tenant_id, user_id, key, request_hash, status_code, body)
      SELECT ${key.tenantId}::text, ${key.userId}::text, ${key.key}::text, ${key.requestHash}::text, ${key.statusCode}::int, ${JSON.stringify(key.body)}::jsonb FROM upd
      ON CONFLICT (tenant_id, user_id, key) DO NOTHING)`);
  }
  const result = await sql<{ row_xmin: string }>`WITH ${sql.join(parts, sql`, `)} SELECT row_xmin FROM upd`.execute(db);
  return result.rows[0]?.row_xmin;
}
