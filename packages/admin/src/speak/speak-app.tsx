import { Alert, Box, Button, CircularProgress, Paper, Tab, Tabs } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { publicErrorText } from '../public/public-error-text.js';
import { publicFetch } from '../public/public-fetch.js';
import { PublicI18nProvider, usePublicI18n } from '../public/public-i18n.js';
import { PublicShell } from '../public/public-shell.js';
import { MatterForm } from './matter-form.js';
import { MatterLookup } from './matter-lookup.js';
import type { FiledMatter, PublicUnions } from './public-types.js';
import { TrackingCodeCard } from './tracking-code-card.js';

/**
 * The workers' page (no login, phone first): speak up about a matter, named or anonymous, and
 * keep the tracking code; or look a matter up by its code and rate the outcome.
 * @example
 * <PublicI18nProvider><SpeakPage /></PublicI18nProvider>
 */
export function SpeakPage() {
  const { t } = usePublicI18n();
  const [tab, setTab] = useState<'speak' | 'lookup'>('speak');
  const [directory, setDirectory] = useState<PublicUnions | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [filed, setFiled] = useState<FiledMatter | null>(null);
  const [lookupCode, setLookupCode] = useState('');
  // A new form after each filing, so nothing of the last matter stays in it.
  const [formRound, setFormRound] = useState(0);

  const load = useCallback(() => {
    setFailure(null);
    publicFetch<PublicUnions>('/public/unions').then(setDirectory, (error: unknown) => setFailure(publicErrorText(error, t)));
  }, [t]);
  useEffect(load, [load]);

  return (
    <PublicShell title={t('shuoshi.speak.title')} subtitle={t('shuoshi.speak.subtitle')}>
      <Paper sx={{ mb: 2 }}>
        <Tabs value={tab} onChange={(_event, next: 'speak' | 'lookup') => setTab(next)} variant="fullWidth">
          <Tab value="speak" label={t('shuoshi.speak.tab_speak')} />
          <Tab value="lookup" label={t('shuoshi.speak.tab_lookup')} />
        </Tabs>
      </Paper>
      {tab === 'speak' && filed && (
        <TrackingCodeCard
          filed={filed}
          onLookup={() => {
            setLookupCode(filed.trackingCode);
            setTab('lookup');
          }}
          onAgain={() => {
            setFiled(null);
            setFormRound((round) => round + 1);
          }}
        />
      )}
      {tab === 'speak' && !filed && (
        <Paper sx={{ p: { xs: 2, sm: 3 } }}>
          {failure && (
            <Alert severity="error" action={<Button onClick={load}>{t('shuoshi.public.retry')}</Button>}>
              {failure}
            </Alert>
          )}
          {!directory && !failure && (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
              <CircularProgress size={24} /> {t('shuoshi.speak.union_loading')}
            </Box>
          )}
          {directory && <MatterForm key={formRound} directory={directory} onFiled={setFiled} />}
        </Paper>
      )}
      {tab === 'lookup' && <MatterLookup key={lookupCode} initialCode={lookupCode} />}
    </PublicShell>
  );
}

/**
 * The workers' page as its own app (served at `/speak`): no react-admin, only MUI and the
 * public API, so a phone downloads little.
 * @example
 * createRoot(element).render(<SpeakApp />);
 */
export function SpeakApp() {
  return (
    <PublicI18nProvider>
      <SpeakPage />
    </PublicI18nProvider>
  );
}
