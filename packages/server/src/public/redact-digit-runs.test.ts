import { describe, expect, it } from 'vitest';
import { redactDigitRuns } from './redact-digit-runs.js';

describe('redactDigitRuns', () => {
  it('replaces mobile, landline and ID numbers', () => {
    expect(redactDigitRuns('请回电13812345678')).toBe('请回电***');
    expect(redactDigitRuns('电话 138-1234-5678 李')).toBe('电话 *** 李');
    expect(redactDigitRuns('座机0574 6556 0000')).toBe('座机***');
    expect(redactDigitRuns('身份证33022519900101123X')).toBe('身份证***');
    expect(redactDigitRuns('全角１３８１２３４５６７８')).toBe('全角***');
  });

  it('keeps years, counts, distances and bus lines', () => {
    const text = '2025年10人下夜班要走3公里，227路公交开通';
    expect(redactDigitRuns(text)).toBe(text);
    expect(redactDigitRuns('工号 123456')).toBe('工号 123456');
  });
});
