import { randomUUID } from 'node:crypto';
import type { Effect } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** Effects that only change the case itself (already in its row and log): nothing to deliver. */
const NOT_DELIVERED: ReadonlySet<Effect['type']> = new Set(['scheduleTimer', 'cancelTimer', 'stateChanged']);

/**
 * Which case the effects belong to, for the timer and outbox rows.
 * @example
 * const target: EffectTarget = { tenantId: 'chalu', caseId: 'c1', reference: 'NH-2025-000001', workflow: { key: 'union-grievance', version: 1 } };
 */
export interface EffectTarget {
  tenantId: string;
  caseId: string;
  reference: string;
  workflow: { key: string; version: number };
}

/**
 * The rows a step's effects become: timers to schedule (the last effect on a timer id wins: a
 * step may cancel a timer and schedule it anew), timer ids to cancel, and outbox rows for
 * everything to deliver (notify, refer, requestFollowUp, action, warningChanged, slaBreached,
 * assigned, caseClosed, referralClosed, ...), due now.
 * @example
 * const { scheduled, cancelled, outbox } = effectRows(target, effects);
 */
export function effectRows(target: EffectTarget, effects: readonly Effect[]): EffectRows {
  const last = new Map<string, Effect & { type: 'scheduleTimer' | 'cancelTimer' }>();
  for (const effect of effects) {
    if (effect.type === 'scheduleTimer') last.set(effect.timer.id, effect);
    else if (effect.type === 'cancelTimer') last.set(effect.timerId, effect);
  }
  const scheduled = [...last.values()].flatMap((effect) => (effect.type === 'scheduleTimer' ? [{ id: effect.timer.id, kind: effect.timer.kind, dueAt: effect.timer.dueAt }] : []));
  const cancelled = [...last.entries()].flatMap(([id, effect]) => (effect.type === 'cancelTimer' ? [id] : []));
  const outbox = effects
    .filter((effect) => !NOT_DELIVERED.has(effect.type))
    .map((effect) => ({ id: randomUUID(), type: effect.type, payload: { caseId: target.caseId, reference: target.reference, workflow: target.workflow, effect } }));
  return { scheduled, cancelled, outbox };
}

/**
 * What effectRows derives from a step's effects.
 * @example
 * const rows: EffectRows = { scheduled: [], cancelled: [], outbox: [] };
 */
export interface EffectRows {
  scheduled: Array<{ id: string; kind: string; dueAt: string }>;
  cancelled: string[];
  outbox: Array<{ id: string; type: string; payload: unknown }>;
}

/**
 * Carries a step's effects into the same transaction as statements of their own (the opening of
 * a case; steps write theirs within the step's one statement): `scheduleTimer` upserts a pending
 * timer, `cancelTimer` cancels it, everything to deliver becomes a pending outbox row due now.
 * @example
 * await writeEffects(trx, target, effects, now);
 */
export async function writeEffects(db: Kysely<Database>, target: EffectTarget, effects: readonly Effect[], now: Date): Promise<void> {
  const { scheduled, cancelled, outbox } = effectRows(target, effects);
  if (scheduled.length > 0) {
    await db
      .insertInto('timers')
      .values(scheduled.map((timer) => ({ tenant_id: target.tenantId, case_id: target.caseId, timer_id: timer.id, kind: timer.kind, due_at: timer.dueAt, status: 'pending' as const, fired_at: null })))
      .onConflict((oc) => oc.columns(['tenant_id', 'case_id', 'timer_id']).doUpdateSet((eb) => ({ kind: eb.ref('excluded.kind'), due_at: eb.ref('excluded.due_at'), status: 'pending', fired_at: null })))
      .execute();
  }
  if (cancelled.length > 0) {
    await db
      .updateTable('timers')
      .set({ status: 'cancelled' })
      .where('tenant_id', '=', target.tenantId)
      .where('case_id', '=', target.caseId)
      .where('timer_id', 'in', cancelled)
      .where('status', '=', 'pending')
      .execute();
  }
  if (outbox.length > 0) {
    await db
      .insertInto('outbox')
      .values(outbox.map((row) => ({ tenant_id: target.tenantId, outbox_id: row.id, case_id: target.caseId, type: row.type, payload: JSON.stringify(row.payload), status: 'pending' as const, next_attempt_at: now, last_error: null })))
      .execute();
  }
}
