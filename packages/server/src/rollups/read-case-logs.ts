import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { LoggedEvent } from './case-facts.js';

interface EventRow {
  tenant_id: string;
  case_id: string;
  seq: number;
  type: string;
  actor_roles: string[];
  data: unknown;
  effects: unknown;
  state_from: string | null;
  state_to: string;
  warning: string;
  created_at: Date | string;
}

function parsed<T>(value: unknown): T | null {
  // pg and PGlite answer jsonb parsed; be tolerant of text.
  return (typeof value === 'string' ? JSON.parse(value) : value) as T | null;
}

function toLogged(row: EventRow): LoggedEvent {
  return {
    seq: row.seq, type: row.type, actorRoles: row.actor_roles, data: parsed<Record<string, unknown>>(row.data) ?? {}, effects: parsed<Array<Record<string, unknown>>>(row.effects) ?? [],
    stateFrom: row.state_from, stateTo: row.state_to, warning: row.warning, createdAt: row.created_at instanceof Date ? row.created_at : new Date(row.created_at),
  };
}

/**
 * Reads the logs of some cases in one query, each in seq order, keyed `tenantId/caseId`, with
 * only what the figures read of each entry's data and effects (see foldCaseEvent): a case's
 * whole log is otherwise mostly texts the figures never look at.
 * @example
 * const logs = await readCaseLogs(db, [{ tenant_id: 'chalu', case_id: id }]);
 */
export async function readCaseLogs(db: Kysely<Database>, cases: ReadonlyArray<{ tenant_id: string; case_id: string }>): Promise<Map<string, LoggedEvent[]>> {
  const keys = JSON.stringify(cases.map((c) => ({ tenant_id: c.tenant_id, case_id: c.case_id })));
  const events = await sql<EventRow>`
    SELECT e.tenant_id, e.case_id, e.seq, e.type, e.actor_roles, e.state_from, e.state_to, e.warning, e.created_at,
      jsonb_strip_nulls(jsonb_build_object('idea_value', e.data->'idea_value', 'satisfaction', e.data->'satisfaction', 'kind', e.data->'kind', 'timerId', e.data->'timerId')) AS data,
      (SELECT coalesce(jsonb_agg(x), '[]'::jsonb) FROM jsonb_array_elements(e.effects) x WHERE x->>'type' IN ('slaBreached', 'refer', 'referralClosed')) AS effects
    FROM jsonb_to_recordset(${keys}::jsonb) AS k(tenant_id text, case_id text)
    JOIN case_events e ON e.tenant_id = k.tenant_id AND e.case_id = k.case_id
    ORDER BY e.tenant_id, e.case_id, e.seq`.execute(db);
  const logs = new Map<string, LoggedEvent[]>();
  for (const row of events.rows) {
    const id = `${row.tenant_id}/${row.case_id}`;
    const list = logs.get(id) ?? [];
    list.push(toLogged(row));
    logs.set(id, list);
  }
  return logs;
}
