/**
 * Thrown by the store when a step was computed from an older version of the case than the one
 * stored: someone else saved in between, so the host must reload the case and decide again.
 * @example
 * try { store.save(id, snapshot.seq, step, cause); } catch (e) { if (e instanceof StaleSaveError) reloadAndRetry(); }
 */
export class StaleSaveError extends Error {
  override readonly name = 'StaleSaveError';
  readonly caseId: string;
  /** The version the step was computed from. */
  readonly expectedSeq: number;
  /** The version the store holds. */
  readonly storedSeq: number;

  constructor(caseId: string, expectedSeq: number, storedSeq: number) {
    super(
      `Case "${caseId}" was not saved: the step was computed from version ${expectedSeq}, but the store holds version ${storedSeq} (someone saved in between). Reload the case and send the event again if it still applies.`,
    );
    this.caseId = caseId;
    this.expectedSeq = expectedSeq;
    this.storedSeq = storedSeq;
  }
}
