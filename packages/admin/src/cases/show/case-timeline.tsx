import { Box, Card, CardContent, CardHeader, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useGetMany, useLocaleState, useTranslate } from 'react-admin';
import type { TimelineEntry, WarningLevel, Workflow } from '../../api/types.js';
import { formatDateTime } from '../../format/formatters.js';
import { localize } from '../../i18n/use-localized.js';
import { WarningChip } from '../warning-chip.js';
import { FieldValue } from './field-value.js';

/**
 * The label of a timeline entry: the transition's label in the workflow, the host's own events
 * ($open, $assign, $timer) from the messages, else the event name.
 * @example
 * eventLabel(entry, workflow, 'zh-CN', translate); // '受理'
 */
export function eventLabel(entry: Pick<TimelineEntry, 'type' | 'stateFrom'>, workflow: Workflow | undefined, locale: string, translate: (key: string, options?: Record<string, unknown>) => string): string {
  if (entry.type.startsWith('$')) return translate(`shuoshi.timeline.host_${entry.type.slice(1)}`, { _: entry.type });
  const states = workflow ? [entry.stateFrom, ...Object.keys(workflow.states)] : [];
  for (const state of states) {
    const transition = state ? workflow?.states[state]?.transitions.find((t) => t.event === entry.type) : undefined;
    if (transition) return localize(transition.label, locale);
  }
  return entry.type;
}

/**
 * The case's log in order: when, what, who, the state it moved to, the warning, and the fields it set.
 * @example
 * <CaseTimeline entries={timeline} workflow={workflow?.definition} />
 */
export function CaseTimeline({ entries, workflow }: { entries: readonly TimelineEntry[]; workflow: Workflow | undefined }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const actorIds = [...new Set(entries.map((e) => e.actor.id))];
  const { data: actors } = useGetMany<{ id: string; displayName: string }>('users', { ids: actorIds }, { enabled: actorIds.length > 0 });
  const nameOf = (id: string) => actors?.find((a) => a.id === id)?.displayName ?? id;
  // Timers act as the system; workers speak up through the public pages without an account.
  const actorName = (actor: TimelineEntry['actor']) => (actor.id === 'system' ? translate('shuoshi.timeline.system') : actor.id === 'worker' || actor.roles.includes('worker') ? translate('shuoshi.timeline.worker') : nameOf(actor.id));
  const stateTitle = (state: string | null) => (state ? localize(workflow?.states[state]?.title, locale) || state : '');
  return (
    <Card variant="outlined">
      <CardHeader title={translate('shuoshi.case.timeline')} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent sx={{ pt: 0 }}>
        <List dense aria-label={translate('shuoshi.case.timeline')}>
          {entries.map((entry, index) => {
            const previous = entries[index - 1];
            const moved = entry.stateFrom !== entry.stateTo;
            const fields = Object.entries(entry.data).filter(([key]) => !key.startsWith('$') && key !== 'assigneeId');
            return (
              <ListItem key={entry.seq} alignItems="flex-start" divider data-seq={entry.seq} data-type={entry.type} sx={{ display: 'block' }}>
                <ListItemText
                  primary={
                    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
                      <Typography component="span" fontWeight={600}>
                        {eventLabel(entry, workflow, locale, translate)}
                      </Typography>
                      {moved && (
                        <Typography component="span" color="text.secondary">
                          {entry.stateFrom === null ? translate('shuoshi.timeline.entered', { to: stateTitle(entry.stateTo) }) : translate('shuoshi.timeline.moved', { from: stateTitle(entry.stateFrom), to: stateTitle(entry.stateTo) })}
                        </Typography>
                      )}
                      {previous && previous.warning !== entry.warning && <WarningChip level={entry.warning as WarningLevel} />}
                    </Box>
                  }
                  secondary={translate('shuoshi.timeline.by', { time: formatDateTime(entry.createdAt, locale), actor: actorName(entry.actor) })}
                />
                {entry.type === '$assign' && (
                  <Typography variant="body2">{translate('shuoshi.timeline.assigned_to', { name: typeof entry.data['assigneeId'] === 'string' ? nameOf(entry.data['assigneeId']) : translate('shuoshi.timeline.nobody') })}</Typography>
                )}
                {fields.length > 0 && (
                  <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, fontSize: '0.875rem' }}>
                    {fields.map(([key, value]) => (
                      <Box key={key} sx={{ display: 'contents' }}>
                        <Box component="dt" sx={{ color: 'text.secondary' }}>
                          {localize(workflow?.fields[key]?.label, locale) || key}
                        </Box>
                        <Box component="dd" sx={{ m: 0 }}>
                          <FieldValue field={workflow?.fields[key]} value={value} />
                        </Box>
                      </Box>
                    ))}
                  </Box>
                )}
              </ListItem>
            );
          })}
        </List>
      </CardContent>
    </Card>
  );
}
