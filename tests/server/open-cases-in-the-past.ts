import { BUILTIN_TEMPLATES, createEngine, SYSTEM_ACTOR } from '@shuoshi/engine';
import { openCase } from '@shuoshi/server';
import type { DatabaseHandle } from '@shuoshi/server';

/**
 * Opens union-grievance cases dated `daysAgo` days back, until their timers (SLA and warning
 * ladder of the intake) number at least `timers`: every one of them is due now.
 * @example
 * await openCasesInThePast(db, { tenantId: 'bench', timers: 2000, daysAgo: 30 });
 */
export async function openCasesInThePast(db: DatabaseHandle['db'], options: { tenantId: string; timers: number; daysAgo: number }): Promise<number> {
  const at = new Date(Date.now() - options.daysAgo * 86_400_000);
  const clock = { now: () => at, advance: () => at, adjustable: false };
  // The engine dates the SLA and the ladder from its own clock: set it back too.
  const engine = createEngine({ workflows: [...BUILTIN_TEMPLATES], now: () => at });
  let timers = 0;
  let opened = 0;
  await db.transaction().execute(async (trx) => {
    while (timers < options.timers) {
      const { effects } = await openCase(trx, { engine, clock }, {
        tenant: { tenantId: options.tenantId, path: `/${options.tenantId}/` },
        workflow: { tenantId: options.tenantId, key: 'union-grievance', version: 1 },
        data: { title: `过去的事项 ${opened + 1}`, description: '用于计时器测试' },
        channel: 'phone',
        actor: { ...SYSTEM_ACTOR, roles: ['intake_operator'] },
        enterpriseId: null,
        trackingHash: null,
        openedBy: null,
      });
      timers += effects.filter((effect) => effect.type === 'scheduleTimer').length;
      opened += 1;
    }
  });
  return opened;
}
