import { describe, expect, it } from 'vitest';
import { evaluateRisk, type RiskCase } from './evaluate-risk.js';
import { DEFAULT_RISK_RULES, riskRuleListSchema } from './risk-rules.js';

const NOW = new Date('2026-11-01T01:00:00+08:00');

function risk(overrides: Partial<RiskCase> = {}): RiskCase {
  return { status: 'open', warning: 'green', openedAt: new Date('2026-10-20T09:00:00+08:00'), data: {}, workflowCategory: 'grievance', ...overrides };
}

describe('evaluateRisk', () => {
  it('is green without cases, and counts only open cases as open', () => {
    expect(evaluateRisk([], DEFAULT_RISK_RULES, NOW)).toEqual({ colour: 'green', reasons: [], openCases: 0 });
    expect(evaluateRisk([risk({ status: 'closed', warning: 'red' })], DEFAULT_RISK_RULES, NOW)).toEqual({ colour: 'green', reasons: [], openCases: 0 });
  });

  it('gives only the highest step of a ladder, red reasons first', () => {
    const assessment = evaluateRisk([risk({ warning: 'red' }), risk({ warning: 'red' }), risk({ warning: 'yellow', data: { category: 'wages' } })], DEFAULT_RISK_RULES, NOW);
    expect(assessment.colour).toBe('red');
    expect(assessment.reasons.map((r) => [r.rule, r.level, r.value])).toEqual([['open_red_cases', 'red', 2], ['open_yellow_case', 'yellow', 1], ['wage_arrears_open', 'yellow', 1]]);
    expect(assessment.openCases).toBe(3);
  });

  it('matches wage arrears in any of the listed fields, and measures the largest number of workers', () => {
    const reasons = evaluateRisk([risk({ data: { dispute_type: 'wage_arrears', workers_affected: 12 } }), risk({ data: { matter_type: 'wage_arrears', workers_affected: 3 } })], DEFAULT_RISK_RULES, NOW).reasons;
    expect(reasons.map((r) => [r.rule, r.value, r.zh])).toEqual([['wage_arrears_repeated', 2, '2件欠薪事项同时在办'], ['collective_dispute', 12, '在办事项涉及职工12人']]);
  });

  it('counts the matters of the current month in Asia/Shanghai, closed or not, leaving ideas out', () => {
    const thisMonth = new Date('2026-10-31T16:30:00Z'); // 00:30 on 1 November in Ningbo
    const lastMonth = new Date('2026-10-31T15:30:00Z');
    const cases = [...Array.from({ length: 5 }, () => risk({ status: 'closed', openedAt: thisMonth })), risk({ openedAt: lastMonth }), risk({ openedAt: thisMonth, workflowCategory: 'golden_idea' })];
    expect(evaluateRisk(cases, DEFAULT_RISK_RULES, NOW).reasons.map((r) => [r.rule, r.value])).toEqual([['complaints_this_month', 5]]);
    expect(evaluateRisk(cases.slice(1), DEFAULT_RISK_RULES, NOW).colour).toBe('green');
  });

  it('applies a union rule list: sums, time windows and workflow categories', () => {
    const rules = riskRuleListSchema.parse([
      { id: 'claims', level: 'red', measure: { kind: 'sum', field: 'claim_amount' }, atLeast: 100_000, cases: { status: 'any', openedWithinDays: 30, workflowCategories: ['mediation'] }, reason: { zh: '近30天争议金额{value}元', en: 'CNY {value} claimed in 30 days' } },
    ]);
    const recent = new Date(NOW.getTime() - 10 * 86_400_000);
    const old = new Date(NOW.getTime() - 40 * 86_400_000);
    const cases = [risk({ openedAt: recent, workflowCategory: 'mediation', data: { claim_amount: 60_000 } }), risk({ status: 'closed', openedAt: recent, workflowCategory: 'mediation', data: { claim_amount: 50_000 } }), risk({ openedAt: old, workflowCategory: 'mediation', data: { claim_amount: 900_000 } }), risk({ openedAt: recent, data: { claim_amount: 900_000 } })];
    expect(evaluateRisk(cases, rules, NOW).reasons).toEqual([{ rule: 'claims', level: 'red', value: 110_000, zh: '近30天争议金额110000元', en: 'CNY 110000 claimed in 30 days' }]);
    expect(evaluateRisk(cases.slice(1), rules, NOW).colour).toBe('green');
  });
});
