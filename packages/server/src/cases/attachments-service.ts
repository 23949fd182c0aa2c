import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../app/app-deps.js';
import type { Caller } from '../auth/caller.js';
import { HttpError, notFound } from '../http/http-error.js';
import { insertAttachment, listAttachments, readAttachment } from './attachments-repository.js';
import { findCase } from './repository.js';
import type { AttachmentDto } from './schemas.js';

/**
 * The largest attachment when the server is not configured otherwise: 5 MiB.
 * @example
 * deps.options.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;
 */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

// The attachments table refuses more than 10 MiB; a larger setting would only fail there.
const TABLE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The largest attachment this server accepts, in bytes.
 * @example
 * attachmentMaxBytes(deps); // 5242880
 */
export function attachmentMaxBytes(deps: Pick<AppDeps, 'options'>): number {
  return Math.min(deps.options.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES, TABLE_MAX_BYTES);
}

/**
 * The 413 for an attachment over the limit, saying the limit.
 * @example
 * throw attachmentTooLarge(6_000_000, 5_242_880);
 */
export function attachmentTooLarge(size: number | undefined, maxBytes: number): HttpError {
  const got = size === undefined ? 'The attachment is' : `The attachment is ${size} bytes,`;
  return new HttpError(413, 'ATTACHMENT_TOO_LARGE', `${got} over the limit of ${maxBytes} bytes (${(maxBytes / 1048576).toFixed(1)} MiB); send a smaller or compressed file.`, { ...(size === undefined ? {} : { size }), maxBytes });
}

/**
 * Attachments of the cases a caller may see: upload (size-limited), list, download.
 * @example
 * const service = createAttachmentService(deps);
 * await service.list(caller, caseId);
 */
export function createAttachmentService(deps: AppDeps) {
  const { db } = deps;

  async function owner(caller: Caller, caseId: string) {
    const row = await findCase(db, caller, caseId);
    if (!row) throw notFound('case', caseId);
    return row;
  }

  return {
    /** Stores a file (given as base64) on a case. */
    async upload(caller: Caller, caseId: string, body: { filename: string; contentType: string; contentBase64: string }): Promise<AttachmentDto> {
      const maxBytes = attachmentMaxBytes(deps);
      // Decoded size from the base64 length, before decoding a file we would refuse.
      const padding = body.contentBase64.endsWith('==') ? 2 : body.contentBase64.endsWith('=') ? 1 : 0;
      const size = (body.contentBase64.length / 4) * 3 - padding;
      if (size > maxBytes) throw attachmentTooLarge(size, maxBytes);
      const row = await owner(caller, caseId);
      const content = Buffer.from(body.contentBase64, 'base64');
      return insertAttachment(db, { tenant_id: row.tenant_id, attachment_id: randomUUID(), case_id: row.case_id, filename: body.filename, content_type: body.contentType, size: content.length, content, uploaded_by: caller.userId, created_at: deps.clock.now() });
    },

    /** The files of a case, without content. */
    async list(caller: Caller, caseId: string): Promise<AttachmentDto[]> {
      return listAttachments(db, await owner(caller, caseId));
    },

    /** One file with its bytes. */
    async download(caller: Caller, caseId: string, attachmentId: string): Promise<{ metadata: AttachmentDto; content: Buffer }> {
      const file = await readAttachment(db, await owner(caller, caseId), attachmentId);
      if (!file) throw notFound('attachment', attachmentId);
      return file;
    },
  };
}

/**
 * The attachment service.
 * @example
 * const attachments: AttachmentService = createAttachmentService(deps);
 */
export type AttachmentService = ReturnType<typeof createAttachmentService>;
