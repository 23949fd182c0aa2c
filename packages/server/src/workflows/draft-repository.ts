import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { workflowId, type WorkflowRef } from './repository.js';

type Db = Kysely<Database>;

/**
 * Which union uses a key, and its highest version and open draft: keys are unique across unions,
 * so this reads past the caller's scope (it answers only whether the key is taken). Serialised per
 * key by a transaction-level advisory lock, since no unique index can span unions.
 * @example
 * const usage = await lockKeyUsage(trx, 'huchen-help-farmers');
 */
export async function lockKeyUsage(trx: Db, key: string): Promise<{ owners: string[]; maxVersion: number; draft: string | undefined }> {
  await sql`select pg_advisory_xact_lock(hashtext(${`shuoshi.workflow-key:${key}`}))`.execute(trx);
  const rows = await trx.selectFrom('workflows').select(['tenant_id', 'version', 'status', 'workflow_id']).where('key', '=', key).execute();
  return {
    owners: [...new Set(rows.map((r) => r.tenant_id))],
    maxVersion: rows.reduce((max, r) => Math.max(max, r.version), 0),
    draft: rows.find((r) => r.status === 'draft')?.workflow_id,
  };
}

/**
 * What a new workflow version row holds.
 * @example
 * await insertWorkflow(trx, { tenantId: 'huchen', key, version: 1, definition, overlay, parent, createdBy });
 */
export interface NewWorkflow {
  tenantId: string;
  key: string;
  version: number;
  definition: unknown;
  overlay: unknown;
  parent: WorkflowRef | null;
  createdBy: string;
  title: { zh: string; en: string };
}

/**
 * Inserts a draft version.
 * @example
 * await insertDraft(trx, draft);
 */
export async function insertDraft(trx: Db, draft: NewWorkflow): Promise<string> {
  const id = workflowId(draft.key, draft.version);
  await trx
    .insertInto('workflows')
    .values({
      tenant_id: draft.tenantId,
      workflow_id: id,
      key: draft.key,
      version: draft.version,
      status: 'draft',
      title_zh: draft.title.zh,
      title_en: draft.title.en,
      definition: JSON.stringify(draft.definition),
      overlay: draft.overlay === null ? null : JSON.stringify(draft.overlay),
      parent_tenant_id: draft.parent?.tenantId ?? null,
      parent_key: draft.parent?.key ?? null,
      parent_version: draft.parent?.version ?? null,
      created_by: draft.createdBy,
    })
    .execute();
  return id;
}

/**
 * Replaces a draft's content (definition, overlay, parent version after a rebase, title).
 * @example
 * await updateDraft(trx, { tenantId: 'huchen', id }, { definition, overlay, title });
 */
export async function updateDraft(trx: Db, where: { tenantId: string; id: string }, content: { definition: unknown; overlay: unknown; title: { zh: string; en: string }; parentVersion?: number }): Promise<void> {
  await trx
    .updateTable('workflows')
    .set({
      definition: JSON.stringify(content.definition),
      overlay: content.overlay === null ? null : JSON.stringify(content.overlay),
      title_zh: content.title.zh,
      title_en: content.title.en,
      ...(content.parentVersion === undefined ? {} : { parent_version: content.parentVersion }),
    })
    .where('tenant_id', '=', where.tenantId)
    .where('workflow_id', '=', where.id)
    .where('status', '=', 'draft')
    .execute();
}

/**
 * Marks a draft published with its validated definition, or a published version retired.
 * @example
 * await setStatus(trx, { tenantId, id }, { status: 'published', definition, note, at });
 */
export async function setStatus(trx: Db, where: { tenantId: string; id: string }, change: { status: 'published' | 'retired'; definition?: unknown; note?: string | undefined; at: Date }): Promise<void> {
  await trx
    .updateTable('workflows')
    .set({
      status: change.status,
      ...(change.definition === undefined ? {} : { definition: JSON.stringify(change.definition) }),
      ...(change.note === undefined ? {} : { note: change.note }),
      ...(change.status === 'published' ? { published_at: change.at } : {}),
    })
    .where('tenant_id', '=', where.tenantId)
    .where('workflow_id', '=', where.id)
    .execute();
}
