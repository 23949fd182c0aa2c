import CallMadeIcon from '@mui/icons-material/CallMade';
import DeleteIcon from '@mui/icons-material/Delete';
import LockIcon from '@mui/icons-material/Lock';
import { Alert, Button, Checkbox, FormControlLabel, List, ListItemButton, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import type { StateDefinition, Workflow } from '@shuoshi/engine';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../../i18n/use-localized.js';
import { BilingualInput } from './bilingual-input.js';
import { DeleteDialog } from './delete-dialog.js';
import type { DiagramTarget } from './diagram-target.js';
import { DurationInput } from './duration-input.js';
import { EntryEffectsEditor } from './entry-effects-editor.js';
import { FormSection } from './form-section.js';
import { LadderEditor } from './ladder-editor.js';
import { MultiPicker } from './multi-picker.js';
import { NewIdForm } from './new-id-form.js';
import { stateUsage, titledUsages } from './node-usage.js';
import { OptionalBilingualInput } from './optional-bilingual-input.js';
import { ReferralEditor } from './referral-editor.js';
import { TagsInput } from './tags-input.js';
import { TimeoutEditor } from './timeout-editor.js';
import { useChoices } from './use-choices.js';
import { withKey } from './with-key.js';

/**
 * The form of one state: titles, description, roles, SLA (a number and natural or working
 * days/hours), time-out event, warning ladder, referral, entry effects, tags, final; its
 * transitions (open one, add one); set it as the initial state; lock it for overlays
 * (`lockable`, in a template); delete it with confirmation.
 * A state the template locks is read-only.
 * @example
 * <StateForm workflow={workflow} id="triage" locked={false} onChange={setWorkflow} onSelect={setSelected} />
 */
export function StateForm({ workflow, id, locked, lockable, readOnly, onChange, onSelect }: { workflow: Workflow; id: string; locked: boolean; lockable?: boolean; readOnly?: boolean; onChange(next: Workflow): void; onSelect(target: DiagramTarget | null): void }) {
  const translate = useTranslate();
  const l = useLocalized();
  const choices = useChoices(workflow);
  const [deleting, setDeleting] = useState(false);
  const state = workflow.states[id];
  if (!state) return null;
  const disabled = readOnly === true || locked;
  const update = (next: StateDefinition) => onChange({ ...workflow, states: { ...workflow.states, [id]: next } });
  const selectFields = Object.entries(workflow.fields).filter(([, f]) => f.type === 'select').map(([fid, f]) => ({ id: fid, label: l(f.label) || fid }));
  const others = choices.states.filter((s) => s.id !== id);
  return (
    <Stack spacing={2} data-testid="state-form">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        {locked ? <LockIcon color="disabled" /> : null}
        <Typography variant="h6">{l(state.title) || id}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
          {id}
        </Typography>
      </Stack>
      {locked ? <Alert severity="info">{translate('shuoshi.designer.state.locked')}</Alert> : null}
      <BilingualInput label={translate('shuoshi.designer.state.title')} value={state.title} disabled={disabled} onChange={(title) => update({ ...state, title })} name="state-title" />
      <OptionalBilingualInput label={translate('shuoshi.designer.state.description')} value={state.description} disabled={disabled} multiline onChange={(description) => update(withKey(state, 'description', description))} name="state-description" />
      <MultiPicker label={translate('shuoshi.designer.state.roles')} helperText={translate('shuoshi.designer.state.roles_help')} value={state.roles} choices={choices.roles} disabled={disabled} onChange={(roles) => update(withKey(state, 'roles', roles))} name="state-roles" />
      <FormSection title={translate('shuoshi.designer.state.sla')}>
        <DurationInput label={translate('shuoshi.designer.state.sla_within')} value={state.sla?.within} disabled={disabled} onChange={(within) => update(withKey(state, 'sla', within ? { ...state.sla, within } : undefined))} name="state-sla" />
      </FormSection>
      <FormSection title={translate('shuoshi.designer.state.on_timeout')}>
        <TimeoutEditor value={state.onTimeout} transitions={state.transitions} sla={state.sla?.within} disabled={disabled} onChange={(onTimeout) => update(withKey(state, 'onTimeout', onTimeout))} />
      </FormSection>
      <FormSection title={translate('shuoshi.designer.state.ladder')}>
        <LadderEditor value={state.warnings} roles={choices.roles} disabled={disabled} onChange={(warnings) => update(withKey(state, 'warnings', warnings))} />
      </FormSection>
      <FormSection title={translate('shuoshi.designer.state.referral')}>
        <ReferralEditor value={state.referral} transitions={state.transitions} agencies={choices.agencies} selectFields={selectFields} disabled={disabled} onChange={(referral) => update(withKey(state, 'referral', referral))} />
      </FormSection>
      <FormSection title={translate('shuoshi.designer.state.on_entry')}>
        <EntryEffectsEditor value={state.onEntry} roles={choices.roles} actions={choices.actions} disabled={disabled} onChange={(onEntry) => update(withKey(state, 'onEntry', onEntry))} />
      </FormSection>
      <TagsInput label={translate('shuoshi.designer.state.tags')} helperText={translate('shuoshi.designer.state.tags_help')} value={state.tags} disabled={disabled} onChange={(tags) => update(withKey(state, 'tags', tags))} name="state-tags" />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <FormControlLabel disabled={disabled} control={<Checkbox checked={state.final === true} onChange={(e) => update(withKey(state, 'final', e.target.checked ? true : undefined))} />} label={translate('shuoshi.designer.state.final')} />
        {lockable ? <FormControlLabel disabled={readOnly === true} control={<Checkbox checked={state.locked === true} onChange={(e) => update(withKey(state, 'locked', e.target.checked ? true : undefined))} />} label={translate('shuoshi.designer.state.lock')} /> : null}
        <Button size="small" disabled={readOnly === true || workflow.initial === id} onClick={() => onChange({ ...workflow, initial: id })}>
          {translate(workflow.initial === id ? 'shuoshi.designer.state.is_initial' : 'shuoshi.designer.state.make_initial')}
        </Button>
      </Stack>
      <FormSection title={translate('shuoshi.designer.state.transitions')}>
        <List dense disablePadding>
          {state.transitions.map((t) => (
            <ListItemButton key={t.event} onClick={() => onSelect({ kind: 'transition', state: id, event: t.event })}>
              <ListItemIcon sx={{ minWidth: 32 }}>
                <CallMadeIcon fontSize="small" />
              </ListItemIcon>
              <ListItemText primary={l(t.label) || t.event} secondary={t.target && t.target !== id ? translate('shuoshi.designer.transition.to', { state: l(workflow.states[t.target]?.title) || t.target }) : translate('shuoshi.designer.transition.stays')} />
            </ListItemButton>
          ))}
        </List>
        {disabled || state.final ? null : (
          <NewIdForm
            name="new-transition"
            label={translate('shuoshi.designer.transition.new_event')}
            buttonLabel={translate('shuoshi.designer.transition.add')}
            taken={state.transitions.map((t) => t.event)}
            onAdd={(event) => {
              const target = others[0]?.id;
              update({ ...state, transitions: [...state.transitions, { event, label: { zh: '', en: '' }, ...(target ? { target } : {}) }] });
              onSelect({ kind: 'transition', state: id, event });
            }}
          />
        )}
      </FormSection>
      {disabled ? null : (
        <Button color="error" startIcon={<DeleteIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => setDeleting(true)}>
          {translate('shuoshi.designer.state.delete')}
        </Button>
      )}
      {deleting ? (
        <DeleteDialog
          name={l(state.title) || id}
          usages={titledUsages(workflow, stateUsage(workflow, id), l)}
          onClose={() => setDeleting(false)}
          onConfirm={() => {
            const { [id]: _removed, ...states } = workflow.states;
            onChange({ ...workflow, states });
            setDeleting(false);
            onSelect(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
