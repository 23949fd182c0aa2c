import type { Response } from 'express';
import type { Metrics, Rate, Townships, Trend } from './schemas.js';

type Cell = string | number | null;

// A text cell that begins like a formula is prefixed with ' so a spreadsheet shows it as text.
function cell(value: Cell): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? String(Math.round(value * 10_000) / 10_000) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function percent(rate: number | null): Cell {
  return rate === null ? null : `${(rate * 100).toFixed(2)}%`;
}

/**
 * CSV text for Excel: a UTF-8 byte order mark (so Excel reads Chinese), CRLF line ends, quoted
 * cells where needed.
 * @example
 * toCsv([['单位 Union', '收件数 Received'], ['岔路镇总工会', 12]]);
 */
export function toCsv(rows: ReadonlyArray<readonly Cell[]>): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function rateRow(label: string, rate: Rate): Cell[] {
  return [label, rate.numerator, rate.denominator, percent(rate.rate), null];
}

/**
 * The metrics as CSV rows: one figure a line, with numerator, denominator, rate and value columns.
 * @example
 * const csv = toCsv(metricsCsvRows(metrics));
 */
export function metricsCsvRows(m: Metrics): Cell[][] {
  const value = (label: string, v: Cell): Cell[] => [label, null, null, null, v];
  return [
    ['指标 Metric', '分子 Numerator', '分母 Denominator', '比率 Rate', '数值 Value'],
    value('单位 Union', `${m.tenant.name.zh} ${m.tenant.name.en} (${m.tenant.id})`),
    value('期间 Period', `${m.period.from} ~ ${m.period.to} (Asia/Shanghai)`),
    value('统计截至 As of', m.period.asOf),
    value('筛选 Filters', [m.filters.workflow && `workflow=${m.filters.workflow}`, m.filters.category && `category=${m.filters.category}`, m.filters.channel && `channel=${m.filters.channel}`].filter(Boolean).join('; ') || '无 none'),
    value('收件数 Cases received', m.received),
    rateRow('办结率 Completion rate', m.completion),
    value('其中办结 Resolved', m.completion.resolved),
    value('其中不予受理等 Ended unresolved', m.completion.endedUnresolved),
    rateRow('按时办结率 On-time rate', m.onTime),
    rateRow('按时响应率 Response rate', m.response),
    value('评价数 Ratings', m.satisfaction.count),
    value('满意度均分 Average rating', m.satisfaction.average),
    rateRow('满意率(4-5分) Satisfied (4-5)', m.satisfaction.satisfied),
    value('在办 Open cases', m.open.total),
    value('超期 Overdue', m.open.overdue),
    value('绿色预警 Open, green', m.open.byWarning.green),
    value('黄色预警 Open, yellow', m.open.byWarning.yellow),
    value('红色预警 Open, red', m.open.byWarning.red),
    ...m.open.byState.map((s) => value(`在办·${s.title.zh} Open, ${s.title.en} (${s.workflow})`, s.count)),
    value('待答复转办 Referrals awaiting a reply', m.referrals.awaiting),
    value('超期未答复转办 Referrals overdue', m.referrals.overdue),
    value('金点子 Golden ideas', m.goldenIdeas.count),
    value('已采纳 Adopted', m.goldenIdeas.adopted),
    value('创效金额(元) Value (CNY)', m.goldenIdeas.value),
  ];
}

/**
 * The townships table as CSV rows, in its overall order.
 * @example
 * const csv = toCsv(townshipsCsvRows(table));
 */
export function townshipsCsvRows(t: Townships): Cell[][] {
  return [
    [
      '综合排名 Overall rank', '单位 Union', '单位编号 Union id', '收件数 Received',
      '办结率 Completion rate', '办结率排名 Completion rank', '按时办结率 On-time rate', '按时办结率排名 On-time rank',
      '按时响应率 Response rate', '响应率排名 Response rank', '满意率 Satisfied (4-5)', '满意率排名 Satisfaction rank', '满意度均分 Average rating',
      '综合得分 Score', '在办 Open', '超期 Overdue', '超期未答复转办 Referrals overdue',
    ],
    ...t.rows.map((r) => [
      r.overallRank, r.tenant.name.zh, r.tenant.id, r.received,
      percent(r.completion.rate), r.completion.rank, percent(r.onTime.rate), r.onTime.rank,
      percent(r.response.rate), r.response.rank, percent(r.satisfaction.rate), r.satisfaction.rank, r.satisfaction.average,
      percent(r.score), r.open, r.overdue, r.referralsOverdue,
    ]),
  ];
}

/**
 * The trend as CSV rows, one month a line.
 * @example
 * const csv = toCsv(trendCsvRows(trend));
 */
export function trendCsvRows(t: Trend): Cell[][] {
  return [
    ['月份 Month', '收件数 Received', '办结率 Completion rate', '按时办结率 On-time rate', '按时响应率 Response rate', '评价数 Ratings', '满意度均分 Average rating', '满意率 Satisfied (4-5)'],
    ...t.months.map((m) => [m.month, m.received, percent(m.completion.rate), percent(m.onTime.rate), percent(m.response.rate), m.satisfaction.count, m.satisfaction.average, percent(m.satisfaction.satisfied.rate)]),
  ];
}

/**
 * Sends CSV text as a download named `filename`.
 * @example
 * sendCsv(res, 'metrics-chalu-2026-11-01-2026-11-30.csv', toCsv(rows));
 */
export function sendCsv(res: Response, filename: string, csv: string): void {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.status(200).send(csv);
}
