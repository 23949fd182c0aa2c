import { Stack, TextField } from '@mui/material';
import type { LocalizedText } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';

const LANGUAGES = ['zh', 'en'] as const;

/**
 * Two text boxes for a `{ zh, en }` text, Chinese first; both are required by the language, so an
 * empty one is marked (unless `markEmpty` is false: an optional text nobody has started yet).
 * @example
 * <BilingualInput label="环节名称" value={state.title} onChange={(title) => update({ title })} />
 */
export function BilingualInput({ label, value, onChange, disabled, name, multiline, markEmpty = true }: { label: string; value: LocalizedText | undefined; onChange(next: LocalizedText): void; disabled?: boolean; name?: string; multiline?: boolean; markEmpty?: boolean }) {
  const translate = useTranslate();
  const text = value ?? { zh: '', en: '' };
  return (
    <Stack direction="row" spacing={1}>
      {LANGUAGES.map((lang) => (
        <TextField
          key={lang}
          size="small"
          fullWidth
          multiline={multiline}
          label={`${label}（${translate(`shuoshi.designer.lang.${lang}`)}）`}
          value={text[lang]}
          disabled={disabled}
          error={markEmpty && text[lang].trim() === ''}
          onChange={(e) => onChange({ ...text, [lang]: e.target.value })}
          slotProps={{ htmlInput: { 'data-testid': name ? `${name}-${lang}` : undefined } }}
        />
      ))}
    </Stack>
  );
}
