/**
 * The server's clock: real time, or in test mode a clock tests can move forward.
 * @example
 * const clock = createClock({ testMode: true });
 * clock.advance(3 * 86_400_000);
 */
export interface Clock {
  now(): Date;
  /** Moves a test clock forward; refused on a real clock. */
  advance(ms: number): Date;
  readonly adjustable: boolean;
}

/**
 * Creates the clock; only a test-mode clock can be moved, and never backwards.
 * @example
 * const clock = createClock({ testMode: false });
 */
export function createClock(options: { testMode: boolean; start?: Date }): Clock {
  let offset = options.start ? options.start.getTime() - Date.now() : 0;
  return {
    adjustable: options.testMode,
    now: () => new Date(Date.now() + offset),
    advance(ms: number) {
      if (!options.testMode) throw new Error('The clock can only be moved on a server started in test mode (SHUOSHI_TEST_MODE=true).');
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`The clock only moves forward by a positive number of milliseconds, got ${String(ms)}.`);
      offset += ms;
      return new Date(Date.now() + offset);
    },
  };
}
