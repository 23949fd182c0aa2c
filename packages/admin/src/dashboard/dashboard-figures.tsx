import { Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { WARNING_LEVELS, type LocalizedText } from '../api/types.js';
import type { CaseFigure } from '../cases/case-figures.js';
import { WARNING_COLOURS } from '../cases/warning-chip.js';
import { formatMoney, formatNumber } from '../format/formatters.js';
import { localize } from '../i18n/use-localized.js';
import { CountTile } from './count-tile.js';
import { figureLink, RATE_FIGURES, type LinkScope } from './figure-links.js';
import { RATE_KEYS, rateOf, type Metrics, type RateKey } from './metrics-types.js';
import { RateCard } from './rate-card.js';

const grid = (min: number) => ({ display: 'grid', gap: 2, gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))` });

// A count under a rate that opens its own cases ("已解决 30").
function SubLink({ figure, label, value, to }: { figure: string; label: string; value: number; to: string }) {
  const [locale] = useLocaleState();
  return (
    <Link to={to} data-figure={figure} sx={{ mr: 1.5, whiteSpace: 'nowrap' }}>
      {label} {formatNumber(value, locale)}
    </Link>
  );
}

/**
 * The figures of one union and period, each opening the list of exactly what it counts: the four
 * rates against their targets (their numerator and denominator), the counts (received, open,
 * overdue, referrals awaiting and overdue, the three warning colours), the open cases by step,
 * and the golden ideas.
 * @example
 * <DashboardFigures metrics={metrics} targets={targets} scope={{ tenantId: 'chalu', period: { from: '2026-11-01', to: '2026-11-30' } }} />
 */
export function DashboardFigures({ metrics, targets, scope, workflowTitles = {} }: { metrics: Metrics; targets: Record<RateKey, number>; scope: LinkScope; workflowTitles?: Record<string, LocalizedText> }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const average = metrics.satisfaction.average;
  const states = [...metrics.open.byState].sort((a, b) => b.count - a.count);
  const cases = (figure: CaseFigure) => figureLink({ kind: 'cases', figure }, scope);
  const sub = (figure: CaseFigure, value: number) => <SubLink key={figure} figure={figure} label={translate(`shuoshi.figures.${figure}`)} value={value} to={cases(figure)} />;
  const extras: Partial<Record<RateKey, ReactNode>> = {
    completion: metrics.completion.numerator > 0 ? [sub('resolved', metrics.completion.resolved), sub('endedUnresolved', metrics.completion.endedUnresolved)] : undefined,
    onTime: metrics.onTime.denominator > 0 ? sub('late', metrics.onTime.denominator - metrics.onTime.numerator) : undefined,
    satisfaction:
      average !== null ? (
        <Typography variant="body2" color="text.secondary">
          {translate('shuoshi.dashboard.average', { value: formatNumber(average, locale, { maximumFractionDigits: 2 }), count: metrics.satisfaction.count })}
        </Typography>
      ) : undefined,
  };
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={grid(220)}>
        {RATE_KEYS.map((key) => {
          const figures = key === 'satisfaction' ? undefined : RATE_FIGURES[key];
          const extra = extras[key];
          return (
            <RateCard
              key={key}
              rateKey={key}
              rate={rateOf(metrics, key)}
              target={targets[key]}
              to={figures ? cases(figures.numerator) : figureLink({ kind: 'satisfaction' }, scope)}
              {...(figures ? { links: { numerator: cases(figures.numerator), denominator: cases(figures.denominator) } } : {})}
              {...(extra ? { extra: <Typography variant="body2" component="div">{extra}</Typography> } : {})}
            />
          );
        })}
      </Box>
      <Box sx={grid(150)}>
        <CountTile figure="received" label={translate('shuoshi.dashboard.received')} value={metrics.received} to={cases('received')} />
        <CountTile figure="open" label={translate('shuoshi.dashboard.open')} value={metrics.open.total} to={figureLink({ kind: 'open' }, scope)} />
        <CountTile figure="overdue" label={translate('shuoshi.dashboard.overdue')} value={metrics.open.overdue} to={cases('overdue')} accent={WARNING_COLOURS.red.background} />
        <CountTile figure="referrals-awaiting" label={translate('shuoshi.dashboard.referrals_awaiting')} value={metrics.referrals.awaiting} to={figureLink({ kind: 'referrals', overdue: false }, scope)} accent="#1565c0" />
        <CountTile figure="referrals-overdue" label={translate('shuoshi.dashboard.referrals_overdue')} value={metrics.referrals.overdue} to={figureLink({ kind: 'referrals', overdue: true }, scope)} accent={WARNING_COLOURS.red.background} />
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'minmax(260px, 1fr) 2fr' } }}>
        <Card variant="outlined">
          <CardContent sx={{ display: 'grid', gap: 1.5 }}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {translate('shuoshi.dashboard.by_warning')}
            </Typography>
            <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(3, 1fr)' }}>
              {[...WARNING_LEVELS].reverse().map((level) => (
                <CountTile key={level} figure={`warning-${level}`} label={translate(`shuoshi.warning.${level}`)} value={metrics.open.byWarning[level] ?? 0} to={figureLink({ kind: 'warning', level }, scope)} accent={WARNING_COLOURS[level].background} />
              ))}
            </Box>
            {metrics.goldenIdeas.count > 0 && (
              <Typography variant="body2" color="text.secondary" data-figure="ideas">
                <Link to={cases('ideas')}>{translate('shuoshi.dashboard.ideas')}</Link>
                {'：'}
                {translate('shuoshi.dashboard.ideas_count', { count: metrics.goldenIdeas.count, adopted: metrics.goldenIdeas.adopted, value: formatMoney(metrics.goldenIdeas.value, locale) })}
                {metrics.goldenIdeas.adopted > 0 && (
                  <>
                    {' '}
                    <SubLink figure="ideasAdopted" label={translate('shuoshi.figures.ideasAdopted')} value={metrics.goldenIdeas.adopted} to={cases('ideasAdopted')} />
                  </>
                )}
              </Typography>
            )}
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
              {translate('shuoshi.dashboard.by_state')}
            </Typography>
            <Box sx={{ maxHeight: 300, overflow: 'auto' }}>
              <Table size="small" stickyHeader>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('shuoshi.dashboard.state')}</TableCell>
                    <TableCell>{translate('shuoshi.dashboard.workflow')}</TableCell>
                    <TableCell align="right">{translate('shuoshi.dashboard.count')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {states.map((row) => (
                    <TableRow key={`${row.workflow}:${row.state}`} hover data-figure={`state-${row.workflow}-${row.state}`}>
                      <TableCell>
                        <Link to={figureLink({ kind: 'state', workflow: row.workflow, state: row.state }, scope)}>{localize(row.title, locale) || row.state}</Link>
                      </TableCell>
                      <TableCell sx={{ color: 'text.secondary' }}>{workflowTitles[row.workflow] ? localize(workflowTitles[row.workflow], locale) : row.workflow}</TableCell>
                      <TableCell align="right">
                        <Link to={figureLink({ kind: 'state', workflow: row.workflow, state: row.state }, scope)}>{formatNumber(row.count, locale)}</Link>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
}
