import RestartAltIcon from '@mui/icons-material/RestartAlt';
import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Box, Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { AvailableEvent, FieldDefinition, Workflow } from '@shuoshi/engine';
import { useMemo, useState, type ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { STAFF_ROLES } from '../../api/types.js';
import { openingFields } from '../../cases/create/case-create.js';
import { WarningChip } from '../../cases/warning-chip.js';
import { formatDateTime } from '../../format/formatters.js';
import { useLocalized } from '../../i18n/use-localized.js';
import { roleName } from './describe-effect.js';
import { sampleData } from './sample-data.js';
import { SimulatorFieldForm } from './simulator-field-form.js';
import { SimulatorStepList } from './simulator-step-list.js';
import { useSimulation } from './use-simulation.js';

const TIME_ZONE = 'Asia/Shanghai';
const UNITS = ['wd', 'wh', 'd', 'h'] as const;
const AMOUNT = /^\d{1,4}(\.\d{1,2})?$/;

/**
 * The roles that act anywhere in a workflow (state and transition roles, its own roles), built-in
 * staff roles first.
 * @example
 * workflowRoles(unionGrievance); // ['intake_operator', 'mediator', ...]
 */
export function workflowRoles(workflow: Workflow): string[] {
  const used = new Set<string>(Object.keys(workflow.roles ?? {}));
  for (const state of Object.values(workflow.states)) {
    for (const role of state.roles ?? []) used.add(role);
    for (const transition of state.transitions) for (const role of transition.roles ?? []) used.add(role);
  }
  const builtIn = STAFF_ROLES.filter((role) => used.has(role));
  return [...builtIn, ...[...used].filter((role) => !(STAFF_ROLES as readonly string[]).includes(role))];
}

/**
 * 09:00 Beijing time today, where a simulation starts unless told otherwise.
 * @example
 * defaultStart(new Date('2025-09-29T03:00:00Z')); // '2025-09-29T09:00:00+08:00'
 */
export function defaultStart(now: Date = new Date()): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return `${day}T09:00:00+08:00`;
}

/**
 * The workflow simulator: open a case with sample data, send the events a chosen role may send,
 * move the clock by working days or hours (due timers fire), and watch the path on the diagram,
 * the deadlines, the warning colour and every step's effects. Runs the engine in the browser only.
 * @example
 * <WorkflowSimulator workflow={definition} diagram={(highlight) => <WorkflowDiagram workflow={definition} highlight={highlight} readOnly />} />
 */
