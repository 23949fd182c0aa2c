import { Alert, Box, Button, Rating, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { publicErrorText } from '../public/public-error-text.js';
import { PublicApiError, publicFetch } from '../public/public-fetch.js';
import { usePublicI18n } from '../public/public-i18n.js';

/**
 * The worker's rating of the outcome: 1-5 stars, a comment required for 1-2 (the matter is
 * then reopened); POST /api/public/matters/:code/rating.
 * @example
 * <RatingForm code={code} onRated={reload} />
 */
export function RatingForm({ code, onRated }: { code: string; onRated(): void }) {
  const { t } = usePublicI18n();
  const [stars, setStars] = useState<number | null>(null);
  const [hover, setHover] = useState(-1);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const shown = hover > 0 ? hover : stars;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (stars === null) {
      setProblem(t('shuoshi.public.required'));
      return;
    }
    if (stars <= 2 && comment.trim() === '') {
      setProblem(t('shuoshi.speak.comment_required'));
      return;
    }
    setProblem(null);
    setFailure(null);
    setSending(true);
    try {
      await publicFetch(`/public/matters/${encodeURIComponent(code)}/rating`, { method: 'POST', json: { satisfaction: stars, ...(comment.trim() ? { comment: comment.trim() } : {}) } });
      onRated();
    } catch (error) {
      setFailure(error instanceof PublicApiError && error.status === 409 ? t('shuoshi.speak.not_awaiting') : publicErrorText(error, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <Box component="form" noValidate onSubmit={submit} sx={{ display: 'grid', gap: 1.5 }} data-testid="rating-form">
      <Typography component="h3" variant="h6" sx={{ fontWeight: 700 }}>
        {t('shuoshi.speak.rate_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('shuoshi.speak.rate_help')}
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Rating
          name="satisfaction"
          value={stars}
          size="large"
          onChange={(_event, value) => setStars(value)}
          onChangeActive={(_event, value) => setHover(value)}
          getLabelText={(value) => `${value} · ${t(`shuoshi.speak.grade_${value}`)}`}
          sx={{ fontSize: '2.6rem' }}
        />
        {shown !== null && shown > 0 && <Typography sx={{ fontWeight: 600 }}>{t(`shuoshi.speak.grade_${shown}`)}</Typography>}
      </Box>
      <TextField
        label={t('shuoshi.speak.comment')}
        multiline
        minRows={3}
        fullWidth
        required={stars !== null && stars <= 2}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={problem !== null}
        helperText={problem ?? (stars !== null && stars <= 2 ? t('shuoshi.speak.comment_required') : undefined)}
      />
      {failure && <Alert severity="error">{failure}</Alert>}
      <Button type="submit" variant="contained" size="large" disabled={sending}>
        {t('shuoshi.speak.send_rating')}
      </Button>
    </Box>
  );
}
