import { randomUUID } from 'node:crypto';
import type { Actor, CaseSnapshot, Effect } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import type { Database } from '../db/database.js';
import { ancestorsOf, caseDims, contributionOf, foldCaseEvent, insertRollupDeltas } from '../rollups/index.js';
import { ensureWorkflowRegistered } from '../workflows/register-published-workflows.js';
import { formatReference, nextReferenceNumber, referencePrefix, referenceYear } from './case-reference.js';
import { writeEffects } from './effects-repository.js';
import { highestReference, pathIds } from './lookups.js';
import { appendEvent, caseColumns, insertCase, type CaseListRow } from './repository.js';

/**
 * The log type of a case's first entry, its opening.
 * @example
 * entries[0]?.type === OPEN_EVENT;
 */
export const OPEN_EVENT = '$open';

/**
 * What opening a case needs once the union, the workflow version and the actor are settled.
 * @example
 * const input: OpenCaseInput = { tenant: { tenantId: 'chalu', path: '/ninghai/chalu/' }, workflow: { tenantId: 'ninghai', key: 'union-grievance', version: 1 }, data, channel: 'online', actor, enterpriseId: null, trackingHash: null, openedBy: null };
 */
export interface OpenCaseInput {
  tenant: { tenantId: string; path: string };
  /** The published version to start, and the union that published it. */
  workflow: { tenantId: string; key: string; version: number };
  data: Record<string, unknown>;
  channel: string;
  actor: Actor;
  enterpriseId: string | null;
  /** Hash of the worker's tracking code, for matters filed through the public page. */
  trackingHash: string | null;
  /** The staff user who opened it; null for a worker's own filing. */
  openedBy: string | null;
}

/**
 * Opens a case inside the caller's transaction: starts the engine, numbers the case within its
 * county (e.g. NH-2025-000042), writes the row, the `$open` log entry, timers, outbox rows and
 * the case's first metric deltas.
 * Engine refusals (bad data) are thrown as they are.
 * @example
 * const { row, snapshot } = await openCase(trx, deps, input);
 */
export async function openCase(trx: Kysely<Database>, deps: Pick<AppDeps, 'engine' | 'clock'>, input: OpenCaseInput): Promise<{ row: CaseListRow; snapshot: CaseSnapshot; effects: Effect[] }> {
  const { engine, clock } = deps;
  const ref = { key: input.workflow.key, version: input.workflow.version };
  await ensureWorkflowRegistered(trx, engine, ref);
  const workflow = engine.workflow(ref);
  const { snapshot, effects } = engine.start(ref, { data: input.data, actor: input.actor, channel: input.channel });
  const now = clock.now();
  const tenantId = input.tenant.tenantId;
  const root = pathIds(input.tenant.path)[0] ?? tenantId;
  const [letters, year] = [referencePrefix(root), referenceYear(now)];
  const reference = formatReference(letters, year, nextReferenceNumber(await highestReference(trx, root, `${letters}-${year}-`)));
  const caseId = randomUUID();
  const opening = { seq: 1, type: OPEN_EVENT, actorRoles: input.actor.roles, data: input.data, effects, stateFrom: null, stateTo: snapshot.state, warning: snapshot.warning, createdAt: now };
  const facts = foldCaseEvent(null, opening, caseDims({ tenant_id: tenantId, ancestors: ancestorsOf(input.tenant.path), workflow_key: ref.key, channel: input.channel, data: snapshot.data }, workflow), workflow);
  const row = await insertCase(trx, {
    ...caseColumns(snapshot, workflow),
    tenant_id: tenantId,
    case_id: caseId,
    reference,
    workflow_tenant_id: input.workflow.tenantId,
    workflow_key: ref.key,
    workflow_version: ref.version,
    channel: input.channel,
    enterprise_id: input.enterpriseId,
    version: 1,
    tracking_hash: input.trackingHash,
    opened_by: input.openedBy,
    opened_at: now,
    updated_at: now,
    closed_at: snapshot.status === 'closed' ? now : null,
    metric_facts: JSON.stringify(facts),
  });
  await appendEvent(trx, {
    tenant_id: tenantId,
    case_id: caseId,
    seq: 1,
    type: OPEN_EVENT,
    actor_id: input.actor.id,
    actor_roles: [...input.actor.roles],
    data: JSON.stringify(input.data),
    effects: JSON.stringify(effects),
    state_from: null,
    state_to: snapshot.state,
    warning: snapshot.warning,
    created_at: now,
  });
  await writeEffects(trx, { tenantId, caseId, reference, workflow: ref }, effects, now);
  await insertRollupDeltas(trx, contributionOf(facts));
  return { row, snapshot, effects };
}
