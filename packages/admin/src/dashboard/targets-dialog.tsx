import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, InputAdornment, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { DEFAULT_TARGETS } from './dashboard-targets.js';
import { RATE_KEYS, type RateKey } from './metrics-types.js';

const toPercent = (targets: Record<RateKey, number>) => Object.fromEntries(RATE_KEYS.map((key) => [key, String(Math.round(targets[key] * 1000) / 10)])) as Record<RateKey, string>;

/**
 * The dialog that sets the four targets, in percent (0-100), or puts the defaults back.
 * @example
 * <TargetsDialog open={open} targets={targets} onSave={setTargets} onClose={() => setOpen(false)} />
 */
export function TargetsDialog({ open, targets, onSave, onClose }: { open: boolean; targets: Record<RateKey, number>; onSave(targets: Record<RateKey, number>): void; onClose(): void }) {
  const translate = useTranslate();
  const [values, setValues] = useState(toPercent(targets));
  useEffect(() => {
    if (open) setValues(toPercent(targets));
  }, [open, targets]);
  const parsed = RATE_KEYS.map((key) => [key, Number(values[key])] as const);
  const valid = RATE_KEYS.every((key) => values[key].trim() !== '') && parsed.every(([, value]) => Number.isFinite(value) && value >= 0 && value <= 100);
  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{translate('shuoshi.dashboard.targets')}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <DialogContentText>{translate('shuoshi.dashboard.targets_help')}</DialogContentText>
        {RATE_KEYS.map((key) => {
          const value = Number(values[key]);
          const bad = values[key].trim() === '' || !Number.isFinite(value) || value < 0 || value > 100;
          return (
            <TextField
              key={key}
              label={translate(`shuoshi.dashboard.rate_${key}`)}
              type="number"
              value={values[key]}
              error={bad}
              onChange={(event) => setValues({ ...values, [key]: event.target.value })}
              slotProps={{ htmlInput: { min: 0, max: 100, step: 0.5 }, input: { endAdornment: <InputAdornment position="end">%</InputAdornment> } }}
            />
          );
        })}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setValues(toPercent(DEFAULT_TARGETS))}>{translate('shuoshi.dashboard.targets_reset')}</Button>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!valid}
          onClick={() => {
            onSave(Object.fromEntries(parsed.map(([key, value]) => [key, value / 100])) as Record<RateKey, number>);
            onClose();
          }}
        >
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
