import { MenuItem, Stack, TextField } from '@mui/material';
import { parseDuration, type DurationUnit } from '@shuoshi/engine';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';

const UNITS: readonly DurationUnit[] = ['wd', 'd', 'wh', 'h', 'm'];

/**
 * A duration as a number and a unit (working days, natural days, working hours, hours,
 * minutes), written back as the language's text (`5wd`); empty gives undefined.
 * @example
 * <DurationInput label="办理时限" value={state.sla?.within} onChange={(within) => setSla(within)} />
 */
export function DurationInput({ label, value, onChange, disabled, name }: { label: string; value: string | undefined; onChange(next: string | undefined): void; disabled?: boolean; name?: string }) {
  const translate = useTranslate();
  const parsed = value ? parseDuration(value) : undefined;
  const [amount, setAmount] = useState(parsed ? String(parsed.amount) : '');
  const [unit, setUnit] = useState<DurationUnit>(parsed?.unit ?? 'wd');
  // Follow changes made elsewhere (the JSON view, undo) without fighting the user's typing.
  useEffect(() => {
    const next = value ? parseDuration(value) : undefined;
    if (next) {
      setAmount((old) => (Number(old) === next.amount ? old : String(next.amount)));
      setUnit(next.unit);
    } else if (!value) setAmount('');
  }, [value]);
  const emit = (nextAmount: string, nextUnit: DurationUnit) => onChange(nextAmount.trim() === '' ? undefined : `${nextAmount.trim()}${nextUnit}`);
  return (
    <Stack direction="row" spacing={1}>
      <TextField
        size="small"
        type="number"
        label={label}
        value={amount}
        disabled={disabled}
        error={amount !== '' && !parseDuration(`${amount}${unit}`)}
        onChange={(e) => {
          setAmount(e.target.value);
          emit(e.target.value, unit);
        }}
        sx={{ width: 140 }}
        slotProps={{ htmlInput: { min: 0, step: 'any', 'data-testid': name ? `${name}-amount` : undefined } }}
      />
      <TextField
        select
        size="small"
        label={translate('shuoshi.designer.duration.unit')}
        value={unit}
        disabled={disabled}
        onChange={(e) => {
          const next = e.target.value as DurationUnit;
          setUnit(next);
          emit(amount, next);
        }}
        sx={{ width: 140 }}
        slotProps={{ htmlInput: { 'data-testid': name ? `${name}-unit` : undefined } }}
      >
        {UNITS.map((u) => (
          <MenuItem key={u} value={u}>
            {translate(`shuoshi.designer.duration.unit_${u}`)}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
