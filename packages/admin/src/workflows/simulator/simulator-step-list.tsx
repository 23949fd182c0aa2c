import { Alert, Box, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { SimulationTrace, TraceEntry, Workflow } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';
import { WarningChip } from '../../cases/warning-chip.js';
import { useLocalized } from '../../i18n/use-localized.js';
import { durationWords } from '../lifecycle/duration-words.js';
import { describeEffect, type EffectContext } from './describe-effect.js';

function entryLabel(entry: TraceEntry, workflow: Workflow, previousState: string | undefined, ctx: EffectContext): string {
  const { translate, l } = ctx;
  switch (entry.kind) {
    case 'start':
      return translate('shuoshi.workflows.sim_step_start');
    case 'advance':
      return translate('shuoshi.workflows.sim_step_advance', { duration: durationWords(entry.label, translate) ?? entry.label });
    case 'timer':
      return translate('shuoshi.workflows.sim_step_timer', { timer: translate(`shuoshi.workflows.sim_timer_${entry.label.split(':')[0] ?? 'sla'}`) });
    default: {
      const transition = previousState ? workflow.states[previousState]?.transitions.find((t) => t.event === entry.label) : undefined;
      return translate('shuoshi.workflows.sim_step_event', { event: transition ? l(transition.label) : entry.label });
    }
  }
}

/**
 * The simulated case's history, one line per step: what happened and when, the state it left the
 * case in with its warning colour, and the step's effects (referrals, notifications…) or refusal.
 * @example
 * <SimulatorStepList workflow={workflow} trace={trace} time={(iso) => formatDateTime(iso, locale)} />
 */
export function SimulatorStepList({ workflow, trace, time }: { workflow: Workflow; trace: SimulationTrace; time: (iso: string) => string }) {
  const translate = useTranslate();
  const l = useLocalized();
  const ctx: EffectContext = { workflow, translate, l, time };
  return (
    <List dense aria-label={translate('shuoshi.workflows.sim_steps')}>
      {trace.entries.map((entry, index) => {
        const effects = entry.effects.map((effect) => describeEffect(effect, ctx)).filter((text): text is string => text !== undefined);
        return (
          <ListItem key={entry.index} divider data-step={entry.index} data-kind={entry.kind} data-state={entry.state} alignItems="flex-start">
            <ListItemText
              disableTypography
              primary={
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography variant="body2" sx={{ fontWeight: 500 }}>{`${index + 1}. ${entryLabel(entry, workflow, trace.entries[index - 1]?.state, ctx)}`}</Typography>
                  <Chip size="small" variant="outlined" label={l(entry.stateTitle)} />
                  <WarningChip level={entry.warning} />
                  <Typography variant="caption" color="text.secondary">{time(entry.at)}</Typography>
                </Box>
              }
              secondary={
                <>
                  {entry.error && <Alert severity="error" sx={{ mt: 0.5 }} data-step-error={entry.error.code}>{entry.error.message}</Alert>}
                  {effects.map((text) => (
                    <Typography key={text} variant="body2" color="text.secondary" data-effect>
                      {`· ${text}`}
                    </Typography>
                  ))}
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
