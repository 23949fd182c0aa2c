import { Card, CardActionArea, Typography } from '@mui/material';
import { Link, useLocaleState } from 'react-admin';
import { formatNumber } from '../format/formatters.js';

/**
 * A count of the dashboard (open cases, a warning colour, overdue referrals...) that opens the
 * list of what it counts; `accent` colours its edge (a warning colour).
 * @example
 * <CountTile figure="overdue" label="超期事项" value={18} to="/cases?filter=..." accent="#c62828" />
 */
export function CountTile({ figure, label, value, to, accent = '#37474f' }: { figure: string; label: string; value: number; to: string; accent?: string }) {
  const [locale] = useLocaleState();
  return (
    <Card variant="outlined" sx={{ height: '100%', borderLeft: 5, borderLeftColor: accent }} data-figure={figure}>
      <CardActionArea component={Link} to={to} sx={{ height: '100%', px: 2, py: 1.5, display: 'flex', flexDirection: 'column', alignItems: 'flex-start', justifyContent: 'flex-start' }}>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h5" component="p" sx={{ fontWeight: 700 }} data-value>
          {formatNumber(value, locale)}
        </Typography>
      </CardActionArea>
    </Card>
  );
}
