import { Stack, TextField } from '@mui/material';
import type { LocalizedText } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';

/**
 * Two text boxes for an optional `{ zh, en }` text (a description): both left empty give
 * undefined, so the key disappears; once one is written the other is marked until it is too.
 * @example
 * <OptionalBilingualInput label="环节说明" value={state.description} onChange={(description) => update(withKey(state, 'description', description))} />
 */
export function OptionalBilingualInput({ label, value, onChange, disabled, name, multiline }: { label: string; value: LocalizedText | undefined; onChange(next: LocalizedText | undefined): void; disabled?: boolean; name?: string; multiline?: boolean }) {
  const translate = useTranslate();
  const text = value ?? { zh: '', en: '' };
  const emit = (next: LocalizedText) => onChange(next.zh.trim() === '' && next.en.trim() === '' ? undefined : next);
  // The language wants both texts once there is one: mark the missing one, not an unused pair.
  const started = text.zh.trim() !== '' || text.en.trim() !== '';
  return (
    <Stack direction="row" spacing={1}>
      <TextField
        size="small"
        fullWidth
        multiline={multiline}
        label={`${label}（${translate('shuoshi.designer.lang.zh')}）`}
        value={text.zh}
        disabled={disabled}
        error={started && text.zh.trim() === ''}
        onChange={(e) => emit({ ...text, zh: e.target.value })}
        slotProps={{ htmlInput: { 'data-testid': name ? `${name}-zh` : undefined } }}
      />
      <TextField
        size="small"
        fullWidth
        multiline={multiline}
        label={`${label}（${translate('shuoshi.designer.lang.en')}）`}
        value={text.en}
        disabled={disabled}
        error={started && text.en.trim() === ''}
        onChange={(e) => emit({ ...text, en: e.target.value })}
        slotProps={{ htmlInput: { 'data-testid': name ? `${name}-en` : undefined } }}
      />
    </Stack>
  );
}
