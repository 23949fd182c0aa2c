import { sql, type Kysely } from 'kysely';
import type { AppDeps } from '../app/app-deps.js';
import { pathIds } from '../cases/lookups.js';
import type { Database } from '../db/database.js';
import { monthOf, shanghaiDate, shanghaiMidnight } from '../metrics/metrics-period.js';
import { evaluateRisk } from './evaluate-risk.js';
import {
  claimRiskWatermark,
  enterprisesWithEventsSince,
  loadRiskCases,
  loadRiskEnterprises,
  loadRuleSets,
  loadStoredColours,
  saveRiskWatermark,
  writeRiskAssessments,
  type RiskEnterprise,
  type RiskWrite,
} from './risk-repository.js';
import { DEFAULT_RISK_RULES, riskRuleListSchema, type RiskRule } from './risk-rules.js';

const DAY = 86_400_000;

/**
 * How far back each incremental sweep re-reads the log before its watermark: an event committed
 * late (its transaction began before the previous sweep, with an earlier time) is still seen, as
 * long as its transaction took less than this. Re-reading is harmless: a recomputation that finds
 * the same colour writes no history.
 * @example
 * const since = new Date(watermark.getTime() - RISK_OVERLAP_MS);
 */
export const RISK_OVERLAP_MS = 5 * 60_000;

/**
 * What a sweep did: whether it got the watermark, how many enterprises it recomputed and how many
 * changed colour, and whether it was a full sweep.
 * @example
 * const outcome: RiskSweepOutcome = { claimed: true, full: false, recomputed: 3, changed: 1 };
 */
export interface RiskSweepOutcome {
  claimed: boolean;
  full: boolean;
  recomputed: number;
  changed: number;
}

/**
 * Options of a sweep: wait for the watermark instead of skipping when another process holds it;
 * force a full sweep; limit a forced sweep to the enterprises of a subtree.
 * @example
 * const options: RiskSweepOptions = { wait: true, full: true, subtreePath: '/ninghai/chalu/' };
 */
export interface RiskSweepOptions {
  wait?: boolean;
  full?: boolean;
  subtreePath?: string;
}

/**
 * The rules that apply to an enterprise of a union: those of the nearest union on its path (itself
 * first) that stored its own, else the county defaults.
 * @example
 * const rules = rulesForPath('/ninghai/chalu/gaotan/', ruleSets);
 */
export function rulesForPath(tenantPath: string, ruleSets: ReadonlyMap<string, unknown>): readonly RiskRule[] {
  for (const id of pathIds(tenantPath).reverse()) {
    if (!ruleSets.has(id)) continue;
    const parsed = riskRuleListSchema.safeParse(ruleSets.get(id));
    // Stored lists were checked when saved; one that no longer parses falls back to the defaults.
    if (parsed.success) return parsed.data;
  }
  return DEFAULT_RISK_RULES;
}

function earliestOpening(rules: readonly RiskRule[], now: Date): Date | null {
  let earliest = now.getTime();
  for (const rule of rules) {
    if (rule.cases.status === 'open') continue;
    if (rule.cases.opened === 'this_month') earliest = Math.min(earliest, shanghaiMidnight(monthOf(shanghaiDate(now)).first).getTime());
    else if (rule.cases.openedWithinDays !== undefined) earliest = Math.min(earliest, now.getTime() - rule.cases.openedWithinDays * DAY);
    // A rule on closed cases without a time window needs every case.
    else return null;
  }
  return new Date(earliest);
}

/**
 * Recomputes these enterprises' colours at `now` and writes the rows and history; answers what it wrote.
 * @example
 * const writes = await recomputeEnterprises(trx, enterprises, now);
 */
export async function recomputeEnterprises(trx: Kysely<Database>, enterprises: readonly RiskEnterprise[], now: Date): Promise<RiskWrite[]> {
  if (enterprises.length === 0) return [];
  const ruleSets = await loadRuleSets(trx);
  const rulesOf = new Map(enterprises.map((e) => [e.enterpriseId, rulesForPath(e.tenantPath, ruleSets)]));
  const openings = [...rulesOf.values()].map((rules) => earliestOpening(rules, now));
  const since = openings.includes(null) ? null : new Date(Math.min(...openings.map((d) => d?.getTime() ?? now.getTime())));
  const cases = await loadRiskCases(trx, [...new Set(enterprises.map((e) => e.enterpriseId))], since);
  const stored = await loadStoredColours(trx, enterprises);
  const writes = enterprises.map((enterprise): RiskWrite => {
    const assessment = evaluateRisk(cases.get(enterprise.enterpriseId) ?? [], rulesOf.get(enterprise.enterpriseId) ?? DEFAULT_RISK_RULES, now);
    const previous = stored.get(`${enterprise.tenantId}/${enterprise.enterpriseId}`) ?? 'green';
    return { enterprise, assessment, previous, changed: previous !== assessment.colour };
  });
  await writeRiskAssessments(trx, writes, now);
  return writes;
}

/**
 * One sweep of the risk register, in one transaction that holds the watermark row: safe with
 * several server processes on one PostgreSQL (the others skip while one works) and on PGlite. An
 * incremental sweep recomputes the enterprises named on cases whose events were logged since the
 * watermark (less {@link RISK_OVERLAP_MS}); the first sweep of each day in Asia/Shanghai (or a forced
 * one) recomputes every enterprise, so colours that depend on time ("this month") fall on their own.
 * @example
 * const { changed } = await sweepRiskRegister(deps);
 */
export async function sweepRiskRegister(deps: Pick<AppDeps, 'db' | 'clock'>, options: RiskSweepOptions = {}): Promise<RiskSweepOutcome> {
  return deps.db.transaction().execute(async (trx) => {
    const watermark = await claimRiskWatermark(trx, { skipLocked: options.wait !== true });
    if (!watermark) return { claimed: false, full: false, recomputed: 0, changed: 0 };
    const now = deps.clock.now();
    const full = options.full === true || watermark.lastFullAt === null || shanghaiDate(watermark.lastFullAt) !== shanghaiDate(now);
    let enterprises: RiskEnterprise[];
    let newest: Date | null;
    if (full) {
      enterprises = await loadRiskEnterprises(trx, undefined, options.subtreePath);
      const { rows } = await sql<{ newest: Date | string | null }>`select max(created_at) as newest from case_events`.execute(trx);
      newest = rows[0]?.newest ? new Date(rows[0].newest) : null;
    } else {
      const since = watermark.lastEventAt === null ? null : new Date(watermark.lastEventAt.getTime() - RISK_OVERLAP_MS);
      const touched = await enterprisesWithEventsSince(trx, since, watermark.lastEventAt);
      enterprises = await loadRiskEnterprises(trx, touched.enterpriseIds);
      newest = touched.newest;
    }
    const writes = await recomputeEnterprises(trx, enterprises, now);
    // A sweep limited to a subtree is not a full sweep of the register: it leaves the watermark.
    if (options.subtreePath === undefined) {
      const lastEventAt = newest === null || (watermark.lastEventAt !== null && watermark.lastEventAt > newest) ? watermark.lastEventAt : newest;
      await saveRiskWatermark(trx, { lastEventAt, lastFullAt: full ? now : watermark.lastFullAt });
    }
    return { claimed: true, full, recomputed: writes.length, changed: writes.filter((w) => w.changed).length };
  });
}
