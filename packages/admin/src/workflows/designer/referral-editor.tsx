import { Checkbox, FormControlLabel, MenuItem, Stack, TextField } from '@mui/material';
import type { Referral, Transition } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../../i18n/use-localized.js';
import { DurationInput } from './duration-input.js';
import type { Choice } from './use-choices.js';

/**
 * A state's referral to an outside body: a fixed agency or a select field naming it, the reply
 * deadline, and which of the state's events record the reply and a return.
 * @example
 * <ReferralEditor value={state.referral} transitions={state.transitions} agencies={agencies} selectFields={fields} onChange={(referral) => update({ referral })} />
 */
export function ReferralEditor({ value, transitions, agencies, selectFields, onChange, disabled }: { value: Referral | undefined; transitions: Transition[]; agencies: Choice[]; selectFields: Choice[]; onChange(next: Referral | undefined): void; disabled?: boolean }) {
  const translate = useTranslate();
  const l = useLocalized();
  const enabled = value !== undefined;
  return (
    <Stack spacing={1} data-testid="referral-editor">
      <FormControlLabel
        disabled={disabled}
        control={<Checkbox checked={enabled} onChange={(e) => onChange(e.target.checked ? { agency: agencies[0]?.id ?? 'judicial_office', replyWithin: '10wd', replyEvent: transitions[0]?.event ?? 'reply_received' } : undefined)} />}
        label={translate('shuoshi.designer.referral.enabled')}
      />
      {value ? (
        <>
          <Stack direction="row" spacing={1}>
            <TextField
              select
              size="small"
              label={translate('shuoshi.designer.referral.agency')}
              value={value.agencyField ? `field:${value.agencyField}` : (value.agency ?? '')}
              disabled={disabled}
              onChange={(e) => {
                const { agency: _a, agencyField: _f, ...rest } = value;
                onChange(e.target.value.startsWith('field:') ? { ...rest, agencyField: e.target.value.slice(6) } : { ...rest, agency: e.target.value });
              }}
              sx={{ minWidth: 220 }}
            >
              {agencies.map((a) => (
                <MenuItem key={a.id} value={a.id}>
                  {a.label}
                </MenuItem>
              ))}
              {selectFields.map((f) => (
                <MenuItem key={`field:${f.id}`} value={`field:${f.id}`}>
                  {translate('shuoshi.designer.referral.by_field', { field: f.label })}
                </MenuItem>
              ))}
            </TextField>
            <DurationInput label={translate('shuoshi.designer.referral.reply_within')} value={value.replyWithin} disabled={disabled} onChange={(replyWithin) => onChange({ ...value, replyWithin: replyWithin ?? '' })} />
          </Stack>
          <Stack direction="row" spacing={1}>
            <TextField select size="small" label={translate('shuoshi.designer.referral.reply_event')} value={value.replyEvent} disabled={disabled} onChange={(e) => onChange({ ...value, replyEvent: e.target.value })} sx={{ minWidth: 200 }}>
              {transitions.map((t) => (
                <MenuItem key={t.event} value={t.event}>
                  {l(t.label) || t.event}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              label={translate('shuoshi.designer.referral.return_event')}
              value={value.returnEvent ?? ''}
              disabled={disabled}
              onChange={(e) => {
                const { returnEvent: _r, ...rest } = value;
                onChange(e.target.value ? { ...rest, returnEvent: e.target.value } : rest);
              }}
              sx={{ minWidth: 200 }}
              slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            >
              <MenuItem value="">{translate('shuoshi.designer.referral.no_return')}</MenuItem>
              {transitions.map((t) => (
                <MenuItem key={t.event} value={t.event}>
                  {l(t.label) || t.event}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}
