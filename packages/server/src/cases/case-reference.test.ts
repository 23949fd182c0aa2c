import { describe, expect, it } from 'vitest';
import { formatReference, nextReferenceNumber, referencePrefix, referenceYear } from './case-reference.js';

describe('referencePrefix', () => {
  it('takes the initial of every pinyin syllable', () => {
    expect(referencePrefix('ninghai')).toBe('NH');
    expect(referencePrefix('chalu')).toBe('CL');
    expect(referencePrefix('hengxiang')).toBe('HX');
    expect(referencePrefix('gaotan_ws')).toBe('GTWS');
  });

  it('falls back to the first letters of an id that is not pinyin', () => {
    expect(referencePrefix('xyz')).toBe('XY');
    expect(referencePrefix('42')).toBe('SS');
  });
});

describe('references', () => {
  it('formats and counts on', () => {
    expect(formatReference('NH', 2025, 123)).toBe('NH-2025-000123');
    expect(nextReferenceNumber('NH-2025-000122')).toBe(123);
    expect(nextReferenceNumber(undefined)).toBe(1);
  });

  it('takes the year in China', () => {
    expect(referenceYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
    expect(referenceYear(new Date('2025-12-31T15:00:00Z'))).toBe(2025);
  });
});
