import DeleteIcon from '@mui/icons-material/Delete';
import { Accordion, AccordionDetails, Button, Checkbox, Chip, FormControlLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { FieldDefinition, WarningRule } from '@shuoshi/engine';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../../i18n/use-localized.js';
import { ConditionBuilder } from './condition-builder.js';
import { firstComparison } from './condition-operators.js';
import { DeleteDialog } from './delete-dialog.js';
import { EntrySummary } from './entry-summary.js';
import { MultiPicker } from './multi-picker.js';
import { NewIdForm } from './new-id-form.js';
import { OptionalBilingualInput } from './optional-bilingual-input.js';
import type { Choice } from './use-choices.js';
import { withKey } from './with-key.js';

type Rules = Record<string, WarningRule>;
type Recipients = NonNullable<WarningRule['notify']>;

function withNotify(rule: WarningRule, notify: Recipients): WarningRule {
  const { notify: _old, ...rest } = rule;
  const kept: Recipients = {};
  if (notify.roles && notify.roles.length > 0) kept.roles = notify.roles;
  if (notify.assignee) kept.assignee = true;
  if (notify.worker) kept.worker = true;
  return Object.keys(kept).length > 0 ? { ...rest, notify: kept } : rest;
}

function RuleEditor({ id, rule, fields, roles, disabled, onChange }: { id: string; rule: WarningRule; fields: Record<string, FieldDefinition>; roles: Choice[]; disabled?: boolean; onChange(next: WarningRule): void }) {
  const translate = useTranslate();
  const notify = rule.notify ?? {};
  return (
    <Stack spacing={1.5}>
      <OptionalBilingualInput
        label={translate('shuoshi.designer.rule.title')}
        value={rule.title}
        disabled={disabled}
        onChange={(title) => onChange(withKey(rule, 'title', title))}
        name={`rule-${id}-title`}
      />
      <TextField select size="small" label={translate('shuoshi.designer.rule.level')} value={rule.level} disabled={disabled} onChange={(e) => onChange({ ...rule, level: e.target.value as WarningRule['level'] })} sx={{ maxWidth: 200 }} slotProps={{ htmlInput: { 'data-testid': `rule-${id}-level` } }}>
        <MenuItem value="yellow">{translate('shuoshi.designer.level.yellow')}</MenuItem>
        <MenuItem value="red">{translate('shuoshi.designer.level.red')}</MenuItem>
      </TextField>
      <Typography variant="subtitle2">{translate('shuoshi.designer.rule.when')}</Typography>
      {/* Removing the last comparison would leave a rule without a condition: keep it and say why. */}
      <ConditionBuilder value={rule.when} fields={fields} disabled={disabled} onChange={(when) => when && onChange({ ...rule, when })} />
      <Typography variant="caption" color="text.secondary">
        {translate('shuoshi.designer.rule.when_required')}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <MultiPicker label={translate('shuoshi.designer.rule.notify_roles')} value={notify.roles} choices={roles} disabled={disabled} onChange={(picked) => onChange(withNotify(rule, { ...notify, roles: picked ?? [] }))} name={`rule-${id}-notify`} />
        <FormControlLabel disabled={disabled} sx={{ whiteSpace: 'nowrap' }} control={<Checkbox checked={notify.assignee === true} onChange={(e) => onChange(withNotify(rule, { ...notify, assignee: e.target.checked }))} />} label={translate('shuoshi.designer.rule.notify_assignee')} />
      </Stack>
    </Stack>
  );
}

/**
 * The workflow's data warning rules: each a name (also the notification text), a colour, a
 * condition over the case fields (the condition builder) and who is told when it starts to hold;
 * add one by id, delete one after confirmation. No rules left gives undefined.
 * @example
 * <WarningRulesEditor value={workflow.warningRules} fields={workflow.fields} roles={choices.roles} onChange={(warningRules) => update({ warningRules })} />
 */
export function WarningRulesEditor({ value, fields, roles, onChange, disabled }: { value: Rules | undefined; fields: Record<string, FieldDefinition>; roles: Choice[]; onChange(next: Rules | undefined): void; disabled?: boolean }) {
  const translate = useTranslate();
  const l = useLocalized();
  const [open, setOpen] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const rules = value ?? {};
  const set = (next: Rules) => onChange(Object.keys(next).length > 0 ? next : undefined);
  // A rule must have a condition, so a new one starts with the first comparison the condition builder's own "add" offers.
  const comparison = firstComparison(fields);
  return (
    <Stack spacing={1} data-testid="warning-rules-editor">
      {Object.keys(rules).length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('shuoshi.designer.rule.none')}
        </Typography>
      ) : null}
      {Object.entries(rules).map(([id, rule]) => (
        <Accordion key={id} expanded={open === id} onChange={() => setOpen(open === id ? null : id)} disableGutters variant="outlined" data-testid={`rule-${id}`}>
          <EntrySummary id={id} name={l(rule.title) || id} before={<Chip size="small" color={rule.level === 'red' ? 'error' : 'warning'} label={translate(`shuoshi.designer.level.${rule.level === 'red' ? 'red' : 'yellow'}`)} />} />
          <AccordionDetails>
            <RuleEditor id={id} rule={rule} fields={fields} roles={roles} disabled={disabled} onChange={(next) => set({ ...rules, [id]: next })} />
            {disabled ? null : (
              <Button size="small" color="error" startIcon={<DeleteIcon />} sx={{ mt: 1 }} onClick={() => setDeleting(id)}>
                {translate('shuoshi.designer.rule.delete')}
              </Button>
            )}
          </AccordionDetails>
        </Accordion>
      ))}
      {disabled ? null : comparison ? (
        <NewIdForm
          name="new-rule"
          label={translate('shuoshi.designer.rule.new_id')}
          buttonLabel={translate('shuoshi.designer.rule.add')}
          taken={Object.keys(rules)}
          onAdd={(id) => {
            set({ ...rules, [id]: { when: comparison, level: 'yellow' } });
            setOpen(id);
          }}
        />
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('shuoshi.designer.rule.no_fields')}
        </Typography>
      )}
      {deleting ? (
        <DeleteDialog
          name={l(rules[deleting]?.title) || deleting}
          usages={[]}
          onClose={() => setDeleting(null)}
          onConfirm={() => {
            const { [deleting]: _removed, ...rest } = rules;
            set(rest);
            setDeleting(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
