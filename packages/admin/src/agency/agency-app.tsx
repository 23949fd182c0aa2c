import { Alert, Box, Chip, CircularProgress, Divider, Paper, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import type { LocalizedText } from '../api/types.js';
import { formatDateTime } from '../format/formatters.js';
import { publicErrorText } from '../public/public-error-text.js';
import { PublicApiError, publicFetch } from '../public/public-fetch.js';
import { PublicI18nProvider, usePublicI18n } from '../public/public-i18n.js';
import { PublicShell } from '../public/public-shell.js';
import type { PublicUnions } from '../speak/public-types.js';
import { AnswerForm } from './answer-form.js';
import type { PublicReferral } from './public-referral.js';

// Shown on their own above the details, or only bookkeeping of the referral itself.
const SHOWN_APART = new Set(['title', 'description', 'referral_note', 'referral_agency']);

type FieldLabels = Map<string, { label: LocalizedText; options?: Map<string, LocalizedText> }>;

// The public forms name the intake fields (category, enterprise...); other fields show their key.
function labelsOf(directory: PublicUnions | null): FieldLabels {
  const labels: FieldLabels = new Map();
  for (const form of Object.values(directory?.workflows ?? {})) {
    for (const field of form.fields) {
      if (!labels.has(field.field)) labels.set(field.field, { label: field.label, ...(field.options ? { options: new Map(field.options.map((o) => [o.value, o.label])) } : {}) });
    }
  }
  return labels;
}

function valueText(value: unknown, option: LocalizedText | undefined, l: (text: LocalizedText | null | undefined) => string, yes: string): string {
  if (option) return l(option);
  if (value === true) return yes;
  if (value === false) return '—';
  if (Array.isArray(value)) return value.map(String).join('、');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value ?? '');
}

function ReferralView({ token }: { token: string }) {
  const { t, l, locale } = usePublicI18n();
  const [referral, setReferral] = useState<PublicReferral | null>(null);
  const [labels, setLabels] = useState<FieldLabels>(new Map());
  const [invalid, setInvalid] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [answered, setAnswered] = useState<'reply' | 'return' | null>(null);

  const load = useCallback(() => {
    publicFetch<PublicReferral>(`/public/referrals/${encodeURIComponent(token)}`).then(setReferral, (error: unknown) => {
      if (error instanceof PublicApiError && (error.status === 401 || error.status === 404)) setInvalid(true);
      else setFailure(publicErrorText(error, t));
    });
  }, [token, t]);
  useEffect(load, [load]);
  useEffect(() => {
    publicFetch<PublicUnions>('/public/unions').then((directory) => setLabels(labelsOf(directory)), () => undefined);
  }, []);

  if (invalid) {
    return (
      <Alert severity="error" data-testid="referral-invalid">
        <Typography sx={{ fontWeight: 700 }}>{t('shuoshi.agency.invalid_title')}</Typography>
        {t('shuoshi.agency.invalid')}
      </Alert>
    );
  }
  if (failure) return <Alert severity="error">{failure}</Alert>;
  if (!referral) {
    return (
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
        <CircularProgress size={24} /> {t('shuoshi.agency.loading')}
      </Box>
    );
  }
  const details = Object.entries(referral.data).filter(([key, value]) => !SHOWN_APART.has(key) && value !== null && value !== undefined && value !== '');
  const statusText = t(`shuoshi.agency.status_${referral.status}`);
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {answered && <Alert severity="success">{t(answered === 'reply' ? 'shuoshi.agency.sent_reply' : 'shuoshi.agency.sent_return')}</Alert>}
      <Paper sx={{ p: { xs: 2, sm: 3 }, display: 'grid', gap: 1.25 }} data-testid="referral">
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
          <Chip label={statusText} color={referral.status === 'awaiting' ? 'primary' : 'default'} data-status={referral.status} />
          {referral.overdue && referral.status === 'awaiting' && <Chip color="error" label={t('shuoshi.agency.overdue')} />}
        </Box>
        <Typography component="h2" variant="h6" sx={{ fontWeight: 700, overflowWrap: 'anywhere' }}>
          {referral.title}
        </Typography>
        <Typography color="text.secondary">{t('shuoshi.agency.from', { union: l(referral.union) })}</Typography>
        <Typography color="text.secondary">{t('shuoshi.agency.to', { agency: l(referral.agency.name) })}</Typography>
        <Typography>
          {t('shuoshi.agency.reference')}：{referral.reference} · {t('shuoshi.agency.sent_at')}：{formatDateTime(referral.sentAt, locale)}
        </Typography>
        <Typography sx={{ fontWeight: 700, color: referral.overdue ? 'error.main' : 'text.primary' }}>
          {t('shuoshi.agency.reply_due')}：{formatDateTime(referral.replyDueAt, locale)}
        </Typography>
        {referral.note && (
          <Alert severity="info" icon={false} sx={{ fontSize: '1.05rem' }}>
            <Typography sx={{ fontWeight: 700 }}>{t('shuoshi.agency.note')}</Typography>
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{referral.note}</Typography>
          </Alert>
        )}
        <Typography sx={{ fontWeight: 700 }}>{t('shuoshi.agency.matter')}</Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap' }}>{referral.description}</Typography>
        {details.length > 0 && (
          <>
            <Divider />
            <Typography sx={{ fontWeight: 700 }}>{t('shuoshi.agency.details')}</Typography>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(90px, auto) 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
              {details.map(([key, value]) => {
                const known = labels.get(key);
                return (
                  <Box key={key} sx={{ display: 'contents' }}>
                    <Typography component="dt" color="text.secondary">
                      {known ? l(known.label) : key}
                    </Typography>
                    <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
                      {valueText(value, typeof value === 'string' ? known?.options?.get(value) : undefined, l, '✓')}
                    </Typography>
                  </Box>
                );
              })}
            </Box>
            <Typography variant="body2" color="text.secondary">
              {t('shuoshi.agency.masked_help')}
            </Typography>
          </>
        )}
      </Paper>
      <Paper sx={{ p: { xs: 2, sm: 3 } }}>
        {referral.status === 'awaiting' ? (
          <AnswerForm
            token={token}
            referral={referral}
            onAnswered={(kind) => {
              setAnswered(kind);
              load();
            }}
          />
        ) : (
          <Alert severity={referral.status === 'withdrawn' ? 'warning' : 'success'} data-testid="referral-closed">
            {t('shuoshi.agency.closed', { status: statusText, time: formatDateTime(referral.closedAt, locale) })}
          </Alert>
        )}
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
          {t('shuoshi.agency.link_expires', { time: formatDateTime(referral.linkExpiresAt, locale) })}
        </Typography>
      </Paper>
    </Box>
  );
}

/**
 * The agency's referral page (served at `/referral/<token>`, the URL the server signs): what
 * the union asks, the reply with text and files or the return (退单), and plain words for an
 * expired or already answered link. No account, no react-admin.
 * @example
 * createRoot(element).render(<AgencyApp token={token} />);
 */
export function AgencyApp({ token }: { token: string }) {
  return (
    <PublicI18nProvider>
      <AgencyShell token={token} />
    </PublicI18nProvider>
  );
}

function AgencyShell({ token }: { token: string }) {
  const { t } = usePublicI18n();
  return (
    <PublicShell title={t('shuoshi.agency.title')}>
      <ReferralView token={token} />
    </PublicShell>
  );
}
