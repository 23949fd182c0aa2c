import { Alert, Box, Button, FormControl, FormControlLabel, FormLabel, Paper, Radio, RadioGroup, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { publicErrorText } from '../public/public-error-text.js';
import { PublicApiError, publicFetch, randomKey } from '../public/public-fetch.js';
import { usePublicI18n } from '../public/public-i18n.js';
import { isRequired, matterBody, validateMatter, visibleFields } from './matter-form-model.js';
import type { FiledMatter, PublicFormField, PublicUnions } from './public-types.js';
import { unionOptions } from './union-options.js';

function FieldInput({ field, value, error, required, onChange }: { field: PublicFormField; value: string; error: string | undefined; required: boolean; onChange(value: string): void }) {
  const { l } = usePublicI18n();
  const common = {
    fullWidth: true,
    label: l(field.label),
    value,
    required,
    error: error !== undefined,
    helperText: error ?? (field.description ? l(field.description) : undefined),
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
    name: field.input,
  };
  if (field.type === 'select' && field.options) {
    return (
      <TextField select {...common} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}>
        <option value="">—</option>
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {l(option.label)}
          </option>
        ))}
      </TextField>
    );
  }
  if (field.type === 'longtext') return <TextField {...common} multiline minRows={4} />;
  if (field.type === 'phone') return <TextField {...common} type="tel" slotProps={{ htmlInput: { inputMode: 'tel', autoComplete: 'tel' } }} />;
  return <TextField {...common} slotProps={{ htmlInput: field.input === 'name' ? { autoComplete: 'name' } : {} }} />;
}

/**
 * The filing form of the workers' page: the union (from the tree), the kind of matter (the
 * workflows that union takes), anonymous or named, and the workflow's public form; sends
 * POST /api/public/matters with an Idempotency-Key kept across retries of the same filing.
 * @example
 * <MatterForm directory={unions} onFiled={(filed) => setFiled(filed)} />
 */
