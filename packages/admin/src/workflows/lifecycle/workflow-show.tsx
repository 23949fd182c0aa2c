import EditIcon from '@mui/icons-material/Edit';
import PublishIcon from '@mui/icons-material/Publish';
import { Alert, Box, Button, Card, CardContent, Stack, Tab, Tabs, Typography } from '@mui/material';
import type { Workflow } from '@shuoshi/engine';
import { useState } from 'react';
import { Confirm, ShowBase, Title, useNotify, useRedirect, useShowContext, useTranslate } from 'react-admin';
import { apiErrorOf } from '../../api/api-fetch.js';
import { DateTimeText } from '../../format/date-time-text.js';
import { useLocalized } from '../../i18n/use-localized.js';
import { WorkflowDiagram } from '../designer/index.js';
import { useWorkflowAccess } from '../list/use-workflow-access.js';
import { WorkflowStatusChip } from '../list/workflow-status-chip.js';
import { WorkflowSimulator } from '../simulator/workflow-simulator.js';
import { MigrationPanel } from './migration-panel.js';
import { PublishDialog } from './publish-dialog.js';
import { RebasePanel } from './rebase-panel.js';
import { useWorkflowApi, type WorkflowDetail } from './workflow-api.js';
import { WorkflowDiffPanel } from './workflow-diff-panel.js';

type TabId = 'diff' | 'simulate' | 'rebase' | 'migrate';

function Header({ record, onPublish, onRetire }: { record: WorkflowDetail; onPublish: () => void; onRetire: () => void }) {
  const translate = useTranslate();
  const l = useLocalized();
  const { canWrite, isTemplate } = useWorkflowAccess();
  const own = canWrite && !isTemplate(record);
  return (
    <Card>
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
          <Typography variant="h5">{l(record.title)}</Typography>
          <Typography variant="body1" color="text.secondary">{`${record.key} v${record.version}`}</Typography>
          <WorkflowStatusChip status={record.status} />
          <Box sx={{ flex: 1 }} />
          <Button startIcon={<EditIcon />} href={`#/workflows/${encodeURIComponent(record.id)}/design`}>
            {translate(record.status === 'draft' && own ? 'shuoshi.workflows.design' : 'shuoshi.workflows.view_diagram')}
          </Button>
          {own && record.status === 'draft' && (
            <Button variant="contained" startIcon={<PublishIcon />} onClick={onPublish} data-action="publish">
              {translate('shuoshi.workflows.publish')}
            </Button>
          )}
          {own && record.status === 'published' && (
            <Button color="warning" onClick={onRetire} data-action="retire">
              {translate('shuoshi.workflows.retire')}
            </Button>
          )}
        </Stack>
        <Typography variant="body2" sx={{ mt: 1 }}>
          {record.parent ? translate('shuoshi.workflows.extends', { key: record.parent.key, version: record.parent.version }) : translate('shuoshi.workflows.full_definition')}
          {' · '}
          {translate('shuoshi.workflows.running_summary', { count: record.runningCases })}
          {' · '}
          {translate('shuoshi.workflows.owner')}: {record.tenantId}
        </Typography>
        {record.publishedAt && (
          <Typography variant="body2" color="text.secondary">
            {translate('shuoshi.workflows.published_at')}: <DateTimeText value={record.publishedAt} />
            {record.note ? ` · ${translate('shuoshi.workflows.note')}: ${record.note}` : ''}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

function WorkflowShowView() {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const api = useWorkflowApi();
  const { record, refetch } = useShowContext<WorkflowDetail>();
  const { canWrite, isTemplate } = useWorkflowAccess();
  const [tab, setTab] = useState<TabId>('diff');
  const [publishing, setPublishing] = useState(false);
  const [retiring, setRetiring] = useState(false);
  if (!record) return null;
  const own = canWrite && !isTemplate(record);
  const tabs: TabId[] = ['diff', 'simulate', ...(own && record.parent ? (['rebase'] as const) : []), ...(own && record.status !== 'draft' ? (['migrate'] as const) : [])];
  const current = tabs.includes(tab) ? tab : 'diff';
  const openDraft = (draft: WorkflowDetail) => redirect(`/workflows/${encodeURIComponent(draft.id)}/show`);
  const retire = async () => {
    setRetiring(false);
    try {
      await api.retire(record.id, '');
      notify('shuoshi.workflows.retired', { type: 'info' });
      await refetch();
    } catch (error) {
      notify(apiErrorOf(error)?.message ?? String(error), { type: 'error' });
    }
  };
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={`${record.key} v${record.version}`} />
      <Header record={record} onPublish={() => setPublishing(true)} onRetire={() => setRetiring(true)} />
      <Card>
        <Tabs value={current} onChange={(_e, value: TabId) => setTab(value)} variant="scrollable">
          {tabs.map((id) => (
            <Tab key={id} value={id} label={translate(`shuoshi.workflows.tab_${id}`)} data-tab={id} />
          ))}
        </Tabs>
        <CardContent>
          {current === 'diff' && (record.parent || record.version > 1 ? <WorkflowDiffPanel record={record} /> : <Alert severity="info">{translate('shuoshi.workflows.diff_no_parent')}</Alert>)}
          {current === 'simulate' && (
            <WorkflowSimulator workflow={record.definition as Workflow} diagram={(highlight) => <WorkflowDiagram workflow={record.definition as Workflow} highlight={highlight} readOnly height={480} />} />
          )}
          {current === 'rebase' && <RebasePanel record={record} onRebased={(draft) => { notify('shuoshi.workflows.rebased', { type: 'info', messageArgs: { id: draft.id } }); openDraft(draft); }} />}
          {current === 'migrate' && <MigrationPanel record={record} onMigrated={() => void refetch()} />}
        </CardContent>
      </Card>
      {publishing && (
        <PublishDialog
          record={record}
          open
          onClose={() => setPublishing(false)}
          onPublished={() => {
            setPublishing(false);
            notify('shuoshi.workflows.published', { type: 'info', messageArgs: { id: record.id } });
            void refetch();
          }}
        />
      )}
      <Confirm isOpen={retiring} title="shuoshi.workflows.retire_title" content="shuoshi.workflows.retire_help" translateOptions={{ id: record.id }} onConfirm={() => void retire()} onClose={() => setRetiring(false)} />
    </Stack>
  );
}

/**
 * A workflow version's page: its status, template and running cases, with publish and retire for
 * its union's admins, and tabs for the diff against its template, the simulator, rebasing an
 * overlay onto a newer template and migrating running cases to another version.
 * @example
 * <Resource name="workflows" show={WorkflowShow} />
 */
export function WorkflowShow() {
  return (
    <ShowBase resource="workflows">
      <WorkflowShowView />
    </ShowBase>
  );
}
