import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDuration, formatMoney, formatNumber } from './formatters.js';

describe('the locale formatters', () => {
  it('write dates and times the Chinese way or the English way', () => {
    expect(formatDateTime('2025-09-29T01:00:00Z', 'zh-CN', 'Asia/Shanghai')).toBe('2025年9月29日 09:00');
    expect(formatDateTime('2025-09-29T01:00:00Z', 'en', 'Asia/Shanghai')).toBe('29 Sept 2025, 09:00');
    expect(formatDateTime(null, 'zh-CN')).toBe('');
  });

  it('keep a calendar date on its day whatever the time zone', () => {
    expect(formatDate('2025-10-01', 'zh-CN')).toBe('2025年10月1日');
    expect(formatDate('2025-10-01', 'en')).toBe('1 Oct 2025');
  });

  it('write numbers and yuan with the locale grouping', () => {
    expect(formatNumber(23067, 'zh-CN')).toBe('23,067');
    expect(formatMoney(1500, 'zh-CN')).toBe('¥1,500.00');
  });

  it('write durations with their two largest units', () => {
    expect(formatDuration(26 * 3_600_000 + 5 * 60_000, 'zh-CN')).toBe('1天2小时');
    expect(formatDuration(-(2 * 86_400_000 + 3 * 3_600_000), 'en')).toBe('2 days 3 hrs');
    expect(formatDuration(90 * 60_000, 'en')).toBe('1 hr 30 mins');
    expect(formatDuration(20_000, 'zh-CN')).toBe('0分钟');
  });
});
