import { Alert, Box, Button, Chip, Divider, Paper, Rating, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { formatDateTime } from '../format/formatters.js';
import { publicErrorText } from '../public/public-error-text.js';
import { PublicApiError, publicFetch } from '../public/public-fetch.js';
import { usePublicI18n } from '../public/public-i18n.js';
import type { PublicMatter } from './public-types.js';
import { RatingForm } from './rating-form.js';

function MatterStatus({ matter, code, onChanged }: { matter: PublicMatter; code: string; onChanged(): void }) {
  const { t, l, locale } = usePublicI18n();
  const row = (label: string, value: string) => (
    <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
      <Typography color="text.secondary" sx={{ minWidth: 84 }}>
        {label}
      </Typography>
      <Typography sx={{ fontWeight: 500, flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{value}</Typography>
    </Box>
  );
  return (
    <Paper sx={{ p: { xs: 2, sm: 3 }, display: 'grid', gap: 1.5 }} data-testid="matter-status">
      <Typography component="h2" variant="h6" sx={{ fontWeight: 700, overflowWrap: 'anywhere' }}>
        {matter.title}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <Chip color={matter.status === 'closed' ? 'success' : 'primary'} label={t(`shuoshi.speak.status_${matter.status}`)} />
        <Typography data-state={matter.state} sx={{ fontWeight: 600 }}>
          {t('shuoshi.speak.state')}：{l(matter.stateTitle) || matter.state}
        </Typography>
      </Box>
      {row(t('shuoshi.speak.reference'), matter.reference)}
      {row(t('shuoshi.speak.union_of'), l(matter.union.name))}
      {row(t('shuoshi.speak.opened_at'), formatDateTime(matter.openedAt, locale))}
      {matter.closedAt && row(t('shuoshi.speak.closed_at'), formatDateTime(matter.closedAt, locale))}
      <Divider />
      <Typography sx={{ fontWeight: 600 }}>{t('shuoshi.speak.answer')}</Typography>
      <Typography data-testid="matter-answer" sx={{ whiteSpace: 'pre-wrap' }} color={matter.answer ? 'text.primary' : 'text.secondary'}>
        {matter.answer ?? t('shuoshi.speak.no_answer')}
      </Typography>
      {matter.rating && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} data-testid="matter-rating">
          <Rating value={matter.rating.satisfaction} readOnly />
          <Typography>{t('shuoshi.speak.your_rating', { count: matter.rating.satisfaction })}</Typography>
        </Box>
      )}
      {matter.awaitingRating && (
        <>
          <Divider />
          <RatingForm code={code} onRated={onChanged} />
        </>
      )}
      <Divider />
      <Typography sx={{ fontWeight: 600 }}>{t('shuoshi.speak.timeline')}</Typography>
      <Stack component="ol" spacing={1} sx={{ m: 0, pl: 2.5 }}>
        {matter.timeline.map((step, index) => (
          <li key={`${step.at}-${index}`}>
            <Typography sx={{ fontWeight: 500 }}>{l(step.label) || step.event} → {l(step.toTitle) || step.to}</Typography>
            <Typography variant="body2" color="text.secondary">
              {formatDateTime(step.at, locale)} · {step.staffName ?? t(`shuoshi.speak.by_${step.by}`)}
            </Typography>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}

/**
 * The lookup by tracking code: the matter's progress, its outcome, and the rating form when the
 * follow-up waits for the worker.
 * @example
 * <MatterLookup initialCode={filed?.trackingCode} />
 */
export function MatterLookup({ initialCode = '' }: { initialCode?: string }) {
  const { t } = usePublicI18n();
  const [code, setCode] = useState(initialCode);
  const [shownCode, setShownCode] = useState('');
  const [matter, setMatter] = useState<PublicMatter | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [rated, setRated] = useState(false);

  const look = useCallback(
    async (wanted: string) => {
      const trimmed = wanted.trim();
      if (trimmed === '') {
        setFailure(t('shuoshi.public.required'));
        return;
      }
      setLoading(true);
      setFailure(null);
      try {
        setMatter(await publicFetch<PublicMatter>(`/public/matters/${encodeURIComponent(trimmed)}`));
        setShownCode(trimmed);
      } catch (error) {
        setMatter(null);
        setFailure(error instanceof PublicApiError && error.status === 404 ? t('shuoshi.speak.not_found') : publicErrorText(error, t));
      } finally {
        setLoading(false);
      }
    },
    [t],
  );

  // The code handed over after a filing is looked up at once (again when the language changes).
  useEffect(() => {
    if (initialCode) void look(initialCode);
  }, [initialCode, look]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRated(false);
    void look(code);
  };

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box component="form" noValidate onSubmit={submit} sx={{ display: 'grid', gap: 1.5 }}>
        <TextField
          label={t('shuoshi.speak.code_input')}
          helperText={t('shuoshi.speak.code_help')}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          fullWidth
          slotProps={{ htmlInput: { autoCapitalize: 'characters', autoComplete: 'off', spellCheck: false, style: { fontSize: '1.4rem', letterSpacing: '0.05em', fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace' } } }}
        />
        <Button type="submit" variant="contained" size="large" disabled={loading}>
          {t('shuoshi.speak.lookup')}
        </Button>
      </Box>
      {failure && <Alert severity="warning">{failure}</Alert>}
      {rated && <Alert severity="success">{t('shuoshi.speak.rated')}</Alert>}
      {matter && (
        <MatterStatus
          matter={matter}
          code={shownCode}
          onChanged={() => {
            setRated(true);
            void look(shownCode);
          }}
        />
      )}
    </Box>
  );
}
