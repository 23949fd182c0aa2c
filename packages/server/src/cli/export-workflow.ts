import { validateWorkflow } from '@shuoshi/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { CliError } from './cli-io.js';

/**
 * Reads a workflow's definition by key: the version asked for, else the latest published one
 * (else the latest version of any status, e.g. a draft that was never published). A valid
 * definition is printed in the language's order (rows stored before migration 0005 kept jsonb's).
 * @example
 * const definition = await exportWorkflow(db, 'union-grievance', undefined);
 */
export async function exportWorkflow(db: Kysely<Database>, key: string, version: number | undefined): Promise<unknown> {
  const rows = await db.selectFrom('workflows').select(['version', 'status', 'definition', 'tenant_id']).where('key', '=', key).orderBy('version', 'desc').execute();
  if (rows.length === 0) {
    const keys = await db.selectFrom('workflows').select('key').distinct().orderBy('key').execute();
    throw new CliError(`There is no workflow with key ${JSON.stringify(key)}; keys in this database: ${keys.map((k) => k.key).join(', ') || 'none'}.`);
  }
  const row = version === undefined ? (rows.find((r) => r.status === 'published') ?? rows[0]) : rows.find((r) => r.version === version);
  if (!row) throw new CliError(`Workflow ${JSON.stringify(key)} has no version ${version}; its versions are ${rows.map((r) => `${r.version} (${r.status})`).join(', ')}.`);
  const checked = validateWorkflow(row.definition);
  return checked.ok ? checked.workflow : row.definition;
}
