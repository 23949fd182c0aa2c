import { Checkbox, FormControlLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { StateDefinition, Transition } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../../i18n/use-localized.js';
import { DurationInput } from './duration-input.js';
import { durationText } from './duration-text.js';
import { withKey } from './with-key.js';

type Timeout = NonNullable<StateDefinition['onTimeout']>;

/**
 * A state's time-out: the event (one of the state's own transitions) the system sends when time
 * runs out, and optionally after how long; without a time the state's SLA (`sla`) is used.
 * Turned off, it gives undefined.
 * @example
 * <TimeoutEditor value={state.onTimeout} transitions={state.transitions} sla={state.sla?.within} onChange={(onTimeout) => update({ onTimeout })} />
 */
export function TimeoutEditor({ value, transitions, sla, onChange, disabled }: { value: Timeout | undefined; transitions: readonly Transition[]; sla: string | undefined; onChange(next: Timeout | undefined): void; disabled?: boolean }) {
  const translate = useTranslate();
  const l = useLocalized();
  const first = transitions[0]?.event;
  // An event that is no longer a transition stays listed so validation can point at it.
  const events = value && !transitions.some((t) => t.event === value.event) ? [...transitions.map((t) => ({ id: t.event, label: l(t.label) || t.event })), { id: value.event, label: value.event }] : transitions.map((t) => ({ id: t.event, label: l(t.label) || t.event }));
  return (
    <Stack spacing={1} data-testid="timeout-editor">
      <FormControlLabel
        disabled={disabled || (value === undefined && first === undefined)}
        control={<Checkbox checked={value !== undefined} onChange={(e) => onChange(e.target.checked && first ? { event: first } : undefined)} />}
        label={translate('shuoshi.designer.timeout.enabled')}
      />
      {value === undefined && first === undefined ? (
        <Typography variant="caption" color="text.secondary">
          {translate('shuoshi.designer.timeout.no_transitions')}
        </Typography>
      ) : null}
      {value ? (
        <>
          <TextField select size="small" label={translate('shuoshi.designer.timeout.event')} value={value.event} disabled={disabled} onChange={(e) => onChange({ ...value, event: e.target.value })} sx={{ maxWidth: 280 }} slotProps={{ htmlInput: { 'data-testid': 'timeout-event' } }}>
            {events.map((event) => (
              <MenuItem key={event.id} value={event.id}>
                {event.label}
              </MenuItem>
            ))}
          </TextField>
          <DurationInput
            label={translate('shuoshi.designer.timeout.after')}
            value={value.after}
            disabled={disabled}
            onChange={(after) => onChange(withKey(value, 'after', after))}
            name="timeout-after"
          />
          {value.after === undefined ? (
            <Typography variant="caption" color={sla ? 'text.secondary' : 'error'}>
              {sla ? translate('shuoshi.designer.timeout.after_sla', { sla: durationText(sla, translate) }) : translate('shuoshi.designer.timeout.after_no_sla')}
            </Typography>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
