import { unionGrievance } from '@shuoshi/engine';
import { describe, expect, it } from 'vitest';
import { maskData, maskValue, mayReadPii, piiFields, presentPiiFields } from './pii-mask.js';

describe('maskValue', () => {
  it('keeps the first 3 and last 4 digits of a phone number', () => {
    expect(maskValue('13800000000', 'phone')).toBe('138****0000');
    expect(maskValue('+86 138-1234-5678', 'phone')).toBe('861****5678');
  });

  it('masks a short phone number and any other value entirely', () => {
    expect(maskValue('110', 'phone')).toBe('***');
    expect(maskValue('张三', 'text')).toBe('***');
    expect(maskValue(42, 'integer')).toBe('***');
  });

  it('leaves an empty value empty', () => {
    expect(maskValue(null, 'text')).toBeNull();
  });
});

describe('maskData', () => {
  it('masks the personal fields of union-grievance and nothing else', () => {
    const fields = piiFields(unionGrievance);
    expect([...fields.keys()].sort()).toEqual(['worker_name', 'worker_phone']);
    const data = { title: '袖套', worker_name: '李阿姨', worker_phone: '13800000000' };
    expect(maskData(data, fields)).toEqual({ title: '袖套', worker_name: '***', worker_phone: '138****0000' });
    expect(data.worker_name).toBe('李阿姨');
    expect(presentPiiFields(data, fields)).toEqual(['worker_name', 'worker_phone']);
    expect(presentPiiFields({ title: 'x' }, fields)).toEqual([]);
  });
});

describe('piiFields', () => {
  it('reads a workflow once and answers the same fields after', () => {
    expect(piiFields(unionGrievance)).toBe(piiFields(unionGrievance));
  });
});

describe('mayReadPii', () => {
  it('allows the roles in PII_ROLES only', () => {
    expect(mayReadPii({ roles: ['mediator'] })).toBe(true);
    expect(mayReadPii({ roles: ['supervisor', 'early_warning_officer'] })).toBe(false);
  });
});
