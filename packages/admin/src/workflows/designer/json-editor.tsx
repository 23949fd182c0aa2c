import { Alert, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';

/**
 * The text of a definition as the JSON view shows it: two-space indentation, keys in the
 * object's order, so that parsing it and printing it again gives the same text.
 * @example
 * definitionText({ key: 'a' }); // '{\n  "key": "a"\n}'
 */
export function definitionText(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/**
 * The advanced JSON view: the definition as text, for developers. Valid JSON objects are taken
 * over as they are typed; unchanged text round-trips exactly (the same object, the same text).
 * @example
 * <JsonEditor value={workflow} onChange={(next) => setWorkflow(next as Workflow)} />
 */
export function JsonEditor({ value, onChange, readOnly }: { value: unknown; onChange(next: Record<string, unknown>): void; readOnly?: boolean }) {
  const translate = useTranslate();
  const [text, setText] = useState(() => definitionText(value));
  const [error, setError] = useState<string | null>(null);
  const last = useRef<unknown>(value);
  // A change made in the forms replaces the text; the JSON view's own changes do not.
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(definitionText(value));
      setError(null);
    }
  }, [value]);
  return (
    <Stack spacing={1} data-testid="json-editor">
      <Typography variant="body2" color="text.secondary">
        {translate('shuoshi.designer.json.help')}
      </Typography>
      {error ? <Alert severity="error">{translate('shuoshi.designer.json.invalid', { error })}</Alert> : null}
      <TextField
        multiline
        fullWidth
        minRows={24}
        maxRows={40}
        value={text}
        slotProps={{ htmlInput: { spellCheck: false, readOnly, 'data-testid': 'json-text', style: { fontFamily: 'monospace', fontSize: 13 } } }}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
              setError(translate('shuoshi.designer.json.not_object'));
              return;
            }
            setError(null);
            last.current = parsed;
            onChange(parsed as Record<string, unknown>);
          } catch (problem) {
            setError(problem instanceof Error ? problem.message : String(problem));
          }
        }}
      />
    </Stack>
  );
}
