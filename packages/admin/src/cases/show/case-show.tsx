import VisibilityIcon from '@mui/icons-material/Visibility';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ListButton, Loading, ReferenceField, Show, TextField, TopToolbar, useDataProvider, useLocaleState, usePermissions, useRecordContext, useShowContext, useTranslate } from 'react-admin';
import type { ShuoshiDataProvider } from '../../api/data-provider.js';
import { mayRevealPii } from '../../api/permissions.js';
import type { CaseRecord } from '../../api/types.js';
import { DateTimeText } from '../../format/date-time-text.js';
import { localize } from '../../i18n/use-localized.js';
import { useWorkflow } from '../use-workflow-catalog.js';
import { SlaCountdown } from '../sla-countdown.js';
import { WarningChip } from '../warning-chip.js';
import { AssignCaseButton } from './assign-case-button.js';
import { CaseAttachmentsCard } from './case-attachments-card.js';
import { CaseFieldsCard } from './case-fields-card.js';
import { CaseFollowUpCard } from './case-follow-up-card.js';
import { CaseReferralsCard } from './case-referrals-card.js';
import { CaseTimeline } from './case-timeline.js';
import { EventButtons } from './event-buttons.js';

function CaseShowContent({ reveal, onReveal }: { reveal: boolean; onReveal: () => void }) {
  const record = useRecordContext<CaseRecord>();
  const { refetch } = useShowContext<CaseRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions<string[]>();
  const dataProvider = useDataProvider<ShuoshiDataProvider>();
  const queryClient = useQueryClient();
  const { workflow } = useWorkflow(record?.workflow);
  const timeline = useQuery({
    queryKey: ['shuoshi', 'timeline', record?.id, record?.version, reveal],
    enabled: record !== undefined,
    queryFn: () => dataProvider.caseTimeline(String(record?.id), { reveal }),
  });
  if (!record) return <Loading />;
  const definition = workflow?.definition;
  const hasPii = Object.values(definition?.fields ?? {}).some((field) => field.pii);
  const reload = () => {
    void refetch();
    void queryClient.invalidateQueries({ queryKey: ['shuoshi'] });
  };

  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Card variant="outlined">
        <CardContent>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
            <Typography variant="h6" component="h1" sx={{ mr: 1 }}>
              {record.title}
            </Typography>
            <Chip size="small" label={localize(record.stateTitle, locale) || record.state} data-state={record.state} />
            <WarningChip level={record.warning} />
            <SlaCountdown record={record} />
            {record.status === 'closed' && <Chip size="small" variant="outlined" label={translate('shuoshi.status.closed')} />}
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('shuoshi.case.summary', { reference: record.reference, workflow: localize(workflow?.title, locale) || record.workflow.key, channel: translate(`shuoshi.channel.${record.channel}`, { _: record.channel }) })}
            {' · '}
            <DateTimeText value={record.openedAt} />
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 1, alignItems: 'center' }}>
            <Typography variant="body2" component="span">
              {translate('resources.cases.fields.tenantId')}：
              <ReferenceField source="tenantId" reference="tenants" link={false}>
                <TenantName />
              </ReferenceField>
            </Typography>
            <Typography variant="body2" component="span">
              {translate('resources.cases.fields.assigneeId')}：
              <ReferenceField source="assigneeId" reference="users" link={false} emptyText={translate('shuoshi.timeline.nobody')}>
                <TextField source="displayName" />
              </ReferenceField>
            </Typography>
            <AssignCaseButton record={record} onChanged={reload} />
            {hasPii && mayRevealPii(permissions ?? []) && !reveal && (
              <Tooltip title={translate('shuoshi.case.reveal_audited')} describeChild>
                <Button size="small" startIcon={<VisibilityIcon />} onClick={onReveal}>
                  {translate('shuoshi.case.reveal')}
                </Button>
              </Tooltip>
            )}
          </Box>
          {reveal && (
            <Alert severity="info" sx={{ mt: 1 }}>
              {translate('shuoshi.case.revealed')}
            </Alert>
          )}
          {(record.warningCauses ?? []).length > 0 && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              {translate('shuoshi.case.warning_causes', { causes: (record.warningCauses ?? []).map((cause) => localize(definition?.warningRules?.[cause.id]?.title, locale) || translate(`shuoshi.warning_source.${cause.source}`, { _: cause.source })).join('、') })}
            </Typography>
          )}
          <Box sx={{ mt: 2 }}>
            <EventButtons record={record} fields={definition?.fields} onChanged={reload} />
          </Box>
        </CardContent>
      </Card>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, alignItems: 'start' }}>
        <Stack spacing={2}>
          <CaseFieldsCard record={record} workflow={definition} />
          <CaseReferralsCard referrals={record.referrals ?? []} entries={timeline.data ?? []} workflow={definition} />
          <CaseFollowUpCard record={record} />
          <CaseAttachmentsCard caseId={record.id} />
        </Stack>
        <CaseTimeline entries={timeline.data ?? []} workflow={definition} />
      </Box>
    </Stack>
  );
}

function TenantName() {
  const tenant = useRecordContext<{ id: string; name: { zh: string; en: string } }>();
  const [locale] = useLocaleState();
  return <span>{tenant ? localize(tenant.name, locale) : ''}</span>;
}

function CaseTitle() {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  return <span>{record ? `${translate('resources.cases.name', { smart_count: 1 })} ${record.reference}` : ''}</span>;
}

/**
 * The case page: header with state, warning, SLA countdown, assignee and the buttons for the
 * events the user may send; the fields (personal ones masked, with an audited reveal for the
 * roles allowed), referrals with their replies, the follow-up rating, attachments and the timeline.
 * @example
 * <Resource name="cases" show={CaseShow} />
 */
export function CaseShow() {
  const [reveal, setReveal] = useState(false);
  return (
    <Show
      title={<CaseTitle />}
      queryOptions={{ meta: { reveal } }}
      actions={
        <TopToolbar>
          <ListButton />
        </TopToolbar>
      }
    >
      <CaseShowContent reveal={reveal} onReveal={() => setReveal(true)} />
    </Show>
  );
}