export function MatterForm({ directory, onFiled }: { directory: PublicUnions; onFiled(filed: FiledMatter): void }) {
  const { t, l } = usePublicI18n();
  const options = useMemo(() => unionOptions(directory.unions), [directory]);
  const [unionId, setUnionId] = useState('');
  const [formId, setFormId] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // The same filing sent again (after a network failure) reuses its key, so it is filed once.
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const union = directory.unions.find((u) => u.id === unionId);
  const kinds = (union?.workflows ?? []).flatMap(({ form }) => (directory.workflows[form] ? [{ id: form, form: directory.workflows[form] }] : []));
  const chosen = kinds.find((kind) => kind.id === formId) ?? (kinds.length === 1 ? kinds[0] : undefined);
  const form = chosen?.form;
  const mayChoose = form ? form.anonymousAllowed && form.namedAllowed : true;
  const isAnonymous = form ? (form.anonymousAllowed ? (form.namedAllowed ? anonymous : true) : false) : anonymous;

  const chooseUnion = (id: string) => {
    setUnionId(id);
    const next = directory.unions.find((u) => u.id === id);
    // Keep the kind of matter when the new union takes it too.
    if (!next?.workflows.some((w) => w.form === formId)) setFormId(next?.workflows.length === 1 ? (next.workflows[0]?.form ?? '') : '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!union || !form) return;
    const found = validateMatter(form, isAnonymous, values);
    setProblems(Object.fromEntries(Object.entries(found).map(([input, problem]) => [input, t(problem.key, problem.values)])));
    if (Object.keys(found).length > 0) return;
    const body = matterBody(union.id, form, isAnonymous, values);
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: randomKey() };
    setSending(true);
    setFailure(null);
    try {
      const filed = await publicFetch<FiledMatter>('/public/matters', { method: 'POST', json: body, headers: { 'Idempotency-Key': attempt.current.key } });
      attempt.current = null;
      onFiled(filed);
    } catch (error) {
      if (error instanceof PublicApiError && error.status === 400 && error.issues.length > 0) {
        const inputs = new Set(visibleFields(form, isAnonymous).map((field) => field.input));
        const byInput = Object.fromEntries(error.issues.filter((issue) => inputs.has(issue.path)).map((issue) => [issue.path, issue.message]));
        setProblems(byInput);
        if (Object.keys(byInput).length === error.issues.length) return;
      }
      setFailure(publicErrorText(error, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <Box component="form" noValidate onSubmit={submit} sx={{ display: 'grid', gap: 2.5 }}>
      <TextField select fullWidth required label={t('shuoshi.speak.union')} helperText={t('shuoshi.speak.union_help')} value={unionId} onChange={(event) => chooseUnion(event.target.value)} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}>
        <option value="" disabled>
          —
        </option>
        {options.map(({ union: option, depth }) => (
          <option key={option.id} value={option.id}>
            {'\u3000'.repeat(depth) + l(option.name)}
          </option>
        ))}
      </TextField>

      {union && kinds.length === 0 && <Alert severity="info">{t('shuoshi.speak.no_kinds')}</Alert>}
      {union && kinds.length > 1 && (
        <FormControl>
          <FormLabel id="speak-kind" sx={{ mb: 1, fontWeight: 600 }}>
            {t('shuoshi.speak.kind')}
          </FormLabel>
          <RadioGroup aria-labelledby="speak-kind" value={chosen?.id ?? ''} onChange={(event) => setFormId(event.target.value)} sx={{ gap: 1 }}>
            {kinds.map((kind) => (
              <Paper key={kind.id} variant="outlined" sx={{ px: 1.5, py: 0.5, borderColor: kind.id === chosen?.id ? 'primary.main' : undefined, borderWidth: kind.id === chosen?.id ? 2 : 1 }}>
                <FormControlLabel
                  value={kind.id}
                  control={<Radio slotProps={{ input: { 'aria-label': l(kind.form.title) } }} />}
                  sx={{ width: '100%', m: 0, py: 0.5 }}
                  label={
                    <Box>
                      <Typography sx={{ fontWeight: 600 }}>{l(kind.form.title)}</Typography>
                      {kind.form.description && (
                        <Typography variant="body2" color="text.secondary">
                          {l(kind.form.description)}
                        </Typography>
                      )}
                    </Box>
                  }
                />
              </Paper>
            ))}
          </RadioGroup>
        </FormControl>
      )}

      {form && mayChoose && (
        <Box>
          <Typography id="speak-identity" sx={{ fontWeight: 600, mb: 1 }}>
            {t('shuoshi.speak.identity')}
          </Typography>
          <ToggleButtonGroup exclusive fullWidth color="primary" aria-labelledby="speak-identity" value={isAnonymous ? 'anonymous' : 'named'} onChange={(_event, next: string | null) => next && setAnonymous(next === 'anonymous')}>
            {(['anonymous', 'named'] as const).map((mode) => (
              <ToggleButton key={mode} value={mode} sx={{ flexDirection: 'column', alignItems: 'center', py: 1 }}>
                <Typography component="span" sx={{ fontWeight: 600 }}>
                  {t(`shuoshi.speak.${mode}`)}
                </Typography>
                <Typography component="span" variant="caption" sx={{ lineHeight: 1.3 }}>
                  {t(`shuoshi.speak.${mode}_help`)}
                </Typography>
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Box>
      )}

      {form &&
        visibleFields(form, isAnonymous).map((field) => (
          <FieldInput key={field.input} field={field} value={values[field.input] ?? ''} error={problems[field.input]} required={isRequired(field, isAnonymous)} onChange={(value) => setValues((before) => ({ ...before, [field.input]: value }))} />
        ))}

      {failure && <Alert severity="error">{failure}</Alert>}
      <Button type="submit" variant="contained" size="large" disabled={!form || sending} sx={{ minHeight: 56, fontSize: '1.2rem' }}>
        {sending ? t('shuoshi.speak.submitting') : t('shuoshi.speak.submit')}
      </Button>
    </Box>
  );
}
