import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import LockIcon from '@mui/icons-material/Lock';
import { Accordion, AccordionDetails, Button, Checkbox, Chip, FormControlLabel, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { FIELD_TYPES, type FieldDefinition, type FieldType } from '@shuoshi/engine';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../../i18n/use-localized.js';
import { BilingualInput } from './bilingual-input.js';
import { DeleteDialog } from './delete-dialog.js';
import { EntrySummary } from './entry-summary.js';
import { NewIdForm } from './new-id-form.js';
import type { Usage } from './node-usage.js';
import { withKey } from './with-key.js';

type Fields = Record<string, FieldDefinition>;

const NUMERIC: readonly FieldType[] = ['number', 'integer', 'money', 'rating'];
const TEXTUAL: readonly FieldType[] = ['text', 'longtext'];
const CHOICE: readonly FieldType[] = ['select', 'multiselect'];

/**
 * A field changed to another type, keeping only the keys that fit the new type (options for
 * choices, bounds for numbers, a length for texts).
 * @example
 * retypeField({ type: 'text', label, maxLength: 50 }, 'select'); // { type: 'select', label, options: [{ value: 'option_1', ... }] }
 */
export function retypeField(field: FieldDefinition, type: FieldType): FieldDefinition {
  const { options, min, max, maxLength, ...rest } = field;
  const next: FieldDefinition = { ...rest, type };
  if (CHOICE.includes(type)) next.options = options ?? [{ value: 'option_1', label: { zh: '选项一', en: 'Option 1' } }];
  if (NUMERIC.includes(type)) {
    if (min !== undefined) next.min = min;
    if (max !== undefined) next.max = max;
  }
  if (TEXTUAL.includes(type) && maxLength !== undefined) next.maxLength = maxLength;
  return next;
}

function numberOrUndefined(text: string): number | undefined {
  const n = Number(text);
  return text.trim() === '' || Number.isNaN(n) ? undefined : n;
}

function FieldEditor({ id, field, disabled, onChange }: { id: string; field: FieldDefinition; disabled: boolean; onChange(next: FieldDefinition): void }) {
  const translate = useTranslate();
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', '& .MuiFormControlLabel-label': { whiteSpace: 'nowrap' } }}>
        <TextField select size="small" label={translate('shuoshi.designer.field.type')} value={field.type} disabled={disabled} onChange={(e) => onChange(retypeField(field, e.target.value as FieldType))} sx={{ minWidth: 180 }} slotProps={{ htmlInput: { 'data-testid': `field-${id}-type` } }}>
          {FIELD_TYPES.map((type) => (
            <MenuItem key={type} value={type}>
              {translate(`shuoshi.designer.field_type.${type}`)}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel disabled={disabled} control={<Checkbox checked={field.required === true} onChange={(e) => onChange(withKey(field, 'required', e.target.checked || undefined))} />} label={translate('shuoshi.designer.field.required')} />
        <FormControlLabel disabled={disabled} control={<Checkbox checked={field.pii === true} onChange={(e) => onChange(withKey(field, 'pii', e.target.checked || undefined))} />} label={translate('shuoshi.designer.field.pii')} />
      </Stack>
      <BilingualInput label={translate('shuoshi.designer.field.label')} value={field.label} disabled={disabled} onChange={(label) => onChange({ ...field, label })} name={`field-${id}-label`} />
      {NUMERIC.includes(field.type) ? (
        <Stack direction="row" spacing={1}>
          <TextField size="small" type="number" label={translate('shuoshi.designer.field.min')} value={field.min ?? ''} disabled={disabled} onChange={(e) => onChange(withKey(field, 'min', numberOrUndefined(e.target.value)))} />
          <TextField size="small" type="number" label={translate('shuoshi.designer.field.max')} value={field.max ?? ''} disabled={disabled} onChange={(e) => onChange(withKey(field, 'max', numberOrUndefined(e.target.value)))} />
        </Stack>
      ) : null}
      {TEXTUAL.includes(field.type) ? (
        <TextField size="small" type="number" label={translate('shuoshi.designer.field.max_length')} value={field.maxLength ?? ''} disabled={disabled} onChange={(e) => onChange(withKey(field, 'maxLength', numberOrUndefined(e.target.value)))} sx={{ maxWidth: 200 }} />
      ) : null}
      {CHOICE.includes(field.type) ? (
        <Stack spacing={1} data-testid={`field-${id}-options`}>
          <Typography variant="subtitle2">{translate('shuoshi.designer.field.options')}</Typography>
          {(field.options ?? []).map((option, index) => (
            <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <TextField size="small" label={translate('shuoshi.designer.field.option_value')} value={option.value} disabled={disabled} onChange={(e) => onChange({ ...field, options: (field.options ?? []).map((o, i) => (i === index ? { ...o, value: e.target.value } : o)) })} sx={{ width: 160 }} />
              <BilingualInput label={translate('shuoshi.designer.field.option_label')} value={option.label} disabled={disabled} onChange={(label) => onChange({ ...field, options: (field.options ?? []).map((o, i) => (i === index ? { ...o, label } : o)) })} />
              {disabled ? null : (
                <IconButton size="small" disabled={(field.options ?? []).length <= 1} aria-label={translate('shuoshi.designer.field.remove_option')} onClick={() => onChange({ ...field, options: (field.options ?? []).filter((_o, i) => i !== index) })}>
                  <DeleteIcon fontSize="small" />
                </IconButton>
              )}
            </Stack>
          ))}
          {disabled ? null : (
            <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => onChange({ ...field, options: [...(field.options ?? []), { value: `option_${(field.options ?? []).length + 1}`, label: { zh: '', en: '' } }] })}>
              {translate('shuoshi.designer.field.add_option')}
            </Button>
          )}
        </Stack>
      ) : null}
    </Stack>
  );
}

/**
 * The case form's field builder: every field with its id, type, labels, options for choices,
 * bounds, required and personal-data flags; add a field by id; delete one with confirmation,
 * refused while a transition, referral or rule still needs it. Fields the template locks are
 * shown read-only.
 * @example
 * <FieldBuilder fields={workflow.fields} onChange={(fields) => update({ ...workflow, fields })} usageOf={(id) => fieldUsage(workflow, id)} />
 */
export function FieldBuilder({ fields, onChange, usageOf, locked, readOnly, selected, onSelect }: { fields: Fields; onChange(next: Fields): void; usageOf(id: string): Usage[]; locked?: ReadonlySet<string>; readOnly?: boolean; selected?: string | null; onSelect?(id: string | null): void }) {
  const translate = useTranslate();
  const l = useLocalized();
  const [deleting, setDeleting] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const expanded = selected ?? open;
  const toggle = (id: string) => {
    const next = expanded === id ? null : id;
    setOpen(next);
    onSelect?.(next);
  };
  return (
    <Stack spacing={1} data-testid="field-builder">
      {readOnly ? null : (
        <NewIdForm
          name="new-field"
          label={translate('shuoshi.designer.field.new_id')}
          buttonLabel={translate('shuoshi.designer.field.add')}
          taken={Object.keys(fields)}
          onAdd={(id) => {
            onChange({ ...fields, [id]: { type: 'text', label: { zh: '', en: '' } } });
            setOpen(id);
            onSelect?.(id);
          }}
        />
      )}
      {Object.entries(fields).map(([id, field]) => {
        const isLocked = locked?.has(id) === true || field.locked === true;
        return (
          <Accordion key={id} expanded={expanded === id} onChange={() => toggle(id)} disableGutters data-testid={`field-${id}`}>
            <EntrySummary id={id} name={l(field.label) || id} before={isLocked ? <LockIcon fontSize="small" color="disabled" aria-label={translate('shuoshi.designer.diagram.locked')} /> : null}>
              <Chip size="small" label={translate(`shuoshi.designer.field_type.${field.type}`)} />
              {field.required ? <Chip size="small" color="primary" variant="outlined" label={translate('shuoshi.designer.field.required')} /> : null}
              {field.pii ? <Chip size="small" color="secondary" variant="outlined" label={translate('shuoshi.designer.field.pii')} /> : null}
            </EntrySummary>
            <AccordionDetails>
              <FieldEditor id={id} field={field} disabled={readOnly === true || isLocked} onChange={(next) => onChange({ ...fields, [id]: next })} />
              {readOnly || isLocked ? null : (
                <Button size="small" color="error" startIcon={<DeleteIcon />} sx={{ mt: 1 }} onClick={() => setDeleting(id)}>
                  {translate('shuoshi.designer.field.delete')}
                </Button>
              )}
            </AccordionDetails>
          </Accordion>
        );
      })}
      {deleting ? (
        <DeleteDialog
          name={l(fields[deleting]?.label) || deleting}
          usages={usageOf(deleting)}
          onClose={() => setDeleting(null)}
          onConfirm={() => {
            const { [deleting]: _removed, ...rest } = fields;
            onChange(rest);
            setDeleting(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
