/**
 * The one HTTP error type: a status, a machine-readable code and a message saying how to fix it.
 * @example
 * throw new HttpError(404, 'NOT_FOUND', 'Case "c-1" does not exist or is outside your unions.');
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/**
 * A 404 that does not tell a foreign record from a missing one.
 * @example
 * throw notFound('case', id);
 */
export function notFound(kind: string, id: string): HttpError {
  return new HttpError(404, 'NOT_FOUND', `No ${kind} ${JSON.stringify(id)} exists among the records you may see; check the id.`, { kind, id });
}

/**
 * The 400 of a request body that cannot be read as JSON, with what the parser said (415 when it
 * is in a charset the API does not read).
 * @example
 * throw malformedBody('Unexpected end of JSON input');
 */
export function malformedBody(reason: string, status = 400): HttpError {
  return new HttpError(status, 'MALFORMED_BODY', `The request body is not valid JSON: ${reason}.`);
}

/**
 * The 413 of a request body over the API's limit.
 * @example
 * throw payloadTooLarge();
 */
export function payloadTooLarge(): HttpError {
  return new HttpError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
}
