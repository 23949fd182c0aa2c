import AttachFileIcon from '@mui/icons-material/AttachFile';
import { Alert, Box, Button, Chip, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { publicErrorText } from '../public/public-error-text.js';
import { PublicApiError, publicFetch } from '../public/public-fetch.js';
import { usePublicI18n } from '../public/public-i18n.js';
import type { PublicReferral } from './public-referral.js';

/** At most this many files per reply (the server's MAX_REPLY_ATTACHMENTS). */
const MAX_FILES = 5;

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function sizeText(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(bytes % 1_048_576 === 0 ? 0 : 1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The agency's answer: a reply with text and files, or — when the workflow allows it — sending
 * the referral back (退单) with a reason. A 409 (already answered) and a 401 (expired link) are
 * told in plain words.
 * @example
 * <AnswerForm token={token} referral={referral} onAnswered={(kind) => reload(kind)} />
 */
export function AnswerForm({ token, referral, onAnswered }: { token: string; referral: PublicReferral; onAnswered(kind: 'reply' | 'return'): void }) {
  const { t } = usePublicI18n();
  const [mode, setMode] = useState<'reply' | 'return'>('reply');
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const addFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    const tooBig = chosen.find((file) => file.size > referral.maxAttachmentBytes);
    if (tooBig) {
      setFailure(t('shuoshi.agency.file_too_big', { name: tooBig.name, max: sizeText(referral.maxAttachmentBytes) }));
      return;
    }
    const next = [...files, ...chosen];
    if (next.length > MAX_FILES) {
      setFailure(t('shuoshi.agency.too_many_files', { count: MAX_FILES }));
      return;
    }
    setFailure(null);
    setFiles(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setProblem(t('shuoshi.public.required'));
      return;
    }
    setProblem(null);
    setFailure(null);
    setSending(true);
    try {
      const path = `/public/referrals/${encodeURIComponent(token)}/${mode}`;
      if (mode === 'reply') {
        const attachments = await Promise.all(files.map(async (file) => ({ filename: file.name, contentType: file.type || 'application/octet-stream', contentBase64: await base64Of(file) })));
        await publicFetch(path, { method: 'POST', json: { text: text.trim(), ...(attachments.length > 0 ? { attachments } : {}) } });
      } else {
        await publicFetch(path, { method: 'POST', json: { reason: text.trim() } });
      }
      onAnswered(mode);
    } catch (error) {
      if (error instanceof PublicApiError && error.status === 409) setFailure(t('shuoshi.agency.conflict'));
      else if (error instanceof PublicApiError && error.status === 401) setFailure(t('shuoshi.agency.invalid'));
      else setFailure(publicErrorText(error, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <Box component="form" noValidate onSubmit={submit} sx={{ display: 'grid', gap: 2 }}>
      {referral.canReturn && (
        <ToggleButtonGroup exclusive fullWidth color="primary" value={mode} onChange={(_event, next: 'reply' | 'return' | null) => next && setMode(next)}>
          <ToggleButton value="reply">{t('shuoshi.agency.reply')}</ToggleButton>
          <ToggleButton value="return">{t('shuoshi.agency.return')}</ToggleButton>
        </ToggleButtonGroup>
      )}
      <TextField
        label={mode === 'reply' ? t('shuoshi.agency.reply_text') : t('shuoshi.agency.return_reason')}
        helperText={problem ?? (mode === 'reply' ? t('shuoshi.agency.reply_help') : t('shuoshi.agency.return_help'))}
        error={problem !== null}
        required
        multiline
        minRows={5}
        fullWidth
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      {mode === 'reply' && (
        <Box sx={{ display: 'grid', gap: 1 }}>
          <Button component="label" variant="outlined" startIcon={<AttachFileIcon />} sx={{ justifySelf: 'start' }}>
            {t('shuoshi.agency.add_files')}
            <input hidden type="file" multiple onChange={addFiles} data-testid="reply-files" />
          </Button>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            {files.map((file, index) => (
              <Chip key={`${file.name}-${index}`} label={`${file.name} · ${sizeText(file.size)}`} onDelete={() => setFiles(files.filter((_, i) => i !== index))} />
            ))}
          </Box>
          <Box sx={{ color: 'text.secondary', fontSize: '0.9rem' }}>{t('shuoshi.agency.files', { count: MAX_FILES })}</Box>
        </Box>
      )}
      {failure && <Alert severity="error">{failure}</Alert>}
      <Button type="submit" variant="contained" size="large" color={mode === 'return' ? 'secondary' : 'primary'} disabled={sending}>
        {mode === 'reply' ? t('shuoshi.agency.send_reply') : t('shuoshi.agency.send_return')}
      </Button>
    </Box>
  );
}
