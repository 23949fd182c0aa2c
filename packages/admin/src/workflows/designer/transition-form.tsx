import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Button, Checkbox, FormControlLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { Transition, Workflow } from '@shuoshi/engine';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../../i18n/use-localized.js';
import { BilingualInput } from './bilingual-input.js';
import { ConditionBuilder } from './condition-builder.js';
import { DeleteDialog } from './delete-dialog.js';
import type { DiagramTarget } from './diagram-target.js';
import { FormSection } from './form-section.js';
import { MultiPicker } from './multi-picker.js';
import { titledUsages, transitionUsage } from './node-usage.js';
import { useChoices } from './use-choices.js';
import { withKey } from './with-key.js';

// Selects whose empty value means "unchanged" show that choice instead of an empty box.
const EMPTY_SHOWN = { select: { displayEmpty: true }, inputLabel: { shrink: true } } as const;

/**
 * The form of one transition: label, target, roles, required and cleared fields, the condition
 * builder, separation of duties, assignment and clock; delete it with confirmation.
 * @example
 * <TransitionForm workflow={workflow} state="triage" event="to_chamber" locked={false} onChange={setWorkflow} onSelect={setSelected} />
 */
export function TransitionForm({ workflow, state, event, locked, readOnly, onChange, onSelect }: { workflow: Workflow; state: string; event: string; locked: boolean; readOnly?: boolean; onChange(next: Workflow): void; onSelect(target: DiagramTarget | null): void }) {
  const translate = useTranslate();
  const l = useLocalized();
  const choices = useChoices(workflow);
  const [deleting, setDeleting] = useState(false);
  const source = workflow.states[state];
  const transition = source?.transitions.find((t) => t.event === event);
  if (!source || !transition) return null;
  const disabled = readOnly === true || locked;
  const update = (next: Transition) => onChange({ ...workflow, states: { ...workflow.states, [state]: { ...source, transitions: source.transitions.map((t) => (t.event === event ? next : t)) } } });
  const separation = transition.separation ?? {};
  const setSeparation = (next: NonNullable<Transition['separation']>) => update(withKey(transition, 'separation', next.notHandler || next.notActorOf ? next : undefined));
  return (
    <Stack spacing={2} data-testid="transition-form">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
        <Typography variant="h6">{l(transition.label) || event}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
          {state} → {event}
        </Typography>
      </Stack>
      <Button size="small" sx={{ alignSelf: 'flex-start' }} onClick={() => onSelect({ kind: 'state', state })}>
        {translate('shuoshi.designer.transition.back_to_state', { state: l(source.title) || state })}
      </Button>
      {locked ? <Alert severity="info">{translate('shuoshi.designer.state.locked')}</Alert> : null}
      <BilingualInput label={translate('shuoshi.designer.transition.label')} value={transition.label} disabled={disabled} onChange={(label) => update({ ...transition, label })} name="transition-label" />
      <TextField select size="small" label={translate('shuoshi.designer.transition.target')} value={transition.target ?? ''} disabled={disabled} onChange={(e) => update(withKey(transition, 'target', e.target.value || undefined))} slotProps={{ htmlInput: { 'data-testid': 'transition-target' }, select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
        <MenuItem value="">{translate('shuoshi.designer.transition.stays')}</MenuItem>
        {choices.states.map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {s.label}
          </MenuItem>
        ))}
      </TextField>
      <MultiPicker label={translate('shuoshi.designer.transition.roles')} helperText={translate('shuoshi.designer.transition.roles_help')} value={transition.roles} choices={choices.roles} disabled={disabled} onChange={(roles) => update(withKey(transition, 'roles', roles))} name="transition-roles" />
      <MultiPicker label={translate('shuoshi.designer.transition.requires')} value={transition.requires} choices={choices.fields} disabled={disabled} onChange={(requires) => update(withKey(transition, 'requires', requires))} name="transition-requires" />
      <MultiPicker label={translate('shuoshi.designer.transition.clear')} helperText={translate('shuoshi.designer.transition.clear_help')} value={transition.clear} choices={choices.fields} disabled={disabled} onChange={(clear) => update(withKey(transition, 'clear', clear))} name="transition-clear" />
      <FormSection title={translate('shuoshi.designer.transition.condition')}>
        <ConditionBuilder value={transition.condition} fields={workflow.fields} disabled={disabled} onChange={(condition) => update(withKey(transition, 'condition', condition))} />
      </FormSection>
      <FormSection title={translate('shuoshi.designer.transition.separation')}>
        <FormControlLabel disabled={disabled} control={<Checkbox checked={separation.notHandler === true} onChange={(e) => setSeparation(e.target.checked ? { ...separation, notHandler: true } : (({ notHandler: _n, ...rest }) => rest)(separation))} />} label={translate('shuoshi.designer.transition.not_handler')} />
        <MultiPicker label={translate('shuoshi.designer.transition.not_actor_of')} value={separation.notActorOf} choices={choices.events} disabled={disabled} onChange={(notActorOf) => setSeparation(notActorOf ? { ...separation, notActorOf } : (({ notActorOf: _a, ...rest }) => rest)(separation))} />
      </FormSection>
      <Stack direction="row" spacing={1}>
        <TextField select size="small" label={translate('shuoshi.designer.transition.assign')} value={transition.assign ?? ''} disabled={disabled} onChange={(e) => update(withKey(transition, 'assign', (e.target.value || undefined) as Transition['assign']))} sx={{ minWidth: 180 }} slotProps={EMPTY_SHOWN}>
          <MenuItem value="">{translate('shuoshi.designer.transition.assign_keep')}</MenuItem>
          <MenuItem value="actor">{translate('shuoshi.designer.transition.assign_actor')}</MenuItem>
          <MenuItem value="none">{translate('shuoshi.designer.transition.assign_none')}</MenuItem>
        </TextField>
        <TextField select size="small" label={translate('shuoshi.designer.transition.clock')} value={transition.clock ?? ''} disabled={disabled} onChange={(e) => update(withKey(transition, 'clock', (e.target.value || undefined) as Transition['clock']))} sx={{ minWidth: 180 }} slotProps={EMPTY_SHOWN}>
          <MenuItem value="">{translate('shuoshi.designer.transition.clock_keep')}</MenuItem>
          <MenuItem value="pause">{translate('shuoshi.designer.transition.clock_pause')}</MenuItem>
          <MenuItem value="resume">{translate('shuoshi.designer.transition.clock_resume')}</MenuItem>
        </TextField>
      </Stack>
      {disabled ? null : (
        <Button color="error" startIcon={<DeleteIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => setDeleting(true)}>
          {translate('shuoshi.designer.transition.delete')}
        </Button>
      )}
      {deleting ? (
        <DeleteDialog
          name={l(transition.label) || event}
          usages={titledUsages(workflow, transitionUsage(workflow, state, event), l)}
          onClose={() => setDeleting(false)}
          onConfirm={() => {
            onChange({ ...workflow, states: { ...workflow.states, [state]: { ...source, transitions: source.transitions.filter((t) => t.event !== event) } } });
            setDeleting(false);
            onSelect({ kind: 'state', state });
          }}
        />
      ) : null}
    </Stack>
  );
}
