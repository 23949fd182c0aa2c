import type { Engine } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { loadRegisteredDefinitions } from './repository.js';

/**
 * What start-up registration did: how many versions the engine now knows, and those it refused.
 * @example
 * const outcome: RegistrationOutcome = { registered: 6, failed: [] };
 */
export interface RegistrationOutcome {
  registered: number;
  failed: Array<{ id: string; tenantId: string; message: string }>;
}

/**
 * Registers every published workflow version in the engine, and every retired one too (cases
 * opened on it still run). A definition the engine refuses is reported, not thrown, so one bad
 * row cannot keep the server from starting; log `failed`.
 * @example
 * const { registered, failed } = await registerPublishedWorkflows(db, engine);
 * for (const f of failed) logger.error(f, 'workflow not registered');
 */
export async function registerPublishedWorkflows(db: Kysely<Database>, engine: Engine): Promise<RegistrationOutcome> {
  const outcome: RegistrationOutcome = { registered: 0, failed: [] };
  for (const row of await loadRegisteredDefinitions(db)) {
    try {
      engine.register(row.definition);
      outcome.registered += 1;
    } catch (error) {
      outcome.failed.push({ id: row.id, tenantId: row.tenantId, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcome;
}

/**
 * Registers one published (or retired) version from the database if the engine does not know it
 * yet, e.g. one another server process published; answers whether the engine knows it now.
 * @example
 * if (!(await ensureWorkflowRegistered(db, engine, { key: 'huchen-help-farmers', version: 2 }))) throw notFound('workflow', 'huchen-help-farmers@2');
 */
export async function ensureWorkflowRegistered(db: Kysely<Database>, engine: Engine, ref: { key: string; version: number }): Promise<boolean> {
  // Asked on every step: a look-up by key, not a scan of a fresh list of every registered version.
  try {
    engine.workflow(ref);
    return true;
  } catch {
    // Not registered in this process (yet): load it below.
  }
  const [row] = await loadRegisteredDefinitions(db, ref);
  if (!row) return false;
  engine.register(row.definition);
  return true;
}
