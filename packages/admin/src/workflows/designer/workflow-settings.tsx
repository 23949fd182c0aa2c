import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { Workflow } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';
import { BilingualInput } from './bilingual-input.js';
import { FormSection } from './form-section.js';
import { NewIdForm } from './new-id-form.js';
import { useChoices } from './use-choices.js';

/**
 * The workflow's own settings, shown when nothing is selected: its title, its initial state
 * and the custom staff roles it declares.
 * @example
 * <WorkflowSettings workflow={workflow} onChange={setWorkflow} />
 */
export function WorkflowSettings({ workflow, onChange, readOnly }: { workflow: Workflow; onChange(next: Workflow): void; readOnly?: boolean }) {
  const translate = useTranslate();
  const choices = useChoices(workflow);
  return (
    <Stack spacing={2} data-testid="workflow-settings">
      <Typography variant="h6">{translate('shuoshi.designer.settings.title')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('shuoshi.designer.settings.hint')}
      </Typography>
      <BilingualInput label={translate('shuoshi.designer.settings.name')} value={workflow.title} disabled={readOnly} onChange={(title) => onChange({ ...workflow, title })} />
      <TextField select size="small" label={translate('shuoshi.designer.settings.initial')} value={Object.hasOwn(workflow.states, workflow.initial) ? workflow.initial : ''} disabled={readOnly} onChange={(e) => onChange({ ...workflow, initial: e.target.value })}>
        {choices.states.map((s) => (
          <MenuItem key={s.id} value={s.id}>
            {s.label}
          </MenuItem>
        ))}
      </TextField>
      <FormSection title={translate('shuoshi.designer.settings.roles')}>
        {Object.entries(workflow.roles ?? {}).map(([id, role]) => (
          <Stack key={id} spacing={0.5}>
            <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
              {id}
            </Typography>
            <BilingualInput label={translate('shuoshi.designer.settings.role_title')} value={role.title} disabled={readOnly} onChange={(title) => onChange({ ...workflow, roles: { ...workflow.roles, [id]: { ...role, title } } })} />
          </Stack>
        ))}
        {readOnly ? null : (
          <NewIdForm name="new-role" label={translate('shuoshi.designer.settings.new_role')} buttonLabel={translate('shuoshi.designer.settings.add_role')} taken={choices.roles.map((r) => r.id)} onAdd={(id) => onChange({ ...workflow, roles: { ...workflow.roles, [id]: { title: { zh: id, en: id } } } })} />
        )}
      </FormSection>
    </Stack>
  );
}
