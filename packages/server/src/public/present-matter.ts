import type { Engine, LocalizedText, Workflow } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import { OPEN_EVENT, workflowOf, type CaseRow } from '../cases/index.js';
import type { Database } from '../db/database.js';
import { ensureWorkflowRegistered } from '../workflows/register-published-workflows.js';
import { findUnion, readPublicEvents, staffNames } from './public-repository.js';
import { redactDigitRuns } from './redact-digit-runs.js';
import type { PublicMatter } from './schemas.js';
import { workerActor } from './tracking-code.js';

const OPENED: LocalizedText = { zh: '提交诉求', en: 'Matter submitted' };
const TIMED_OUT: LocalizedText = { zh: '到期自动流转', en: 'Moved on when its time ran out' };
const RATING_EVENTS = new Set(['rate', 'dissatisfied']);

type By = PublicMatter['timeline'][number]['by'];

function actorKind(roles: readonly string[]): By {
  if (roles.includes('worker')) return 'worker';
  if (roles.includes('agency')) return 'agency';
  if (roles.includes('system')) return 'system';
  return 'staff';
}

function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

function eventLabel(workflow: Workflow | undefined, type: string, from: string | null): LocalizedText | null {
  if (type === OPEN_EVENT) return OPENED;
  if (type.startsWith('$')) return TIMED_OUT;
  const state = from === null ? undefined : workflow?.states[from];
  return state?.transitions.find((transition) => transition.event === type)?.label ?? null;
}

/**
 * A case as the worker sees it by tracking code: reference, workflow and state titles, the state
 * changes with their dates (staff names only when the workflow's `public.showStaffNames`), the
 * answer (the `resolution` field) and the rating. Personal fields, internal notes, assignees,
 * warnings and deadlines are left out.
 * @example
 * const matter = await presentMatter(db, engine, row);
 */
export async function presentMatter(db: Kysely<Database>, engine: Engine, row: Omit<CaseRow, 'metric_facts' | 'row_xmin'>): Promise<PublicMatter> {
  const ref = { key: row.workflow_key, version: row.workflow_version };
  await ensureWorkflowRegistered(db, engine, ref);
  const workflow = workflowOf(engine, ref);
  const [union, events] = [await findUnion(db, row.tenant_id), await readPublicEvents(db, row)];
  // Only steps that move the case: assignments, claims and warning timers stay inside the union.
  const moves = events.filter((entry) => entry.type === OPEN_EVENT || entry.state_from !== entry.state_to);
  const showNames = workflow?.public?.showStaffNames === true;
  const names = showNames ? await staffNames(db, [...new Set(moves.filter((e) => actorKind(e.actor_roles) === 'staff').map((e) => e.actor_id))]) : new Map<string, string>();
  const timeline = moves.map((entry) => {
    const by = actorKind(entry.actor_roles);
    const name = by === 'staff' ? names.get(entry.actor_id) : undefined;
    return {
      at: iso(entry.created_at),
      event: entry.type,
      label: eventLabel(workflow, entry.type, entry.state_from),
      from: entry.state_from,
      to: entry.state_to,
      toTitle: workflow?.states[entry.state_to]?.title ?? null,
      by,
      ...(name !== undefined ? { staffName: name } : {}),
    };
  });
  const data = row.data;
  const answer = typeof data['resolution'] === 'string' && data['resolution'].trim() !== '' ? data['resolution'] : null;
  const satisfaction = typeof data['satisfaction'] === 'number' ? data['satisfaction'] : null;
  const snapshot = row.snapshot as Parameters<Engine['availableEvents']>[0];
  // The worker's actor id does not matter here: a worker never counts as the case's handler.
  const awaitingRating = workflow !== undefined && row.status === 'open' && engine.availableEvents(snapshot, workerActor(row.tracking_hash ?? '')).some((event) => RATING_EVENTS.has(event.event));
  return {
    reference: row.reference,
    union: { id: row.tenant_id, name: { zh: union?.name_zh ?? row.tenant_id, en: union?.name_en ?? row.tenant_id } },
    workflow: { key: row.workflow_key, title: workflow?.title ?? { zh: row.workflow_key, en: row.workflow_key } },
    title: redactDigitRuns(row.title),
    state: row.state,
    stateTitle: workflow?.states[row.state]?.title ?? null,
    status: row.status,
    openedAt: iso(row.opened_at),
    closedAt: row.closed_at === null ? null : iso(row.closed_at),
    timeline,
    answer,
    awaitingRating,
    rating: satisfaction === null ? null : { satisfaction },
  };
}
