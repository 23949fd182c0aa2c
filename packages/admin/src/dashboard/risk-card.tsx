import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Card, CardContent, CircularProgress, Collapse, IconButton, List, ListItem, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { WarningChip } from '../cases/warning-chip.js';
import { formatDateTime } from '../format/formatters.js';
import { figureLink, type LinkScope } from './figure-links.js';
import type { RiskEntry } from './metrics-types.js';
import { useRiskHistory } from './use-dashboard-data.js';

function reasonText(reason: { zh: string; en: string }, locale: string): string {
  return locale.startsWith('en') ? reason.en || reason.zh : reason.zh || reason.en;
}

function RiskHistory({ enterpriseId }: { enterpriseId: string }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, isPending } = useRiskHistory(enterpriseId, true);
  if (isPending) return <CircularProgress size={20} />;
  const history = data?.history ?? [];
  return (
    <Box sx={{ pl: 1, borderLeft: 2, borderColor: 'divider', display: 'grid', gap: 0.75 }} data-testid={`risk-history-${enterpriseId}`}>
      <Typography variant="caption" color="text.secondary">
        {translate('shuoshi.dashboard.risk_history')}
      </Typography>
      {history.length === 0 && <Typography variant="body2">{translate('shuoshi.dashboard.risk_no_history')}</Typography>}
      {history.map((change) => (
        <Box key={change.at}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
            <Typography variant="body2" color="text.secondary">
              {formatDateTime(change.at, locale)}
            </Typography>
            <WarningChip level={change.from} outlined />→<WarningChip level={change.to} />
          </Box>
          {change.reasons.length > 0 && <Typography variant="body2">{change.reasons.map((reason) => reasonText(reason, locale)).join('；')}</Typography>}
        </Box>
      ))}
    </Box>
  );
}

function RiskRow({ entry, locale }: { entry: RiskEntry; locale: string }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <ListItem disableGutters sx={{ display: 'block', borderBottom: 1, borderColor: 'divider', py: 1 }} data-enterprise={entry.id}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <WarningChip level={entry.colour} />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Link to={figureLink({ kind: 'enterprise', enterpriseId: entry.id })} sx={{ fontWeight: 600 }}>
            {entry.name}
          </Link>
          <Typography variant="body2" color="text.secondary" component="span" sx={{ ml: 1 }}>
            {translate('shuoshi.dashboard.risk_open_cases', { count: entry.openCases })}
          </Typography>
        </Box>
        <IconButton size="small" aria-expanded={open} aria-label={translate('shuoshi.dashboard.risk_history')} onClick={() => setOpen(!open)}>
          {open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
        </IconButton>
      </Box>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {entry.reasons.map((reason) => reasonText(reason, locale)).join('；')}
      </Typography>
      <Collapse in={open} unmountOnExit>
        <Box sx={{ mt: 1 }}>
          <RiskHistory enterpriseId={entry.id} />
        </Box>
      </Collapse>
    </ListItem>
  );
}

/**
 * The enterprise risk register of the union's subtree: the red and yellow enterprises, most
 * serious first, with their reasons and (on request) their history; each opens its open cases.
 * @example
 * <RiskCard entries={risk.entries} total={risk.total} scope={{ tenantId: 'chalu' }} />
 */
export function RiskCard({ entries, total, scope }: { entries: RiskEntry[]; total: number; scope: LinkScope }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Card variant="outlined" data-testid="risk-card">
      <CardContent>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {translate('shuoshi.dashboard.risk')}
          </Typography>
          <Link to={figureLink({ kind: 'risk', colours: ['red', 'yellow'] }, scope)} data-figure="risk-all">
            {translate('shuoshi.dashboard.risk_all')} ({total})
          </Link>
        </Box>
        {entries.length === 0 ? (
          <Typography color="text.secondary">{translate('shuoshi.dashboard.risk_none')}</Typography>
        ) : (
          <List dense disablePadding sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, columnGap: 3 }}>
            {entries.map((entry) => (
              <RiskRow key={entry.id} entry={entry} locale={locale} />
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}
