import { Box, FormLabel } from '@mui/material';
import { useInput, useTranslate } from 'react-admin';
import { WARNING_LEVELS, type WarningLevel } from '../api/types.js';
import { WarningChip } from './warning-chip.js';

/**
 * The warning filter as three coloured chips that toggle (several may be on); the value is the
 * list of levels on, or undefined when none is.
 * @example
 * <WarningFilterInput source="warning" alwaysOn />
 */
export function WarningFilterInput({ source, label }: { source: string; label?: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  const { field } = useInput({ source });
  const raw: unknown = field.value;
  const selected: WarningLevel[] = Array.isArray(raw) ? (raw as WarningLevel[]) : typeof raw === 'string' && raw !== '' ? [raw as WarningLevel] : [];
  const toggle = (level: WarningLevel) => {
    const next = selected.includes(level) ? selected.filter((l) => l !== level) : [...selected, level];
    field.onChange(next.length === 0 ? undefined : WARNING_LEVELS.filter((l) => next.includes(l)));
  };
  return (
    <Box role="group" aria-label={label ?? translate('resources.cases.fields.warning')} sx={{ display: 'flex', alignItems: 'center', gap: 0.5, mb: '4px', minHeight: 40 }}>
      <FormLabel sx={{ mr: 0.5, fontSize: '0.85rem' }}>{label ?? translate('resources.cases.fields.warning')}</FormLabel>
      {WARNING_LEVELS.map((level) => (
        <WarningChip key={level} level={level} outlined={!selected.includes(level)} onClick={() => toggle(level)} aria-pressed={selected.includes(level)} clickable />
      ))}
    </Box>
  );
}
