/**
 * The closed set of reasons the engine refuses something.
 * @example
 * if (error instanceof EngineError && error.code === 'MISSING_FIELDS') showForm(error.details.missing);
 */
export const ENGINE_ERROR_CODES = [
  'UNKNOWN_EVENT',
  'NOT_ALLOWED',
  'CONDITION_FAILED',
  'MISSING_FIELDS',
  'INVALID_DATA',
  'SEPARATION_OF_DUTIES',
  'CASE_CLOSED',
  'UNKNOWN_WORKFLOW',
  'INVALID_WORKFLOW',
  'INVALID_SNAPSHOT',
  'UNKNOWN_CALENDAR',
  'UNKNOWN_ACTION',
] as const;

/**
 * One of the engine's error codes.
 * @example
 * const code: EngineErrorCode = 'CASE_CLOSED';
 */
export type EngineErrorCode = (typeof ENGINE_ERROR_CODES)[number];

/**
 * The one error the engine throws; `code` is from a closed set and `details` carries data a
 * caller can branch on (allowed events, missing fields, issues).
 * @example
 * throw new EngineError('UNKNOWN_EVENT', 'Event "foo" is not available in "triage"; available: accept.', { available: ['accept'] });
 */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  readonly code: EngineErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: EngineErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/**
 * Tells whether a value is an EngineError (also across module copies).
 * @example
 * if (isEngineError(e)) res.status(422).json({ code: e.code, message: e.message });
 */
export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError || (value instanceof Error && value.name === 'EngineError' && 'code' in value);
}
