import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { usePublicI18n } from '../public/public-i18n.js';
import type { FiledMatter } from './public-types.js';

// The clipboard API exists only on secure origins; a union's LAN server over plain HTTP has execCommand.
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions): fall through to the old way.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/**
 * What a worker sees after filing: the tracking code, big and copyable, the notice that it is
 * shown only once, and the ways on (check progress, raise another matter).
 * @example
 * <TrackingCodeCard filed={filed} onLookup={() => showLookup(filed.trackingCode)} onAgain={reset} />
 */
export function TrackingCodeCard({ filed, onLookup, onAgain }: { filed: FiledMatter; onLookup(): void; onAgain(): void }) {
  const { t, l } = usePublicI18n();
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <Paper sx={{ p: { xs: 2, sm: 3 }, display: 'grid', gap: 2 }} data-testid="tracking-code-card">
      <Box>
        <Typography component="h2" variant="h5" sx={{ fontWeight: 700, color: 'success.dark' }}>
          {t('shuoshi.speak.filed_title')}
        </Typography>
        <Typography color="text.secondary">{t('shuoshi.speak.filed_reference', { reference: filed.matter.reference })}</Typography>
      </Box>
      <Box sx={{ textAlign: 'center', border: 2, borderColor: 'primary.main', borderRadius: 2, py: 2, px: 1, bgcolor: '#fff8f6' }}>
        <Typography variant="body2" color="text.secondary" id="tracking-code-label">
          {t('shuoshi.speak.code_label')}
        </Typography>
        <Typography
          aria-labelledby="tracking-code-label"
          data-tracking-code={filed.trackingCode}
          sx={{ fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, monospace', fontSize: { xs: '1.9rem', sm: '2.4rem' }, fontWeight: 700, letterSpacing: '0.06em', userSelect: 'all', wordBreak: 'break-all' }}
        >
          {filed.trackingCode}
        </Typography>
      </Box>
      <Button variant="contained" size="large" startIcon={<ContentCopyIcon />} onClick={() => void copyText(filed.trackingCode).then(setCopied)}>
        {copied ? t('shuoshi.speak.copied') : t('shuoshi.speak.copy')}
      </Button>
      {copied === false && <Alert severity="warning">{t('shuoshi.speak.copy_failed')}</Alert>}
      <Alert severity="info">{l(filed.notice)}</Alert>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
        <Button variant="outlined" size="large" fullWidth onClick={onLookup}>
          {t('shuoshi.speak.see_status')}
        </Button>
        <Button variant="text" size="large" fullWidth onClick={onAgain}>
          {t('shuoshi.speak.speak_again')}
        </Button>
      </Stack>
    </Paper>
  );
}
