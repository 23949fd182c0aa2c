import { MenuItem, Stack, TextField, Typography } from '@mui/material';
import { BUILTIN_AGENCIES, BUILTIN_ROLES, createCalendarRegistry, type Workflow } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../../i18n/use-localized.js';
import { BilingualInput } from './bilingual-input.js';
import { FormSection } from './form-section.js';
import { NamedEntriesEditor } from './named-entries-editor.js';
import { entryUsage, titledUsages, type NamedEntryKind } from './node-usage.js';
import { OptionalBilingualInput } from './optional-bilingual-input.js';
import { PublicOptionsEditor } from './public-options-editor.js';
import { useChoices } from './use-choices.js';
import { WarningRulesEditor } from './warning-rules-editor.js';
import { withKey } from './with-key.js';

const IDENTIFIER = /^[a-z][a-z0-9_]{0,63}$/;
const DEFAULT_CALENDAR = 'cn-mainland';
// The server registers no calendars of its own, so the engine's built-ins are the ones it knows.
const CALENDARS = createCalendarRegistry();

// A workflow may redefine a built-in role or agency; removing its own entry then falls back to
// the built-in one, which nothing needs to be guarded against.
const BUILTIN: Record<NamedEntryKind, ReadonlySet<string>> = { roles: new Set<string>(BUILTIN_ROLES), agencies: new Set(Object.keys(BUILTIN_AGENCIES)), actions: new Set() };

// Custom roles, outside agencies and host actions are declared alike: one section each.
const ENTRY_SECTIONS: ReadonlyArray<{ kind: NamedEntryKind; name: string; title: string; help?: string; newId: string; add: string }> = [
  { kind: 'roles', name: 'role', title: 'shuoshi.designer.settings.roles', newId: 'shuoshi.designer.settings.new_role', add: 'shuoshi.designer.settings.add_role' },
  { kind: 'agencies', name: 'agency', title: 'shuoshi.designer.settings.agencies', help: 'shuoshi.designer.settings.agencies_help', newId: 'shuoshi.designer.settings.new_agency', add: 'shuoshi.designer.settings.add_agency' },
  { kind: 'actions', name: 'action', title: 'shuoshi.designer.settings.actions', help: 'shuoshi.designer.settings.actions_help', newId: 'shuoshi.designer.settings.new_action', add: 'shuoshi.designer.settings.add_action' },
];

function CategoryInput({ value, disabled, onChange }: { value: string | undefined; disabled?: boolean; onChange(next: string | undefined): void }) {
  const translate = useTranslate();
  const text = value ?? '';
  // A half-typed category is kept as it is (live validation names it too) and marked here.
  const invalid = text !== '' && !IDENTIFIER.test(text);
  return (
    <TextField
      size="small"
      label={translate('shuoshi.designer.settings.category')}
      value={text}
      disabled={disabled}
      error={invalid}
      helperText={invalid ? translate('shuoshi.designer.settings.category_invalid', { category: text }) : translate('shuoshi.designer.settings.category_help')}
      onChange={(e) => {
        const next = e.target.value.trim();
        onChange(next === '' ? undefined : next);
      }}
      slotProps={{ htmlInput: { 'data-testid': 'workflow-category' } }}
    />
  );
}

/**
 * The workflow's own settings, shown when nothing is selected: title, description, category,
 * calendar and initial state; custom roles, outside agencies and host actions; the data warning
 * rules; what the public sees.
 * @example
 * <WorkflowSettings workflow={workflow} onChange={setWorkflow} />
 */
export function WorkflowSettings({ workflow, onChange, readOnly }: { workflow: Workflow; onChange(next: Workflow): void; readOnly?: boolean }) {
  const translate = useTranslate();
  const l = useLocalized();
  const choices = useChoices(workflow);
  const calendar = workflow.calendar ?? DEFAULT_CALENDAR;
  const calendars = CALENDARS.names().map((name) => ({ id: name, label: l(CALENDARS.get(name).title) || name }));
  if (!CALENDARS.has(calendar)) calendars.push({ id: calendar, label: translate('shuoshi.designer.settings.calendar_unknown', { name: calendar }) });
  const usageOf = (kind: NamedEntryKind) => (id: string) => (BUILTIN[kind].has(id) ? [] : titledUsages(workflow, entryUsage(workflow, kind, id), l));
  return (
    <Stack spacing={2} data-testid="workflow-settings">
      <Typography variant="h6">{translate('shuoshi.designer.settings.title')}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('shuoshi.designer.settings.hint')}
      </Typography>
      <FormSection title={translate('shuoshi.designer.settings.basics')}>
        <BilingualInput label={translate('shuoshi.designer.settings.name')} value={workflow.title} disabled={readOnly} onChange={(title) => onChange({ ...workflow, title })} />
        <OptionalBilingualInput label={translate('shuoshi.designer.settings.description')} value={workflow.description} disabled={readOnly} multiline onChange={(description) => onChange(withKey(workflow, 'description', description))} name="workflow-description" />
        <CategoryInput value={workflow.category} disabled={readOnly} onChange={(category) => onChange(withKey(workflow, 'category', category))} />
        <TextField select size="small" label={translate('shuoshi.designer.settings.calendar')} helperText={translate('shuoshi.designer.settings.calendar_help')} value={calendar} disabled={readOnly} onChange={(e) => onChange({ ...workflow, calendar: e.target.value })} slotProps={{ htmlInput: { 'data-testid': 'workflow-calendar' } }}>
          {calendars.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={translate('shuoshi.designer.settings.initial')} value={Object.hasOwn(workflow.states, workflow.initial) ? workflow.initial : ''} disabled={readOnly} onChange={(e) => onChange({ ...workflow, initial: e.target.value })}>
          {choices.states.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.label}
            </MenuItem>
          ))}
        </TextField>
      </FormSection>
      {ENTRY_SECTIONS.map((section) => (
        <FormSection key={section.kind} title={translate(section.title)}>
          {section.help ? (
            <Typography variant="caption" color="text.secondary">
              {translate(section.help)}
            </Typography>
          ) : null}
          <NamedEntriesEditor name={section.name} value={workflow[section.kind]} taken={choices[section.kind].map((c) => c.id)} usageOf={usageOf(section.kind)} newIdLabel={translate(section.newId)} addLabel={translate(section.add)} disabled={readOnly} onChange={(entries) => onChange(withKey(workflow, section.kind, entries))} />
        </FormSection>
      ))}
      <FormSection title={translate('shuoshi.designer.settings.warning_rules')}>
        <Typography variant="caption" color="text.secondary">
          {translate('shuoshi.designer.settings.warning_rules_help')}
        </Typography>
        <WarningRulesEditor value={workflow.warningRules} fields={workflow.fields} roles={choices.roles} disabled={readOnly} onChange={(warningRules) => onChange(withKey(workflow, 'warningRules', warningRules))} />
      </FormSection>
      <FormSection title={translate('shuoshi.designer.settings.public')}>
        <PublicOptionsEditor value={workflow.public} keepFalse={workflow.extends !== undefined} disabled={readOnly} onChange={(options) => onChange(withKey(workflow, 'public', options))} />
      </FormSection>
    </Stack>
  );
}
