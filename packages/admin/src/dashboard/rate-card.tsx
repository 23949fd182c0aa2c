import { Box, Card, CardActionArea, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { formatNumber } from '../format/formatters.js';
import { targetStanding } from './dashboard-targets.js';
import type { Rate, RateKey } from './metrics-types.js';

const STANDING_COLOUR = { met: '#2e7d32', missed: '#c62828', none: '#9e9e9e' } as const;

// Stand-ins for the two counts in the translated "38 / 40 件", so that each can become a link
// wherever the language puts it.
const NUMERATOR = '\u0001';
const DENOMINATOR = '\u0002';

function Counts({ rate, links }: { rate: Rate; links?: { numerator: string; denominator: string } | undefined }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (rate.denominator === 0) return <>{translate('shuoshi.dashboard.no_cases')}</>;
  const parts = translate('shuoshi.dashboard.of_cases', { numerator: NUMERATOR, denominator: DENOMINATOR }).split(new RegExp(`([${NUMERATOR}${DENOMINATOR}])`));
  return (
    <>
      {parts.map((part, index) => {
        if (part !== NUMERATOR && part !== DENOMINATOR) return part;
        const which = part === NUMERATOR ? 'numerator' : 'denominator';
        const count = rate[which];
        if (!links) return formatNumber(count, locale);
        return (
          <Link key={index} to={links[which]} data-link={which} title={translate(`shuoshi.figures.${which}`, { count })} sx={{ fontWeight: 600 }}>
            {formatNumber(count, locale)}
          </Link>
        );
      })}
    </>
  );
}

/**
 * A rate against its target: the percentage (green when the target is met, red when missed),
 * the counts behind it and the target. The card opens what its numerator counts (`to`); with
 * `links`, each of the counts opens its own list (the numerator's and the denominator's cases).
 * @example
 * <RateCard rateKey="completion" rate={metrics.completion} target={0.95} to="/cases?filter=..." links={{ numerator: '/cases?...', denominator: '/cases?...' }} />
 */
export function RateCard({ rateKey, rate, target, to, links, extra }: { rateKey: RateKey; rate: Rate; target: number; to: string; links?: { numerator: string; denominator: string }; extra?: ReactNode }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const standing = targetStanding(rate.rate, target);
  const percent = (value: number) => formatNumber(value, locale, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <Card variant="outlined" sx={{ height: '100%', display: 'flex', flexDirection: 'column', borderTop: 4, borderTopColor: STANDING_COLOUR[standing] }} data-figure={rateKey} data-standing={standing}>
      <CardActionArea component={Link} to={to} sx={{ px: 2, pt: 2, pb: 1, display: 'flex', flexDirection: 'column', alignItems: 'stretch', justifyContent: 'flex-start', gap: 0.5 }}>
        <Typography variant="subtitle2" color="text.secondary">
          {translate(`shuoshi.dashboard.rate_${rateKey}`)}
        </Typography>
        <Typography variant="h4" component="p" sx={{ fontWeight: 700, color: STANDING_COLOUR[standing] }} data-value>
          {rate.rate === null ? '—' : percent(rate.rate)}
        </Typography>
        <LinearProgress variant="determinate" value={Math.min(100, (rate.rate ?? 0) * 100)} sx={{ height: 6, borderRadius: 3, bgcolor: '#eee', '& .MuiLinearProgress-bar': { bgcolor: STANDING_COLOUR[standing] } }} />
      </CardActionArea>
      <Box sx={{ px: 2, pb: 2, display: 'grid', gap: 0.5 }}>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="body2" color="text.secondary" data-counts>
            <Counts rate={rate} links={links} />
          </Typography>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {translate('shuoshi.dashboard.target', { value: percent(target) })}
          </Typography>
        </Box>
        {extra}
      </Box>
    </Card>
  );
}
