import { Autocomplete, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';

const IDENTIFIER = /^[a-z][a-z0-9_]{0,63}$/;

// The tags the server's figures read (state-classes.ts): offered first, any other id allowed.
const KNOWN_TAGS = ['resolved', 'follow_up', 'adopted'] as const;

/**
 * A state's free tags as chips: type an identifier and press Enter, or pick a tag the figures
 * know (resolved, follow_up, adopted); a malformed tag is refused with a message quoting it.
 * No tags give undefined.
 * @example
 * <TagsInput label="标签" value={state.tags} onChange={(tags) => update(withKey(state, 'tags', tags))} />
 */
export function TagsInput({ label, helperText, value, onChange, disabled, name }: { label: string; helperText?: string; value: readonly string[] | undefined; onChange(next: string[] | undefined): void; disabled?: boolean; name?: string }) {
  const translate = useTranslate();
  const [input, setInput] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const tags = [...(value ?? [])];
  return (
    <Autocomplete
      multiple
      freeSolo
      size="small"
      options={KNOWN_TAGS.filter((tag) => !tags.includes(tag))}
      value={tags}
      disabled={disabled}
      inputValue={input}
      onInputChange={(_e, next, reason) => {
        // MUI empties the box after each change; a refused tag stays for the user to correct.
        if (reason === 'reset' && refused !== null) return;
        setInput(next);
        setRefused(null);
      }}
      getOptionLabel={(tag) => tag}
      renderOption={({ key, ...props }, tag) => (
        <li key={key} {...props}>
          {tag} · {translate(`shuoshi.designer.tag.${tag}`, { _: tag })}
        </li>
      )}
      onChange={(_e, next) => {
        const cleaned = next.map((tag) => tag.trim()).filter((tag) => tag !== '');
        const bad = cleaned.find((tag) => !IDENTIFIER.test(tag));
        if (bad !== undefined) {
          setRefused(bad);
          setInput(bad);
          return;
        }
        setRefused(null);
        const unique = [...new Set(cleaned)];
        onChange(unique.length > 0 ? unique : undefined);
      }}
      renderInput={(params) => <TextField {...params} label={label} error={refused !== null} helperText={refused !== null ? translate('shuoshi.designer.state.tag_invalid', { tag: refused }) : helperText} slotProps={{ htmlInput: { ...params.inputProps, 'data-testid': name } }} />}
    />
  );
}
