import type { Kysely } from 'kysely';

/**
 * Runs `work` in a transaction: the caller's, when `db` already is one, else a new one.
 * @example
 * await inTransaction(db, async (trx) => { await a(trx); await b(trx); });
 */
export function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
