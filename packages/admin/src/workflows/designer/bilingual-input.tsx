import { Stack, TextField } from '@mui/material';
import type { LocalizedText } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';

/**
 * Two text boxes for a `{ zh, en }` text, Chinese first; both are required by the language.
 * @example
 * <BilingualInput label="环节名称" value={state.title} onChange={(title) => update({ title })} />
 */
export function BilingualInput({ label, value, onChange, disabled, name }: { label: string; value: LocalizedText | undefined; onChange(next: LocalizedText): void; disabled?: boolean; name?: string }) {
  const translate = useTranslate();
  const text = value ?? { zh: '', en: '' };
  return (
    <Stack direction="row" spacing={1}>
      <TextField
        size="small"
        fullWidth
        label={`${label}（${translate('shuoshi.designer.lang.zh')}）`}
        value={text.zh}
        disabled={disabled}
        error={text.zh.trim() === ''}
        onChange={(e) => onChange({ ...text, zh: e.target.value })}
        slotProps={{ htmlInput: { 'data-testid': name ? `${name}-zh` : undefined } }}
      />
      <TextField
        size="small"
        fullWidth
        label={`${label}（${translate('shuoshi.designer.lang.en')}）`}
        value={text.en}
        disabled={disabled}
        error={text.en.trim() === ''}
        onChange={(e) => onChange({ ...text, en: e.target.value })}
        slotProps={{ htmlInput: { 'data-testid': name ? `${name}-en` : undefined } }}
      />
    </Stack>
  );
}
