import { Box, Card, CardActionArea, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { formatNumber } from '../format/formatters.js';
import { targetStanding } from './dashboard-targets.js';
import type { Rate, RateKey } from './metrics-types.js';

const STANDING_COLOUR = { met: '#2e7d32', missed: '#c62828', none: '#9e9e9e' } as const;

/**
 * A rate against its target: the percentage (green when the target is met, red when missed),
 * the counts behind it and the target; the card opens the cases the rate is about.
 * @example
 * <RateCard rateKey="completion" rate={metrics.completion} target={0.95} to="/cases?filter=..." />
 */
export function RateCard({ rateKey, rate, target, to, extra }: { rateKey: RateKey; rate: Rate; target: number; to: string; extra?: ReactNode }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const standing = targetStanding(rate.rate, target);
  const percent = (value: number) => formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <Card variant="outlined" sx={{ height: '100%', borderTop: 4, borderTopColor: STANDING_COLOUR[standing] }} data-figure={rateKey} data-standing={standing}>
      <CardActionArea component={Link} to={to} sx={{ height: '100%', p: 2, display: 'flex', flexDirection: 'column', alignItems: 'stretch', justifyContent: 'flex-start', gap: 0.5 }}>
        <Typography variant="subtitle2" color="text.secondary">
          {translate(`shuoshi.dashboard.rate_${rateKey}`)}
        </Typography>
        <Typography variant="h4" component="p" sx={{ fontWeight: 700, color: STANDING_COLOUR[standing] }} data-value>
          {rate.rate === null ? '—' : percent(rate.rate)}
        </Typography>
        <LinearProgress variant="determinate" value={Math.min(100, (rate.rate ?? 0) * 100)} sx={{ height: 6, borderRadius: 3, bgcolor: '#eee', '& .MuiLinearProgress-bar': { bgcolor: STANDING_COLOUR[standing] } }} />
        <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="body2" color="text.secondary">
            {rate.denominator === 0 ? translate('shuoshi.dashboard.no_cases') : translate('shuoshi.dashboard.of_cases', { numerator: rate.numerator, denominator: rate.denominator })}
          </Typography>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {translate('shuoshi.dashboard.target', { value: percent(target) })}
          </Typography>
        </Box>
        {extra}
      </CardActionArea>
    </Card>
  );
}
