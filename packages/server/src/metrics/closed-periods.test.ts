import { describe, expect, it } from 'vitest';
import { createClosedPeriods } from './closed-periods.js';
import type { MetricsScope } from './metrics-repository.js';
import { resolvePeriod } from './metrics-period.js';
import type { RollupFigures } from './rollup-repository.js';

const NOW = new Date('2026-11-29T04:00:00Z');
const scopeOf = (from: string, tenantPath = '/ninghai/'): MetricsScope => ({ tenantPath, groupByChild: false, classes: [], ideaRefs: [], period: resolvePeriod({ from }, NOW) });

describe('createClosedPeriods', () => {
  it('computes an ended period once, also for requests that arrive together', async () => {
    const closed = createClosedPeriods();
    let computed = 0;
    const compute = async () => {
      computed += 1;
      return new Map<string, RollupFigures>();
    };
    const [a, b] = await Promise.all([closed.get(scopeOf('2026-10-01'), compute), closed.get(scopeOf('2026-10-01'), compute)]);
    expect(a).toBe(b);
    await closed.get(scopeOf('2026-10-01'), compute);
    expect(computed).toBe(1);
    await closed.get(scopeOf('2026-10-01', '/ninghai/chalu/'), compute);
    expect(computed).toBe(2);
  });

  it('forgets a failed computation and the oldest period when full', async () => {
    const closed = createClosedPeriods(2);
    await expect(closed.get(scopeOf('2026-09-01'), () => Promise.reject(new Error('database went away')))).rejects.toThrow('database went away');
    let computed = 0;
    const compute = async () => {
      computed += 1;
      return new Map<string, RollupFigures>();
    };
    await closed.get(scopeOf('2026-09-01'), compute);
    await closed.get(scopeOf('2026-08-01'), compute);
    await closed.get(scopeOf('2026-07-01'), compute);
    await closed.get(scopeOf('2026-09-01'), compute);
    expect(computed).toBe(4);
  });
});
