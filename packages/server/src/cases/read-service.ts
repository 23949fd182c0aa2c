import { randomUUID } from 'node:crypto';
import type { AvailableEvent, CaseSnapshot } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import type { Database } from '../db/database.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { ListQuery } from '../http/list-query.js';
import { listCases } from './list-repository.js';
import { mayReadPii, piiFields, presentPiiFields } from './pii-mask.js';
import { maskCaseData, presentCase, workflowOf } from './present-case.js';
import { committedCaseCache } from './case-row-cache.js';
import { findCase, readTimeline, type CaseRow } from './repository.js';
import type { CaseDto, CaseFilter, TimelineEntry } from './schemas.js';

function refuseReveal(caller: Caller): never {
  throw new HttpError(403, 'PII_FORBIDDEN', `Your roles [${caller.roles.join(', ')}] may not see personal fields unmasked; leave out reveal=true, or ask a union admin, intake operator, mediator, lawyer or counsellor.`, { roles: caller.roles });
}

async function audit(db: Kysely<Database>, caller: Caller, row: CaseRow, fields: string[], at: Date): Promise<void> {
  if (fields.length === 0) return;
  await db.insertInto('read_audit').values({ tenant_id: row.tenant_id, audit_id: randomUUID(), user_id: caller.userId, case_id: row.case_id, fields, reason: 'reveal', read_at: at }).execute();
}

/**
 * Reads cases for a caller: the list, a case, its timeline and the events the caller may send.
 * Personal fields are masked; `reveal` (PII roles only) unmasks them and writes the read audit.
 * @example
 * const service = createCaseReadService(deps);
 * const dto = await service.show(caller, id, { reveal: false });
 */
export function createCaseReadService(deps: AppDeps) {
  const { db, engine, clock } = deps;
  const cache = committedCaseCache(deps);

  async function caseOrNotFound(caller: Caller, id: string): Promise<CaseRow> {
    const row = await findCase(db, caller, id);
    if (!row) throw notFound('case', id);
    // Opening a case usually comes before an event on it: the event then need not read it again.
    cache?.remember(row, caller.tenantPath);
    return row;
  }

  return {
    /** GET /cases: a page of the caller's cases; a data filter on a personal field needs a PII role. */
    async list(caller: Caller, list: ListQuery<CaseFilter>): Promise<{ rows: CaseDto[]; total: number }> {
      if (list.filter.data !== undefined && !mayReadPii(caller)) {
        const personal = new Set(engine.workflows().flatMap((workflow) => [...piiFields(workflow).keys()]));
        const asked = Object.keys(list.filter.data).filter((field) => personal.has(field));
        if (asked.length > 0) throw new HttpError(400, 'INVALID_QUERY', `The list cannot be filtered on the personal field(s) ${asked.map((f) => JSON.stringify(f)).join(', ')} by your roles [${caller.roles.join(', ')}]; filter on other fields.`, { parameter: 'filter', fields: asked });
      }
      const now = clock.now();
      const { rows, total } = await listCases(db, caller, list, now);
      return { rows: rows.map((row) => presentCase(row, engine, { reveal: false, now })), total };
    },

    /** GET /cases/:id: the case with its snapshot summary. */
    async show(caller: Caller, id: string, options: { reveal: boolean }): Promise<CaseDto> {
      if (options.reveal && !mayReadPii(caller)) refuseReveal(caller);
      const row = await caseOrNotFound(caller, id);
      const snapshot = row.snapshot as CaseSnapshot;
      const now = clock.now();
      if (options.reveal) {
        const workflow = workflowOf(engine, { key: row.workflow_key, version: row.workflow_version });
        await audit(db, caller, row, workflow ? presentPiiFields(snapshot.data, piiFields(workflow)) : Object.keys(snapshot.data), now);
      }
      return presentCase(row, engine, { reveal: options.reveal, now, snapshot });
    },

    /** GET /cases/:id/timeline: the log in order. */
    async timeline(caller: Caller, id: string, options: { reveal: boolean }): Promise<TimelineEntry[]> {
      if (options.reveal && !mayReadPii(caller)) refuseReveal(caller);
      const row = await caseOrNotFound(caller, id);
      const entries = await readTimeline(db, row);
      const workflow = workflowOf(engine, { key: row.workflow_key, version: row.workflow_version });
      if (options.reveal) {
        const fields = new Set(entries.flatMap((entry) => (workflow ? presentPiiFields(entry.data, piiFields(workflow)) : Object.keys(entry.data))));
        await audit(db, caller, row, [...fields].sort(), clock.now());
        return entries;
      }
      return entries.map((entry) => ({ ...entry, data: maskCaseData(entry.data, workflow) }));
    },

    /** GET /cases/:id/events/available: what the caller may send now, with the fields each needs. */
    async availableEvents(caller: Caller, id: string): Promise<AvailableEvent[]> {
      const row = await caseOrNotFound(caller, id);
      return engine.availableEvents(row.snapshot as CaseSnapshot, { id: caller.userId, roles: caller.roles, name: caller.displayName });
    },
  };
}

/**
 * The case read service.
 * @example
 * const reads: CaseReadService = createCaseReadService(deps);
 */
export type CaseReadService = ReturnType<typeof createCaseReadService>;
