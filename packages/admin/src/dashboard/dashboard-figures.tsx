import { Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { WARNING_LEVELS, type LocalizedText } from '../api/types.js';
import { WARNING_COLOURS } from '../cases/warning-chip.js';
import { formatMoney, formatNumber } from '../format/formatters.js';
import { localize } from '../i18n/use-localized.js';
import { CountTile } from './count-tile.js';
import { figureLink, type LinkScope } from './figure-links.js';
import { RATE_KEYS, rateOf, type Metrics, type RateKey } from './metrics-types.js';
import { RateCard } from './rate-card.js';

const grid = (min: number) => ({ display: 'grid', gap: 2, gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))` });

/**
 * The figures of one union and period, each opening the list of what it counts: the four rates
 * against their targets, the counts (received, open, overdue, referrals awaiting and overdue,
 * the three warning colours), the open cases by step, and the golden ideas.
 * @example
 * <DashboardFigures metrics={metrics} targets={targets} scope={{ tenantId: 'chalu' }} />
 */
export function DashboardFigures({ metrics, targets, scope, workflowTitles = {}, ideaWorkflows = [] }: { metrics: Metrics; targets: Record<RateKey, number>; scope: LinkScope; workflowTitles?: Record<string, LocalizedText>; ideaWorkflows?: string[] }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const average = metrics.satisfaction.average;
  const states = [...metrics.open.byState].sort((a, b) => b.count - a.count);
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={grid(220)}>
        {RATE_KEYS.map((key) => (
          <RateCard
            key={key}
            rateKey={key}
            rate={rateOf(metrics, key)}
            target={targets[key]}
            to={figureLink({ kind: key }, scope)}
            extra={
              key === 'satisfaction' && average !== null ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('shuoshi.dashboard.average', { value: formatNumber(average, locale, { maximumFractionDigits: 2 }), count: metrics.satisfaction.count })}
                </Typography>
              ) : undefined
            }
          />
        ))}
      </Box>
      <Box sx={grid(150)}>
        <CountTile figure="received" label={translate('shuoshi.dashboard.received')} value={metrics.received} to={figureLink({ kind: 'received' }, scope)} />
        <CountTile figure="open" label={translate('shuoshi.dashboard.open')} value={metrics.open.total} to={figureLink({ kind: 'open' }, scope)} />
        <CountTile figure="overdue" label={translate('shuoshi.dashboard.overdue')} value={metrics.open.overdue} to={figureLink({ kind: 'overdue' }, scope)} accent={WARNING_COLOURS.red.background} />
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
                <Link to={figureLink({ kind: 'ideas', workflows: ideaWorkflows }, scope)}>{translate('shuoshi.dashboard.ideas')}</Link>
                {'：'}
                {translate('shuoshi.dashboard.ideas_count', { count: metrics.goldenIdeas.count, adopted: metrics.goldenIdeas.adopted, value: formatMoney(metrics.goldenIdeas.value, locale) })}
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
