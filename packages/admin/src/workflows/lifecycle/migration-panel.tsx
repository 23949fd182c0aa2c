import { Alert, Box, Button, List, ListItem, ListItemText, MenuItem, Stack, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { ApiErrorAlert } from '../../cases/show/api-error-alert.js';
import { useLocalized } from '../../i18n/use-localized.js';
import { defaultStateMap, StateMapForm, unmappedStates, type MappableStates } from './state-map-form.js';
import { useWorkflowApi, type MigrationReport, type WorkflowDetail, type WorkflowSummary } from './workflow-api.js';

function statesOf(record: WorkflowDetail | null): MappableStates {
  const definition = record?.definition as { states?: MappableStates } | undefined;
  return definition?.states ?? {};
}

/**
 * Moves the running cases of a published (or retired) version to another published version of the
 * same key: pick the version, map every old state to a new one, preview a dry run (how many cases
 * move where, and the problems), then confirm.
 * @example
 * <MigrationPanel record={v1} />
 */
export function MigrationPanel({ record, onMigrated }: { record: WorkflowDetail; onMigrated?: (report: MigrationReport) => void }) {
  const translate = useTranslate();
  const l = useLocalized();
  const api = useWorkflowApi();
  const [versions, setVersions] = useState<WorkflowSummary[]>([]);
  const [toVersion, setToVersion] = useState<number | ''>('');
  const [target, setTarget] = useState<WorkflowDetail | null>(null);
  const [map, setMap] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<MigrationReport | null>(null);
  const [done, setDone] = useState<MigrationReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.list({ key: record.key, status: 'published' }).then(
      (rows) => {
        if (!live) return;
        const others = rows.filter((row) => row.version !== record.version);
        setVersions(others);
        const newest = others.reduce<number | ''>((max, row) => (max === '' || row.version > max ? row.version : max), '');
        setToVersion(newest);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [api, record.key, record.version]);

  useEffect(() => {
    if (toVersion === '') return;
    let live = true;
    setPreview(null);
    setDone(null);
    api.show(`${record.key}@${toVersion}`).then(
      (detail) => {
        if (!live) return;
        setTarget(detail);
        setMap(defaultStateMap(statesOf(record), statesOf(detail)));
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [api, record, toVersion]);

  if (versions.length === 0) return <Alert severity="info">{translate('shuoshi.workflows.migrate_no_target', { key: record.key })}</Alert>;
  const from = statesOf(record);
  const to = statesOf(target);
  const titleIn = (states: MappableStates, id: string) => (states[id] ? l(states[id].title) : id);
  const missing = unmappedStates(map);
  const stateMap = Object.fromEntries(Object.entries(map).filter(([, t]) => t !== ''));

  const run = async (dryRun: boolean) => {
    if (toVersion === '') return;
    setBusy(true);
    setError(null);
    try {
      const report = await api.migrate(record.id, { toVersion, stateMap, dryRun });
      if (dryRun) setPreview(report);
      else {
        setDone(report);
        setPreview(null);
        onMigrated?.(report);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const report = done ?? preview;
  const blocking = preview ? preview.failed > 0 : true;

  return (
    <Stack spacing={2}>
      <Typography variant="body2">{translate('shuoshi.workflows.migrate_help', { count: record.runningCases, id: record.id })}</Typography>
      <TextField select label={translate('shuoshi.workflows.migrate_to')} value={toVersion} onChange={(e) => setToVersion(Number(e.target.value))} sx={{ maxWidth: 320 }}>
        {versions.map((v) => (
          <MenuItem key={v.id} value={v.version}>{`v${v.version} · ${l(v.title)}`}</MenuItem>
        ))}
      </TextField>
      {target && (
        <StateMapForm
          from={from}
          to={to}
          value={map}
          onChange={(next) => {
            setMap(next);
            setPreview(null);
          }}
        />
      )}
      {missing.length > 0 && <Alert severity="warning">{translate('shuoshi.workflows.map_incomplete', { states: missing.map((id) => titleIn(from, id)).join('、') })}</Alert>}
      <Box>
        <Button variant="outlined" disabled={busy || !target} onClick={() => void run(true)} data-action="dry-run">
          {translate('shuoshi.workflows.migrate_preview')}
        </Button>
      </Box>
      {report && (
        <Box data-testid={done ? 'migration-done' : 'migration-preview'}>
          <Alert severity={report.failed > 0 ? 'warning' : 'success'} sx={{ mb: 1 }}>
            {translate(done ? 'shuoshi.workflows.migrate_done' : 'shuoshi.workflows.migrate_summary', { cases: report.cases, migrated: report.migrated, failed: report.failed, skipped: report.skipped })}
          </Alert>
          <Table size="small">
            <TableBody>
              {Object.entries(report.moves).flatMap(([source, targets]) =>
                Object.entries(targets).map(([dest, count]) => (
                  <TableRow key={`${source}>${dest}`} data-move={`${source}>${dest}`}>
                    <TableCell>{titleIn(from, source)}</TableCell>
                    <TableCell>→</TableCell>
                    <TableCell>{titleIn(to, dest)}</TableCell>
                    <TableCell align="right">{translate('shuoshi.workflows.cases_count', { count })}</TableCell>
                  </TableRow>
                )),
              )}
            </TableBody>
          </Table>
          {report.problems.length > 0 && (
            <List dense>
              {report.problems.map((p) => (
                <ListItem key={`${p.severity}:${p.code}:${p.path}`} data-problem={p.code}>
                  <ListItemText
                    primary={`${p.severity === 'error' ? translate('shuoshi.workflows.error') : translate('shuoshi.workflows.warning')} · ${translate('shuoshi.workflows.cases_count', { count: p.count })} · ${p.message}`}
                    secondary={p.cases.map((c) => c.reference).join('、')}
                  />
                </ListItem>
              ))}
            </List>
          )}
        </Box>
      )}
      {preview && !done && (
        <Box>
          <Button variant="contained" color={blocking ? 'warning' : 'primary'} disabled={busy || preview.cases === 0} onClick={() => void run(false)} data-action="migrate">
            {translate(blocking ? 'shuoshi.workflows.migrate_confirm_partial' : 'shuoshi.workflows.migrate_confirm', { count: preview.cases - preview.failed })}
          </Button>
        </Box>
      )}
      <ApiErrorAlert error={error} />
    </Stack>
  );
}
