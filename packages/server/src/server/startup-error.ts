/**
 * A failure the operator can fix (bad configuration, missing secret, port in use): the CLI
 * prints its message alone, without a stack trace, and exits 1.
 * @example
 * throw new StartupError('PORT: must be a port number such as 3000');
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
