import { shanghaiDate } from '../metrics/metrics-period.js';
import type { RiskRule } from './risk-rules.js';

const DAY = 86_400_000;

/**
 * A risk colour, from none to most serious.
 * @example
 * const colour: RiskColour = 'yellow';
 */
export type RiskColour = 'green' | 'yellow' | 'red';

/**
 * What a rule looks at in one of the enterprise's cases.
 * @example
 * const c: RiskCase = { status: 'open', warning: 'red', openedAt: new Date(), data: { category: 'wages' }, workflowCategory: 'grievance' };
 */
export interface RiskCase {
  /** `open`: in hand (not closed, and not yet in a state tagged resolved or follow_up); `closed` otherwise. */
  status: 'open' | 'closed';
  warning: RiskColour;
  openedAt: Date;
  data: Record<string, unknown>;
  workflowCategory: string | null;
}

/**
 * Why an enterprise has its colour: one firing rule, its measured value and its text.
 * @example
 * const r: RiskReason = { rule: 'open_red_case', level: 'red', value: 2, zh: '2件在办事项为红色预警', en: '2 open case(s) with a red warning' };
 */
export interface RiskReason {
  rule: string;
  level: 'yellow' | 'red';
  value: number;
  zh: string;
  en: string;
}

/**
 * An enterprise's colour, the rules that fired (red first) and how many of its cases are open.
 * @example
 * const a: RiskAssessment = { colour: 'green', reasons: [], openCases: 0 };
 */
export interface RiskAssessment {
  colour: RiskColour;
  reasons: RiskReason[];
  openCases: number;
}

const RANK: Record<RiskColour, number> = { green: 0, yellow: 1, red: 2 };

/**
 * Tells which of two colours is more serious.
 * @example
 * worse('yellow', 'red'); // 'red'
 */
export function worse(a: RiskColour, b: RiskColour): RiskColour {
  return RANK[b] > RANK[a] ? b : a;
}

function matches(rule: RiskRule, c: RiskCase, now: Date): boolean {
  const f = rule.cases;
  if (f.status !== 'any' && c.status !== f.status) return false;
  if (f.warning && !f.warning.includes(c.warning)) return false;
  if (f.opened === 'this_month' && shanghaiDate(c.openedAt).slice(0, 7) !== shanghaiDate(now).slice(0, 7)) return false;
  if (f.openedWithinDays !== undefined && c.openedAt.getTime() < now.getTime() - f.openedWithinDays * DAY) return false;
  if (f.dataAnyOf && !f.dataAnyOf.some((d) => d.in.some((value) => value === c.data[d.field]))) return false;
  if (f.workflowCategories && !f.workflowCategories.includes(c.workflowCategory ?? '')) return false;
  if (f.excludeWorkflowCategories && f.excludeWorkflowCategories.includes(c.workflowCategory ?? '')) return false;
  return true;
}

function measure(rule: RiskRule, cases: readonly RiskCase[]): number {
  if (rule.measure.kind === 'count') return cases.length;
  const field = rule.measure.field;
  const values = cases.map((c) => c.data[field]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (rule.measure.kind === 'sum') return values.reduce((sum, v) => sum + v, 0);
  return values.length === 0 ? 0 : Math.max(...values);
}

function fill(text: string, value: number, threshold: number): string {
  const show = (n: number) => String(Math.round(n * 100) / 100);
  return text.replaceAll('{value}', show(value)).replaceAll('{threshold}', show(threshold));
}

/**
 * Evaluates the rules on an enterprise's cases at `now`: each rule measures the cases it looks at
 * and fires when the value reaches its threshold; the colour is the most serious of the fired
 * rules' levels (green when none fires). Of fired rules that measure the same cases the same way
 * (a ladder), only the highest step is given as a reason.
 * @example
 * const { colour, reasons } = evaluateRisk(cases, DEFAULT_RISK_RULES, new Date());
 */
export function evaluateRisk(cases: readonly RiskCase[], rules: readonly RiskRule[], now: Date): RiskAssessment {
  const fired: Array<RiskReason & { ladder: string; atLeast: number }> = [];
  for (const rule of rules) {
    const value = measure(rule, cases.filter((c) => matches(rule, c, now)));
    if (value < rule.atLeast) continue;
    fired.push({ rule: rule.id, level: rule.level, value, zh: fill(rule.reason.zh, value, rule.atLeast), en: fill(rule.reason.en, value, rule.atLeast), ladder: JSON.stringify([rule.cases, rule.measure]), atLeast: rule.atLeast });
  }
  // Rules that measure the same cases the same way are steps of one ladder: only the highest step
  // that fires is a reason (two open red cases, not also "one open red case").
  const top = fired.filter((r) => !fired.some((o) => o !== r && o.ladder === r.ladder && (RANK[o.level] > RANK[r.level] || (o.level === r.level && o.atLeast > r.atLeast))));
  const reasons: RiskReason[] = top.map(({ rule, level, value, zh, en }) => ({ rule, level, value, zh, en }));
  // Stable: within a level the rules keep their listed order.
  reasons.sort((a, b) => RANK[b.level] - RANK[a.level]);
  const colour = reasons.reduce<RiskColour>((worst, reason) => worse(worst, reason.level), 'green');
  return { colour, reasons, openCases: cases.filter((c) => c.status === 'open').length };
}
