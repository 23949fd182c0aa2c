import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { WarningLevel } from '../api/types.js';

/**
 * The colours of the three warning levels (三色预警), as background and text.
 * @example
 * WARNING_COLOURS.red.background; // '#c62828'
 */
export const WARNING_COLOURS: Readonly<Record<WarningLevel, { background: string; text: string }>> = {
  green: { background: '#2e7d32', text: '#ffffff' },
  yellow: { background: '#f9a825', text: '#1a1a1a' },
  red: { background: '#c62828', text: '#ffffff' },
};

/**
 * A case's warning level as a coloured chip; `outlined` draws an unselected filter chip.
 * @example
 * <WarningChip level="yellow" />
 */
export function WarningChip({ level, outlined = false, ...props }: { level: WarningLevel; outlined?: boolean } & Omit<ChipProps, 'color' | 'variant'>) {
  const translate = useTranslate();
  const colour = WARNING_COLOURS[level] ?? WARNING_COLOURS.green;
  return (
    <Chip
      size="small"
      label={translate(`shuoshi.warning.${level}`)}
      data-warning={level}
      variant={outlined ? 'outlined' : 'filled'}
      sx={outlined ? { borderColor: colour.background, color: colour.background, fontWeight: 500 } : { backgroundColor: colour.background, color: colour.text, fontWeight: 500 }}
      {...props}
    />
  );
}
