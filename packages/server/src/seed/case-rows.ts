import type { Effect, Workflow } from '@shuoshi/engine';
import type { Insertable } from 'kysely';
import { caseColumns, type SnapshotColumns } from '../cases/repository.js';
import type { CaseEventsTable, CasesTable, OutboxTable, TimersTable } from '../db/database.js';
import { ancestorsOf, caseDims, contributionOf, foldCaseFacts, type RollupRow } from '../rollups/index.js';
import type { DemoCase } from './build-demo-data.js';
import { demoTenantPaths } from './demo-tenants.js';

const DEMO_PATHS = demoTenantPaths();

/**
 * The rows one demo case adds, table by table, as the event path would have written them.
 * @example
 * const rows = caseRows(demoCase, workflow);
 * await db.insertInto('case_events').values(rows.events).execute();
 */
export interface CaseRows {
  case: Omit<Insertable<CasesTable>, 'search_words'> & SnapshotColumns;
  events: Insertable<CaseEventsTable>[];
  timers: Insertable<TimersTable>[];
  outbox: Insertable<OutboxTable>[];
  /** The case's contribution to the metric rollups (its facts are on the case row). */
  rollups: RollupRow[];
}

// As the cases resource's writeEffects: these only change the case itself, nothing to deliver.
const NOT_DELIVERED: ReadonlySet<Effect['type']> = new Set(['scheduleTimer', 'cancelTimer', 'stateChanged']);

/**
 * Turns a walked demo case into its rows: the case (the list columns computed exactly as the
 * event path computes them, so the next real event leaves them consistent), one `case_events` row
 * per step, its timers (pending, fired or cancelled), the outbox rows of its effects, marked
 * sent (they belong to the demo's past), and its metric facts and rollup contribution folded from
 * those steps.
 * @example
 * const { case: row, events, timers, outbox } = caseRows(demoCase, engine.workflow(ref));
 */
export function caseRows({ id, reference, walked }: DemoCase, workflow: Workflow): CaseRows {
  const { plan, snapshot } = walked;
  const opener = walked.events[0]?.actor;
  const tenant = plan.tenant;
  const closedEvent = snapshot.status === 'closed' ? walked.events.at(-1) : undefined;
  const ref = { key: plan.workflow.key, version: plan.workflow.version };
  const logged = walked.events.map((event) => ({ ...event, actorRoles: event.actor.roles, createdAt: new Date(event.at) }));
  const facts = foldCaseFacts(logged, caseDims({ tenant_id: tenant, ancestors: ancestorsOf(DEMO_PATHS.get(tenant) ?? `/${tenant}/`), workflow_key: plan.workflow.key, channel: plan.channel, data: snapshot.data }, workflow), workflow);
  return {
    case: {
      ...caseColumns(snapshot, workflow),
      tenant_id: tenant,
      case_id: id,
      reference,
      workflow_tenant_id: plan.workflow.tenant,
      workflow_key: plan.workflow.key,
      workflow_version: plan.workflow.version,
      channel: plan.channel,
      enterprise_id: plan.enterpriseId,
      version: snapshot.seq,
      tracking_hash: null,
      opened_by: opener && !opener.roles.includes('worker') ? opener.id : null,
      opened_at: new Date(plan.openedAt),
      updated_at: new Date(snapshot.updatedAt),
      closed_at: closedEvent ? new Date(closedEvent.at) : null,
      metric_facts: facts === null ? null : JSON.stringify(facts),
    },
    rollups: facts === null ? [] : contributionOf(facts),
    events: walked.events.map((event) => ({
      tenant_id: tenant,
      case_id: id,
      seq: event.seq,
      type: event.type,
      actor_id: event.actor.id,
      actor_roles: [...event.actor.roles],
      data: JSON.stringify(event.data),
      effects: JSON.stringify(event.effects),
      state_from: event.stateFrom,
      state_to: event.stateTo,
      warning: event.warning,
      created_at: new Date(event.at),
    })),
    timers: walked.timers.map((timer) => ({
      tenant_id: tenant,
      case_id: id,
      timer_id: timer.timerId,
      kind: timer.kind,
      due_at: new Date(timer.dueAt),
      status: timer.status,
      created_at: new Date(timer.createdAt),
      fired_at: timer.firedAt === null ? null : new Date(timer.firedAt),
    })),
    outbox: walked.outbox
      .filter((message) => !NOT_DELIVERED.has(message.effect.type))
      .map((message) => ({
        tenant_id: tenant,
        outbox_id: `${id}:${message.seq}:${message.index}`,
        case_id: id,
        type: message.effect.type,
        payload: JSON.stringify({ caseId: id, reference, workflow: ref, effect: message.effect }),
        status: 'sent' as const,
        attempts: 1,
        next_attempt_at: new Date(message.at),
        last_error: null,
        created_at: new Date(message.at),
      })),
  };
}
