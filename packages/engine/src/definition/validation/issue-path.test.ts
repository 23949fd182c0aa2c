import { describe, expect, it } from 'vitest';
import { formatPath, parsePath } from './issue-path.js';

describe('issue paths', () => {
  it('formats keys and indices as a readable path', () => {
    expect(formatPath(['states', 'triage', 'transitions', 2, 'target'])).toBe('states.triage.transitions[2].target');
  });

  it('quotes keys that are not plain names', () => {
    expect(formatPath(['states', 'Odd key', 'title'])).toBe('states["Odd key"].title');
  });

  it('parses a path back into segments', () => {
    for (const segments of [['states', 'Odd "key"', 'transitions', 0], ['initial'], [], ['fields', 'a.b']]) {
      expect(parsePath(formatPath(segments))).toEqual(segments);
    }
  });

  it('rejects a path it cannot read', () => {
    expect(() => parsePath('states..x')).toThrow(/"states..x"/);
  });
});
