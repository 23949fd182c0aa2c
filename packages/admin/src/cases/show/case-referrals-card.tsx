import { Box, Card, CardContent, CardHeader, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import type { CaseReferral, TimelineEntry, Workflow } from '../../api/types.js';
import { formatDateTime } from '../../format/formatters.js';
import { localize } from '../../i18n/use-localized.js';
import { FieldValue } from './field-value.js';

const STATUS_COLOURS: Record<CaseReferral['status'], 'default' | 'success' | 'warning' | 'info'> = { awaiting: 'info', replied: 'success', returned: 'warning', withdrawn: 'default' };

/**
 * The replies and returns recorded for a referral: the entries of its reply or return event made
 * in the referral's state after it was sent.
 * @example
 * referralAnswers(referral, timeline, workflow); // [{ seq: 9, type: 'agency_replied', data: { reply_summary: '…' } }]
 */
export function referralAnswers(referral: CaseReferral, entries: readonly TimelineEntry[], workflow: Workflow | undefined): TimelineEntry[] {
  const config = workflow?.states[referral.state]?.referral;
  const events = new Set([config?.replyEvent ?? 'agency_replied', config?.returnEvent ?? 'agency_returned']);
  return entries.filter((entry) => entry.stateFrom === referral.state && events.has(entry.type) && Date.parse(entry.createdAt) >= Date.parse(referral.sentAt));
}

/**
 * The case's referrals to outside bodies (跨界联动): to whom, when sent, the reply deadline, the
 * status (awaiting, replied, returned), overdue, and the replies and returns with their text.
 * @example
 * <CaseReferralsCard referrals={record.referrals} entries={timeline} workflow={workflow?.definition} />
 */
export function CaseReferralsCard({ referrals, entries, workflow }: { referrals: readonly CaseReferral[]; entries: readonly TimelineEntry[]; workflow: Workflow | undefined }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (referrals.length === 0) return null;
  return (
    <Card variant="outlined">
      <CardHeader title={translate('shuoshi.case.referrals')} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent sx={{ pt: 0 }}>
        <Table size="small" aria-label={translate('shuoshi.case.referrals')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('shuoshi.referral.agency')}</TableCell>
              <TableCell>{translate('shuoshi.referral.sent_at')}</TableCell>
              <TableCell>{translate('shuoshi.referral.reply_due_at')}</TableCell>
              <TableCell>{translate('shuoshi.referral.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {referrals.map((referral) => {
              const answers = referralAnswers(referral, entries, workflow);
              return (
                <TableRow key={referral.id} data-referral={referral.status}>
                  <TableCell sx={{ verticalAlign: 'top' }}>
                    {localize(workflow?.agencies?.[referral.agency]?.title, locale) || referral.agency}
                    {answers.map((answer) => (
                      <Box key={answer.seq} sx={{ mt: 1, pl: 1, borderLeft: 3, borderColor: 'divider' }}>
                        <Typography variant="caption" color="text.secondary">
                          {formatDateTime(answer.createdAt, locale)}
                        </Typography>
                        {Object.entries(answer.data).map(([key, value]) => (
                          <Typography key={key} variant="body2" component="div">
                            <FieldValue field={workflow?.fields[key]} value={value} />
                          </Typography>
                        ))}
                      </Box>
                    ))}
                  </TableCell>
                  <TableCell sx={{ verticalAlign: 'top' }}>{formatDateTime(referral.sentAt, locale)}</TableCell>
                  <TableCell sx={{ verticalAlign: 'top' }}>{formatDateTime(referral.replyDueAt, locale)}</TableCell>
                  <TableCell sx={{ verticalAlign: 'top' }}>
                    <Chip size="small" color={STATUS_COLOURS[referral.status] ?? 'default'} label={translate(`shuoshi.referral.status_${referral.status}`, { _: referral.status })} />
                    {referral.overdue && referral.status === 'awaiting' && <Chip size="small" color="error" sx={{ ml: 0.5 }} label={translate('shuoshi.referral.overdue')} />}
                    {referral.closedAt && (
                      <Typography variant="caption" display="block" color="text.secondary">
                        {formatDateTime(referral.closedAt, locale)}
                      </Typography>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
