import { Box, Button, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { formatNumber } from '../format/formatters.js';
import { localize } from '../i18n/use-localized.js';
import { targetStanding } from './dashboard-targets.js';
import { figureLink, RATE_FIGURES, type LinkScope } from './figure-links.js';
import { RATE_KEYS, type RateKey, type TownshipRow } from './metrics-types.js';

/**
 * The ranked table of the unions below (the monthly 通报): each rate with its rank, red when
 * under target; a union's name shows its own figures, its counts and rates open the cases they
 * count (the rates their numerator), the flow figures those opened in `period`.
 * @example
 * <TownshipTable rows={table.rows} targets={targets} period={{ from: '2026-11-01', to: '2026-11-30' }} onPick={(id) => setTenantId(id)} />
 */
export function TownshipTable({ rows, targets, period, onPick }: { rows: TownshipRow[]; targets: Record<RateKey, number>; period?: LinkScope['period']; onPick(tenantId: string): void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const percent = (value: number | null) => (value === null ? '—' : formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 1 }));
  return (
    <Card variant="outlined" data-testid="township-table">
      <CardContent>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {translate('shuoshi.dashboard.townships')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('shuoshi.dashboard.townships_help')}
          </Typography>
        </Box>
        {rows.length === 0 ? (
          <Typography color="text.secondary">{translate('shuoshi.dashboard.no_townships')}</Typography>
        ) : (
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('shuoshi.dashboard.rank')}</TableCell>
                  <TableCell>{translate('shuoshi.dashboard.union')}</TableCell>
                  <TableCell align="right">{translate('shuoshi.dashboard.received')}</TableCell>
                  {RATE_KEYS.map((key) => (
                    <TableCell key={key} align="right">
                      {translate(`shuoshi.dashboard.rate_${key}`)}
                    </TableCell>
                  ))}
                  <TableCell align="right">{translate('shuoshi.dashboard.score')}</TableCell>
                  <TableCell align="right">{translate('shuoshi.dashboard.open')}</TableCell>
                  <TableCell align="right">{translate('shuoshi.dashboard.overdue')}</TableCell>
                  <TableCell align="right">{translate('shuoshi.dashboard.referrals_overdue')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((row) => {
                  const scope: LinkScope = { tenantId: row.tenant.id, ...(period ? { period } : {}) };
                  return (
                    <TableRow key={row.tenant.id} hover data-township={row.tenant.id}>
                      <TableCell sx={{ fontWeight: 700 }}>{row.overallRank ?? '—'}</TableCell>
                      <TableCell>
                        <Button size="small" onClick={() => onPick(row.tenant.id)} sx={{ textTransform: 'none', textAlign: 'left', justifyContent: 'flex-start' }}>
                          {localize(row.tenant.name, locale)}
                        </Button>
                      </TableCell>
                      <TableCell align="right">
                        <Link to={figureLink({ kind: 'cases', figure: 'received' }, scope)}>{formatNumber(row.received, locale)}</Link>
                      </TableCell>
                      {RATE_KEYS.map((key) => {
                        const rate = row[key];
                        const missed = targetStanding(rate.rate, targets[key]) === 'missed';
                        return (
                          <TableCell key={key} align="right" sx={{ color: missed ? 'error.main' : undefined, whiteSpace: 'nowrap' }}>
                            {key === 'satisfaction' || rate.rate === null ? (
                              percent(rate.rate)
                            ) : (
                              <Link to={figureLink({ kind: 'cases', figure: RATE_FIGURES[key].numerator }, scope)} sx={{ color: 'inherit' }}>
                                {percent(rate.rate)}
                              </Link>
                            )}
                            {rate.rank !== null && (
                              <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                                #{rate.rank}
                              </Typography>
                            )}
                          </TableCell>
                        );
                      })}
                      <TableCell align="right">{percent(row.score)}</TableCell>
                      <TableCell align="right">
                        <Link to={figureLink({ kind: 'open' }, scope)}>{formatNumber(row.open, locale)}</Link>
                      </TableCell>
                      <TableCell align="right">
                        <Link to={figureLink({ kind: 'cases', figure: 'overdue' }, scope)}>{formatNumber(row.overdue, locale)}</Link>
                      </TableCell>
                      <TableCell align="right">
                        <Link to={figureLink({ kind: 'referrals', overdue: true }, scope)}>{formatNumber(row.referralsOverdue, locale)}</Link>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
