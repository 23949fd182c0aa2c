import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, Checkbox, FormControlLabel, IconButton, MenuItem, Paper, Stack, TextField } from '@mui/material';
import type { EntryEffect } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';
import { BilingualInput } from './bilingual-input.js';
import { DurationInput } from './duration-input.js';
import { MultiPicker } from './multi-picker.js';
import type { Choice } from './use-choices.js';

function blank(type: EntryEffect['type'], actions: Choice[]): EntryEffect {
  if (type === 'notify') return { type, to: { worker: true }, message: { zh: '', en: '' } };
  if (type === 'requestFollowUp') return { type, within: '3wd' };
  return { type: 'action', name: actions[0]?.id ?? 'send_sms' };
}

function EffectRow({ effect, roles, actions, onChange, disabled }: { effect: EntryEffect; roles: Choice[]; actions: Choice[]; onChange(next: EntryEffect): void; disabled?: boolean }) {
  const translate = useTranslate();
  if (effect.type === 'notify') {
    const to = effect.to;
    return (
      <Stack spacing={1} sx={{ flex: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <MultiPicker label={translate('shuoshi.designer.effect.to_roles')} value={to.roles} choices={roles} disabled={disabled} onChange={(picked) => onChange({ ...effect, to: picked ? { ...to, roles: picked } : { ...(to.assignee ? { assignee: true } : {}), ...(to.worker ? { worker: true } : {}) } })} />
          <FormControlLabel disabled={disabled} control={<Checkbox checked={to.worker === true} onChange={(e) => onChange({ ...effect, to: { ...to, worker: e.target.checked } })} />} label={translate('shuoshi.designer.effect.to_worker')} />
          <FormControlLabel disabled={disabled} control={<Checkbox checked={to.assignee === true} onChange={(e) => onChange({ ...effect, to: { ...to, assignee: e.target.checked } })} />} label={translate('shuoshi.designer.effect.to_assignee')} />
        </Stack>
        <BilingualInput label={translate('shuoshi.designer.effect.message')} value={effect.message} disabled={disabled} onChange={(message) => onChange({ ...effect, message })} />
      </Stack>
    );
  }
  if (effect.type === 'requestFollowUp') {
    return (
      <DurationInput
        label={translate('shuoshi.designer.effect.within')}
        value={effect.within}
        disabled={disabled}
        onChange={(within) => onChange(within ? { type: 'requestFollowUp', within } : { type: 'requestFollowUp' })}
      />
    );
  }
  return (
    <TextField select size="small" label={translate('shuoshi.designer.effect.action')} value={effect.name} disabled={disabled} onChange={(e) => onChange({ ...effect, name: e.target.value })} sx={{ minWidth: 200 }}>
      {[...actions, ...(actions.some((a) => a.id === effect.name) ? [] : [{ id: effect.name, label: effect.name }])].map((a) => (
        <MenuItem key={a.id} value={a.id}>
          {a.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * The effects emitted on entering a state: notifications (to roles, the worker, the assignee,
 * with a bilingual message), a follow-up request with its deadline, a host action. Disabled, it
 * shows them without add or remove buttons.
 * @example
 * <EntryEffectsEditor value={state.onEntry} roles={roles} actions={actions} onChange={(onEntry) => update({ onEntry })} />
 */
export function EntryEffectsEditor({ value, roles, actions, onChange, disabled }: { value: EntryEffect[] | undefined; roles: Choice[]; actions: Choice[]; onChange(next: EntryEffect[] | undefined): void; disabled?: boolean }) {
  const translate = useTranslate();
  const effects = value ?? [];
  const set = (next: EntryEffect[]) => onChange(next.length > 0 ? next : undefined);
  return (
    <Stack spacing={1} data-testid="entry-effects-editor">
      {effects.map((effect, index) => (
        <Paper key={index} variant="outlined" sx={{ p: 1 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField select size="small" label={translate('shuoshi.designer.effect.type')} value={effect.type} disabled={disabled} onChange={(e) => set(effects.map((old, i) => (i === index ? blank(e.target.value as EntryEffect['type'], actions) : old)))} sx={{ width: 150 }}>
              {(['notify', 'requestFollowUp', 'action'] as const).map((type) => (
                <MenuItem key={type} value={type} disabled={type === 'action' && actions.length === 0}>
                  {translate(`shuoshi.designer.effect.type_${type}`)}
                </MenuItem>
              ))}
            </TextField>
            <EffectRow effect={effect} roles={roles} actions={actions} disabled={disabled} onChange={(next) => set(effects.map((old, i) => (i === index ? next : old)))} />
            {disabled ? null : (
              <IconButton size="small" aria-label={translate('shuoshi.designer.effect.remove')} onClick={() => set(effects.filter((_e, i) => i !== index))}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            )}
          </Stack>
        </Paper>
      ))}
      {/* Read-only shows the effects without ways to add or remove one, like the other editors. */}
      {disabled ? null : (
        <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => set([...effects, blank('notify', actions)])}>
          {translate('shuoshi.designer.effect.add')}
        </Button>
      )}
    </Stack>
  );
}
