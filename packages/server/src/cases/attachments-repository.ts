import type { Insertable, Kysely } from 'kysely';
import type { AttachmentsTable, Database } from '../db/database.js';
import type { AttachmentDto } from './schemas.js';

const METADATA = ['attachment_id', 'case_id', 'filename', 'content_type', 'size', 'uploaded_by', 'created_at'] as const;

function toDto(row: { attachment_id: string; case_id: string; filename: string; content_type: string; size: number; uploaded_by: string; created_at: Date }): AttachmentDto {
  return { id: row.attachment_id, caseId: row.case_id, filename: row.filename, contentType: row.content_type, size: row.size, uploadedBy: row.uploaded_by, createdAt: new Date(row.created_at).toISOString() };
}

/**
 * Stores an attachment of a case and answers its metadata.
 * @example
 * await insertAttachment(db, { tenant_id, attachment_id, case_id, filename, content_type, size, content, uploaded_by });
 */
export async function insertAttachment(db: Kysely<Database>, row: Insertable<AttachmentsTable>): Promise<AttachmentDto> {
  return toDto(await db.insertInto('attachments').values(row).returning(METADATA).executeTakeFirstOrThrow());
}

/**
 * The attachments of a case, oldest first, without their content.
 * @example
 * await listAttachments(db, { tenant_id: 'chalu', case_id: id });
 */
export async function listAttachments(db: Kysely<Database>, owner: { tenant_id: string; case_id: string }): Promise<AttachmentDto[]> {
  const rows = await db.selectFrom('attachments').select(METADATA).where('tenant_id', '=', owner.tenant_id).where('case_id', '=', owner.case_id).orderBy('created_at').orderBy('attachment_id').execute();
  return rows.map(toDto);
}

/**
 * One attachment of a case with its bytes; undefined when the case has no such attachment.
 * @example
 * const file = await readAttachment(db, owner, attachmentId);
 */
export async function readAttachment(db: Kysely<Database>, owner: { tenant_id: string; case_id: string }, attachmentId: string): Promise<{ metadata: AttachmentDto; content: Buffer } | undefined> {
  const row = await db
    .selectFrom('attachments')
    .select([...METADATA, 'content'])
    .where('tenant_id', '=', owner.tenant_id)
    .where('case_id', '=', owner.case_id)
    .where('attachment_id', '=', attachmentId)
    .executeTakeFirst();
  // pg answers a Buffer, PGlite a Uint8Array.
  return row ? { metadata: toDto(row), content: Buffer.from(row.content) } : undefined;
}