export function WorkflowSimulator({ workflow, start = defaultStart(), diagram }: { workflow: Workflow; start?: string; diagram?: (highlight: { current?: string; visited?: string[] }) => ReactNode }) {
  const translate = useTranslate();
  const l = useLocalized();
  const [locale] = useLocaleState();
  const roles = useMemo(() => workflowRoles(workflow), [workflow]);
  // Start as a role that can act on a new case, so the first click does something.
  const [role, setRole] = useState(workflow.states[workflow.initial]?.roles?.[0] ?? roles[0] ?? 'intake_operator');
  const [pending, setPending] = useState<AvailableEvent | null>(null);
  const [amount, setAmount] = useState('1');
  const [unit, setUnit] = useState<(typeof UNITS)[number]>('wd');
  const sim = useSimulation(workflow, start, role, roles);
  const time = (iso: string) => formatDateTime(iso, locale, TIME_ZONE);
  const today = start.slice(0, 10);
  const opening = useMemo(() => openingFields(workflow).map(([id, field]) => [id, field, field.required === true] as const), [workflow]);
  const snapshot = sim.trace?.snapshot;
  const lastAt = sim.trace?.entries.at(-1)?.at;

  const choose = (event: AvailableEvent) => {
    if (event.requires.some((r) => !r.filled)) setPending(event);
    else sim.send(event.event, {});
  };
  const pendingFields = (pending?.requires ?? []).filter((r) => !r.filled).map((r) => [r.field, (workflow.fields[r.field] ?? { type: r.type, label: r.label, ...(r.options ? { options: r.options } : {}) }) as FieldDefinition, true] as const);

  return (
    <Stack spacing={2} data-testid="workflow-simulator">
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
        <TextField select size="small" label={translate('shuoshi.workflows.sim_role')} value={role} onChange={(e) => { setRole(e.target.value); setPending(null); }} sx={{ minWidth: 200 }} inputProps={{ 'data-testid': 'sim-role' }}>
          {roles.map((r) => (
            <MenuItem key={r} value={r}>{roleName(r, { workflow, translate, l })}</MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary">{translate('shuoshi.workflows.sim_clock', { time: time(lastAt ?? start) })}</Typography>
        {sim.started && (
          <>
            <Button size="small" startIcon={<UndoIcon />} onClick={() => { sim.undo(); setPending(null); }} disabled={(sim.trace?.entries.length ?? 0) <= 1}>{translate('shuoshi.workflows.sim_undo')}</Button>
            <Button size="small" startIcon={<RestartAltIcon />} onClick={() => { sim.reset(); setPending(null); }}>{translate('shuoshi.workflows.sim_reset')}</Button>
          </>
        )}
      </Stack>
      <Alert severity="info">{translate('shuoshi.workflows.sim_help')}</Alert>
      {sim.error && <Alert severity="error" data-sim-error={sim.error.code}>{translate('shuoshi.workflows.sim_failed', { message: sim.error.message })}</Alert>}
      {!sim.started && (
        <Card variant="outlined">
          <CardContent>
            <Typography variant="subtitle1" sx={{ mb: 1 }}>{translate('shuoshi.workflows.sim_opening')}</Typography>
            <SimulatorFieldForm fields={opening} defaults={sampleData(Object.fromEntries(opening.map(([id, field]) => [id, field])), today)} submitLabel={translate('shuoshi.workflows.sim_start')} onSubmit={sim.begin} />
          </CardContent>
        </Card>
      )}
      {snapshot && sim.trace && (
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, gap: 2 }}>
          <Box>{diagram?.({ current: snapshot.state, visited: sim.trace.path })}</Box>
          <Stack spacing={2}>
            <Card variant="outlined" data-testid="sim-current">
              <CardContent>
                <Stack direction="row" spacing={1} alignItems="center">
                  <Typography variant="h6" data-sim-state={snapshot.state}>{l(workflow.states[snapshot.state]?.title) || snapshot.state}</Typography>
                  <WarningChip level={snapshot.warning} />
                  {snapshot.status === 'closed' && <Typography variant="body2">{translate('shuoshi.status.closed')}</Typography>}
                </Stack>
                {snapshot.clock?.dueAt && <Typography variant="body2">{translate('shuoshi.workflows.sim_due', { time: time(snapshot.clock.dueAt) })}</Typography>}
                {snapshot.timers.length > 0 && (
                  <Box component="ul" sx={{ my: 1, pl: 2 }}>
                    {snapshot.timers.map((timer) => (
                      <li key={timer.id} data-deadline={timer.kind}>
                        <Typography variant="body2">{`${translate(`shuoshi.workflows.sim_timer_${timer.kind}`)}${timer.level ? `（${translate(`shuoshi.warning.${timer.level}`)}）` : ''}：${time(timer.dueAt)}`}</Typography>
                      </li>
                    ))}
                  </Box>
                )}
              </CardContent>
            </Card>
            {snapshot.status === 'open' && !pending && (
              <Card variant="outlined">
                <CardContent>
                  <Typography variant="subtitle2" sx={{ mb: 1 }}>{translate('shuoshi.workflows.sim_events', { role: roleName(role, { workflow, translate, l }) })}</Typography>
                  <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
                    {sim.available.map((event) => (
                      <Button key={event.event} variant="contained" size="small" onClick={() => choose(event)} data-sim-event={event.event}>{l(event.label)}</Button>
                    ))}
                  </Stack>
                  {sim.available.length === 0 && (
                    <Typography variant="body2" color="text.secondary">
                      {translate('shuoshi.workflows.sim_no_events', { roles: sim.rolesWithEvents.map((r) => roleName(r, { workflow, translate, l })).join('、') || '—' })}
                    </Typography>
                  )}
                  <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 2 }}>
                    <TextField size="small" label={translate('shuoshi.workflows.sim_amount')} value={amount} onChange={(e) => setAmount(e.target.value.trim())} error={!AMOUNT.test(amount) || Number(amount) <= 0} sx={{ width: 100 }} inputProps={{ 'data-testid': 'sim-amount' }} />
                    <TextField select size="small" value={unit} onChange={(e) => setUnit(e.target.value as (typeof UNITS)[number])} sx={{ width: 140 }} inputProps={{ 'data-testid': 'sim-unit' }}>
                      {UNITS.map((u) => (
                        <MenuItem key={u} value={u}>{translate(`shuoshi.workflows.unit_${u}`)}</MenuItem>
                      ))}
                    </TextField>
                    <Button variant="outlined" size="small" disabled={!AMOUNT.test(amount) || Number(amount) <= 0} onClick={() => sim.advance(`${amount}${unit}`)} data-action="sim-advance">
                      {translate('shuoshi.workflows.sim_advance')}
                    </Button>
                  </Stack>
                </CardContent>
              </Card>
            )}
            {pending && (
              <Card variant="outlined" data-sim-form={pending.event}>
                <CardContent>
                  <Typography variant="subtitle2" sx={{ mb: 1 }}>{translate('shuoshi.workflows.sim_event_fields', { event: l(pending.label) })}</Typography>
                  <SimulatorFieldForm
                    fields={pendingFields}
                    defaults={sampleData(Object.fromEntries(pendingFields.map(([id, field]) => [id, field])), today)}
                    submitLabel={l(pending.label)}
                    onSubmit={(data) => { sim.send(pending.event, data); setPending(null); }}
                    onCancel={() => setPending(null)}
                    cancelLabel={translate('ra.action.cancel')}
                  />
                </CardContent>
              </Card>
            )}
          </Stack>
        </Box>
      )}
      {sim.trace && <SimulatorStepList workflow={workflow} trace={sim.trace} time={time} />}
    </Stack>
  );
}
