import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import TuneIcon from '@mui/icons-material/Tune';
import { Alert, Box, Button, IconButton, MenuItem, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { Loading, Title, useLocaleState, useTranslate } from 'react-admin';
import { apiErrorOf } from '../api/api-fetch.js';
import { readSession } from '../api/session-store.js';
import type { LocalizedText } from '../api/types.js';
import { usePublishedWorkflows } from '../cases/use-workflow-catalog.js';
import { formatDateTime } from '../format/formatters.js';
import { localize } from '../i18n/use-localized.js';
import { DashboardFigures } from './dashboard-figures.js';
import { useDashboardTargets } from './dashboard-targets.js';
import type { LinkScope } from './figure-links.js';
import { periodLabel, periodOf, periodRange, shiftPeriod, type Period, type PeriodKind } from './period.js';
import { RiskCard } from './risk-card.js';
import { TargetsDialog } from './targets-dialog.js';
import { TownshipTable } from './township-table.js';
import { TrendChart } from './trend-chart.js';
import { useMetrics, useRiskRegister, useTownships, useTrend } from './use-dashboard-data.js';

/**
 * The supervisor dashboard (督办工作台), a lazy chunk: a union's rates against their targets,
 * its counts, the trend over 12 months, the ranked unions below it and the enterprise risk
 * register, for a month, quarter or year; every figure opens its list. A county user picks any
 * union below; a township user sees its own (and the unions below it).
 * @example
 * <Route path="/dashboard" element={<DashboardPage />} />
 */
export function DashboardPage() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const own = readSession()?.user.tenant;
  const [tenantId, setTenantId] = useState<string | undefined>(undefined);
  // null: the server's current month (its clock decides, also when a test moves it).
  const [period, setPeriod] = useState<Period | null>(null);
  const [targets, setTargets] = useDashboardTargets();
  const [editing, setEditing] = useState(false);
  const { workflows } = usePublishedWorkflows();

  const range = period ? periodRange(period) : {};
  const query = { ...(tenantId ? { tenantId } : {}), ...range };
  const metrics = useMetrics(query);
  const townships = useTownships(query);
  const ownChildren = useTownships(range);
  const trend = useTrend(tenantId);
  const risk = useRiskRegister(tenantId);

  const shown = period ?? (metrics.data ? periodOf('month', metrics.data.period.from) : null);
  const current = metrics.data ? Date.parse(metrics.data.period.asOf) < Date.parse(metrics.data.period.end) : false;

  const catalog = useMemo(() => {
    const titles: Record<string, LocalizedText> = {};
    for (const workflow of workflows) titles[workflow.key] = workflow.title;
    return { titles };
  }, [workflows]);

  const unions = useMemo(() => {
    const list: Array<{ id: string; name: LocalizedText }> = own ? [{ id: own.id, name: own.name }] : [];
    for (const row of ownChildren.data?.rows ?? []) list.push(row.tenant);
    if (tenantId && !list.some((union) => union.id === tenantId) && metrics.data) list.push(metrics.data.tenant);
    return list;
  }, [own, ownChildren.data, tenantId, metrics.data]);

  const chooseKind = (kind: PeriodKind) => {
    if (shown) setPeriod(periodOf(kind, periodRange(shown).from));
  };
  const error = metrics.error ?? townships.error;
  // The days of the period the figures are about (the server's, also for its current month).
  const days = metrics.data ? { from: metrics.data.period.from, to: metrics.data.period.to } : undefined;
  const scope: LinkScope = { ...(tenantId ? { tenantId } : {}), ...(days ? { period: days } : {}) };

  return (
    <Box sx={{ py: 2, display: 'grid', gap: 2 }} data-testid="dashboard">
      <Title title={translate('shuoshi.dashboard.title')} />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField select size="small" fullWidth={false} label={translate('shuoshi.dashboard.union')} value={tenantId ?? own?.id ?? ''} onChange={(event) => setTenantId(event.target.value === own?.id ? undefined : event.target.value)} sx={{ minWidth: 240, width: 'auto', mr: 'auto' }}>
          {unions.map((union) => (
            <MenuItem key={union.id} value={union.id}>
              {localize(union.name, locale)}
            </MenuItem>
          ))}
        </TextField>
        <ToggleButtonGroup size="small" exclusive value={shown?.kind ?? 'month'} onChange={(_event, kind: PeriodKind | null) => kind && chooseKind(kind)} aria-label={translate('shuoshi.dashboard.period')}>
          {(['month', 'quarter', 'year'] as const).map((kind) => (
            <ToggleButton key={kind} value={kind}>
              {translate(`shuoshi.dashboard.${kind}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <IconButton aria-label={translate('shuoshi.dashboard.previous')} disabled={!shown} onClick={() => shown && setPeriod(shiftPeriod(shown, -1))}>
            <ChevronLeftIcon />
          </IconButton>
          <Typography sx={{ minWidth: 120, textAlign: 'center', fontWeight: 600 }} data-testid="dashboard-period">
            {shown ? translate(...periodLabel(shown)) : '…'}
          </Typography>
          <IconButton aria-label={translate('shuoshi.dashboard.next')} disabled={!shown || current} onClick={() => shown && setPeriod(shiftPeriod(shown, 1))}>
            <ChevronRightIcon />
          </IconButton>
        </Box>
        <Button startIcon={<TuneIcon />} onClick={() => setEditing(true)}>
          {translate('shuoshi.dashboard.targets')}
        </Button>
      </Box>
      {metrics.data && (
        <Typography variant="body2" color="text.secondary">
          {localize(metrics.data.tenant.name, locale)} · {translate('shuoshi.dashboard.as_of', { time: formatDateTime(metrics.data.period.asOf, locale) })} · {translate('shuoshi.figures.click_note')}
        </Typography>
      )}
      {error && <Alert severity="error">{translate('shuoshi.dashboard.loading_failed', { message: apiErrorOf(error)?.message ?? (error instanceof Error ? error.message : String(error)) })}</Alert>}
      {!metrics.data && !error && <Loading />}
      {metrics.data && <DashboardFigures metrics={metrics.data} targets={targets} scope={scope} workflowTitles={catalog.titles} />}
      {trend.data && <TrendChart months={trend.data.months} onPickMonth={(month) => setPeriod(periodOf('month', `${month}-01`))} />}
      {townships.data && <TownshipTable rows={townships.data.rows} targets={targets} {...(townships.data ? { period: { from: townships.data.period.from, to: townships.data.period.to } } : {})} onPick={setTenantId} />}
      {risk.data && <RiskCard entries={risk.data.entries} total={risk.data.total} scope={scope} />}
      <TargetsDialog open={editing} targets={targets} onSave={setTargets} onClose={() => setEditing(false)} />
    </Box>
  );
}
