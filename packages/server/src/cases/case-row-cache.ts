import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { CaseRow } from './repository.js';

/**
 * The case rows this process last read or wrote, so that an event sent for the version the
 * server already holds skips reading the case. A cached row is never trusted on its own: the
 * step's write is guarded by the row's version AND its `xmin` (the transaction that wrote that
 * row version), so any change made since — by another process, a timer, or a writer that does
 * not bump the version — makes the write miss, and the step reads the case and runs again.
 * @example
 * const cache = createCaseRowCache({ maxEntries: 1000 });
 * cache.remember(row, caller.tenantPath);
 * const hit = cache.visible(caseId, caller.tenantPath);
 */
export interface CaseRowCache {
  /**
   * The cached row of a case, when a caller of `tenantPath`'s union has been shown to see it (a
   * union's path never changes, so once seen it stays visible to that union's callers).
   */
  visible(caseId: string, tenantPath: string): CaseRow | undefined;
  /** The cached row of a case by its keys, for steps taken for someone who is not a signed-in user. */
  byKeys(tenantId: string, caseId: string): CaseRow | undefined;
  /**
   * Keeps a row as the case's latest, seen by a caller of `tenantPath` when given. Callers shown
   * an earlier row of the same case keep seeing it (a case never changes its union).
   */
  remember(row: CaseRow, tenantPath?: string): void;
  /** Drops a case (its cached row turned out stale). */
  forget(caseId: string): void;
  readonly size: number;
}

interface Entry {
  row: CaseRow;
  /** Union paths whose callers found this case in their scope. */
  seenBy: Set<string>;
}

/**
 * Creates a case row cache holding at most `maxEntries` cases, the least recently used dropped
 * first; `maxEntries: 0` turns it off.
 * @example
 * const cache = createCaseRowCache({ maxEntries: 1000 });
 */
export function createCaseRowCache(options: { maxEntries: number }): CaseRowCache {
  const { maxEntries } = options;
  const entries = new Map<string, Entry>();

  function touch(caseId: string, entry: Entry): void {
    // Maps iterate in insertion order: moving a used entry to the end keeps the first one the least recently used.
    entries.delete(caseId);
    entries.set(caseId, entry);
  }

  return {
    visible(caseId, tenantPath) {
      const entry = entries.get(caseId);
      if (!entry || !entry.seenBy.has(tenantPath)) return undefined;
      touch(caseId, entry);
      return entry.row;
    },
    byKeys(tenantId, caseId) {
      const entry = entries.get(caseId);
      if (!entry || entry.row.tenant_id !== tenantId) return undefined;
      touch(caseId, entry);
      return entry.row;
    },
    remember(row, tenantPath) {
      if (maxEntries <= 0) return;
      const known = entries.get(row.case_id);
      // Two unions may hold cases of the same id: what one union's callers saw says nothing of the other's.
      const seenBy = known && known.row.tenant_id === row.tenant_id ? known.seenBy : new Set<string>();
      if (tenantPath !== undefined) seenBy.add(tenantPath);
      touch(row.case_id, { row, seenBy });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
    forget(caseId) {
      entries.delete(caseId);
    },
    get size() {
      return entries.size;
    },
  };
}

/**
 * The cache a service working on `db` may use: none inside a transaction, where a row it read or
 * wrote is not committed yet and may still be rolled back.
 * @example
 * const cache = committedCaseCache(deps); // undefined when deps.db is a transaction
 */
export function committedCaseCache(deps: { db: Kysely<Database>; caseCache?: CaseRowCache | undefined }): CaseRowCache | undefined {
  return deps.db.isTransaction ? undefined : deps.caseCache;
}
