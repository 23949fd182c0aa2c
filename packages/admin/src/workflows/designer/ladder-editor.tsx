import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, MenuItem, Stack, TextField } from '@mui/material';
import type { LadderStep } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';
import { MultiPicker } from './multi-picker.js';
import type { Choice } from './use-choices.js';

/**
 * The warning ladder of a state: rows of "at" (a share of the SLA such as 80%, or a duration
 * such as 2wd), colour and who is told. Disabled, it shows the steps without add or remove buttons.
 * @example
 * <LadderEditor value={state.warnings} roles={roles} onChange={(warnings) => update({ warnings })} />
 */
export function LadderEditor({ value, roles, onChange, disabled }: { value: LadderStep[] | undefined; roles: Choice[]; onChange(next: LadderStep[] | undefined): void; disabled?: boolean }) {
  const translate = useTranslate();
  const steps = value ?? [];
  const set = (next: LadderStep[]) => onChange(next.length > 0 ? next : undefined);
  return (
    <Stack spacing={1} data-testid="ladder-editor">
      {steps.map((step, index) => (
        <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <TextField size="small" label={translate('shuoshi.designer.ladder.at')} value={step.at} disabled={disabled} helperText={index === 0 ? translate('shuoshi.designer.ladder.at_help') : undefined} onChange={(e) => set(steps.map((s, i) => (i === index ? { ...s, at: e.target.value } : s)))} sx={{ width: 130 }} />
          <TextField select size="small" label={translate('shuoshi.designer.ladder.level')} value={step.level} disabled={disabled} onChange={(e) => set(steps.map((s, i) => (i === index ? { ...s, level: e.target.value as LadderStep['level'] } : s)))} sx={{ width: 110 }}>
            <MenuItem value="yellow">{translate('shuoshi.designer.level.yellow')}</MenuItem>
            <MenuItem value="red">{translate('shuoshi.designer.level.red')}</MenuItem>
          </TextField>
          <MultiPicker
            label={translate('shuoshi.designer.ladder.notify')}
            value={step.notify?.roles}
            choices={roles}
            disabled={disabled}
            onChange={(picked) => {
              const { notify, ...rest } = step;
              const others = { ...notify, roles: picked };
              if (!picked) delete others.roles;
              set(steps.map((s, i) => (i === index ? (Object.keys(others).length > 0 ? { ...rest, notify: others } : rest) : s)));
            }}
          />
          {disabled ? null : (
            <IconButton size="small" aria-label={translate('shuoshi.designer.ladder.remove')} onClick={() => set(steps.filter((_s, i) => i !== index))}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          )}
        </Stack>
      ))}
      {/* Read-only shows the steps without ways to add or remove one, like the other editors. */}
      {disabled ? null : (
        <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => set([...steps, steps.length === 0 ? { at: '80%', level: 'yellow' } : { at: '100%', level: 'red', notify: { roles: ['supervisor'] } }])}>
          {translate('shuoshi.designer.ladder.add')}
        </Button>
      )}
    </Stack>
  );
}
