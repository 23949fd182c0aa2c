import { Box, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CaseRecord } from '../api/types.js';
import { formatDateTime, formatDuration } from '../format/formatters.js';
import { WARNING_COLOURS } from './warning-chip.js';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The SLA countdown of a case in its warning colour: time left until the state's deadline,
 * how long it is overdue, or that the clock is paused; nothing for a closed case or a state
 * without a deadline.
 * @example
 * <SlaCountdown record={record} />
 */
export function SlaCountdown({ record }: { record: Pick<CaseRecord, 'status' | 'dueAt' | 'overdue' | 'warning'> & Partial<Pick<CaseRecord, 'clock'>> }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const now = useNow(30_000);
  const dueAt = record.clock?.dueAt ?? record.dueAt;
  if (record.status === 'closed') return null;
  const colour = WARNING_COLOURS[record.warning] ?? WARNING_COLOURS.green;
  if (record.clock?.paused) {
    return (
      <Box component="span" data-sla="paused" sx={{ color: 'text.secondary' }}>
        {translate('shuoshi.sla.paused')}
      </Box>
    );
  }
  if (!dueAt) return null;
  const left = Date.parse(dueAt) - now;
  const late = left < 0 || record.overdue;
  const text = late ? translate('shuoshi.sla.overdue_by', { duration: formatDuration(left, locale) }) : translate('shuoshi.sla.left', { duration: formatDuration(left, locale) });
  return (
    <Tooltip title={translate('shuoshi.sla.due_at', { time: formatDateTime(dueAt, locale) })}>
      <Box
        component="span"
        data-sla={late ? 'overdue' : 'running'}
        sx={{ display: 'inline-block', px: 1, py: 0.25, borderRadius: 1, fontSize: '0.8rem', fontWeight: 500, whiteSpace: 'nowrap', backgroundColor: colour.background, color: colour.text }}
      >
        {text}
      </Box>
    </Tooltip>
  );
}
