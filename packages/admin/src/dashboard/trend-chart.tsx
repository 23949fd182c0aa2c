import { Box, Card, CardContent, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../format/formatters.js';
import { RATE_KEYS, rateOf, type RateKey, type TrendMonth } from './metrics-types.js';

const LINE_COLOURS: Readonly<Record<RateKey, string>> = { completion: '#b71c1c', onTime: '#1565c0', response: '#2e7d32', satisfaction: '#ef6c00' };

/**
 * The four rates month by month (GET /api/metrics/trend, recharts); clicking a month shows its figures.
 * @example
 * <TrendChart months={trend.months} onPickMonth={(month) => setPeriod(periodOf('month', `${month}-01`))} />
 */
export function TrendChart({ months, onPickMonth }: { months: TrendMonth[]; onPickMonth(month: string): void }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const data = months.map((month) => ({
    month: month.month,
    received: month.received,
    ...Object.fromEntries(RATE_KEYS.map((key) => [key, rateOf(month, key).rate === null ? null : Math.round((rateOf(month, key).rate ?? 0) * 1000) / 10])),
  }));
  return (
    <Card variant="outlined" data-testid="trend-chart">
      <CardContent>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {translate('shuoshi.dashboard.trend')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('shuoshi.dashboard.trend_help')}
          </Typography>
        </Box>
        <ResponsiveContainer width="100%" height={280}>
          <LineChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
            onClick={(state) => {
              const index = typeof state.activeTooltipIndex === 'number' ? state.activeTooltipIndex : Number(state.activeTooltipIndex);
              const month = Number.isInteger(index) ? data[index]?.month : undefined;
              if (month) onPickMonth(month);
            }}
            style={{ cursor: 'pointer' }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#e0e0e0" />
            <XAxis dataKey="month" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 100]} unit="%" width={48} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value) => (typeof value === 'number' ? `${formatNumber(value, locale, { maximumFractionDigits: 1 })}%` : '—')} />
            <Legend />
            {RATE_KEYS.map((key) => (
              <Line key={key} type="monotone" dataKey={key} name={translate(`shuoshi.dashboard.rate_${key}`)} stroke={LINE_COLOURS[key]} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </CardContent>
    </Card>
  );
}
