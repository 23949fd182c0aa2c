import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, Checkbox, FormControlLabel, IconButton, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { Condition, ConditionOperator, FieldComparison, FieldDefinition } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../../i18n/use-localized.js';
import { defaultValue, firstComparison, operatorArity, operatorsFor, typedValue, type ComparisonValue } from './condition-operators.js';

type Fields = Record<string, FieldDefinition>;
type Group = { mode: 'all' | 'any'; items: Condition[] };

function asGroup(condition: Condition): Group {
  if ('all' in condition) return { mode: 'all', items: condition.all };
  if ('any' in condition) return { mode: 'any', items: condition.any };
  return { mode: 'all', items: [condition] };
}

function fromGroup(group: Group): Condition | undefined {
  if (group.items.length === 0) return undefined;
  if (group.items.length === 1 && group.mode === 'all' && group.items[0]) return group.items[0];
  return group.mode === 'all' ? { all: group.items } : { any: group.items };
}

function ValueInput({ field, comparison, onChange, label, disabled }: { field: FieldDefinition; comparison: FieldComparison; onChange(value: ComparisonValue): void; label: string; disabled: boolean }) {
  const l = useLocalized();
  const translate = useTranslate();
  const arity = operatorArity(comparison.op);
  if (arity === 'none') return null;
  const options = field.options ?? [];
  if (field.type === 'boolean') {
    return (
      <TextField select size="small" label={label} value={String(comparison.value === true)} disabled={disabled} onChange={(e) => onChange(e.target.value === 'true')} sx={{ minWidth: 120 }}>
        <MenuItem value="true">{translate('shuoshi.designer.condition.true')}</MenuItem>
        <MenuItem value="false">{translate('shuoshi.designer.condition.false')}</MenuItem>
      </TextField>
    );
  }
  if (options.length > 0) {
    const multiple = arity === 'list';
    const value = multiple ? (Array.isArray(comparison.value) ? comparison.value : []) : typeof comparison.value === 'string' ? comparison.value : '';
    return (
      <TextField select size="small" label={label} value={value} disabled={disabled} slotProps={{ select: { multiple } }} onChange={(e) => onChange(e.target.value as ComparisonValue)} sx={{ minWidth: 160 }}>
        {options.map((option) => (
          <MenuItem key={option.value} value={option.value}>
            {l(option.label)}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  const text = Array.isArray(comparison.value) ? comparison.value.join(', ') : comparison.value === undefined || comparison.value === null ? '' : String(comparison.value);
  return (
    <TextField
      size="small"
      label={label}
      value={text}
      disabled={disabled}
      helperText={arity === 'list' ? translate('shuoshi.designer.condition.list_help') : undefined}
      onChange={(e) => onChange(arity === 'list' ? e.target.value.split(/[,，]/).map((part) => typedValue(field, part.trim())).filter((v) => v !== '') : typedValue(field, e.target.value))}
      sx={{ minWidth: 160 }}
    />
  );
}

function ComparisonRow({ comparison, fields, onChange, disabled }: { comparison: FieldComparison; fields: Fields; onChange(next: FieldComparison): void; disabled: boolean }) {
  const translate = useTranslate();
  const l = useLocalized();
  const field = fields[comparison.field];
  const operators = field ? operatorsFor(field.type) : [];
  const setField = (id: string) => {
    const next = fields[id];
    if (!next) return;
    const op = operatorsFor(next.type).includes(comparison.op) ? comparison.op : (operatorsFor(next.type)[0] ?? 'exists');
    const value = defaultValue(next, op);
    onChange(value === undefined ? { field: id, op } : { field: id, op, value });
  };
  const setOp = (op: ConditionOperator) => {
    if (!field) return;
    const keep = operatorArity(op) === operatorArity(comparison.op) && comparison.value !== undefined;
    const value = keep ? comparison.value : defaultValue(field, op);
    onChange(value === undefined ? { field: comparison.field, op } : { field: comparison.field, op, value });
  };
  return (
    <>
      <TextField select size="small" label={translate('shuoshi.designer.condition.field')} value={field ? comparison.field : ''} disabled={disabled} onChange={(e) => setField(e.target.value)} sx={{ minWidth: 160 }} error={!field}>
        {Object.entries(fields).map(([id, f]) => (
          <MenuItem key={id} value={id}>
            {l(f.label) || id}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label={translate('shuoshi.designer.condition.operator')} value={operators.includes(comparison.op) ? comparison.op : ''} disabled={disabled} onChange={(e) => setOp(e.target.value as ConditionOperator)} sx={{ minWidth: 120 }}>
        {operators.map((op) => (
          <MenuItem key={op} value={op}>
            {translate(`shuoshi.designer.op.${op}`)}
          </MenuItem>
        ))}
      </TextField>
      {field ? <ValueInput field={field} comparison={comparison} disabled={disabled} label={translate('shuoshi.designer.condition.value')} onChange={(value) => onChange({ ...comparison, value } as FieldComparison)} /> : null}
    </>
  );
}

function ConditionItem({ condition, fields, onChange, onRemove, depth, disabled }: { condition: Condition; fields: Fields; onChange(next: Condition): void; onRemove(): void; depth: number; disabled: boolean }) {
  const translate = useTranslate();
  const negated = 'not' in condition;
  const inner = 'not' in condition ? condition.not : condition;
  const wrap = (next: Condition): Condition => (negated ? { not: next } : next);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }} data-testid="condition-row">
      <FormControlLabel disabled={disabled} control={<Checkbox size="small" checked={negated} onChange={(e) => onChange(e.target.checked ? { not: inner } : inner)} />} label={translate('shuoshi.designer.condition.not')} />
      {'field' in inner ? (
        <ComparisonRow comparison={inner} fields={fields} disabled={disabled} onChange={(next) => onChange(wrap(next))} />
      ) : (
        <Box sx={{ flex: 1 }}>
          <ConditionGroup value={inner} fields={fields} depth={depth + 1} disabled={disabled} onChange={(next) => (next ? onChange(wrap(next)) : onRemove())} />
        </Box>
      )}
      {disabled ? null : (
        <IconButton size="small" aria-label={translate('shuoshi.designer.condition.remove')} onClick={onRemove}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      )}
    </Stack>
  );
}

function ConditionGroup({ value, fields, onChange, depth, disabled }: { value: Condition; fields: Fields; onChange(next: Condition | undefined): void; depth: number; disabled: boolean }) {
  const translate = useTranslate();
  const group = asGroup(value);
  const update = (items: Condition[], mode = group.mode) => onChange(fromGroup({ mode, items }));
  const comparison = firstComparison(fields);
  return (
    <Box sx={{ borderLeft: 3, borderColor: depth === 0 ? 'primary.light' : 'secondary.light', pl: 1.5, py: 0.5 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <ToggleButtonGroup size="small" exclusive disabled={disabled} value={group.mode} onChange={(_e, mode: 'all' | 'any' | null) => mode && update(group.items, mode)}>
          <ToggleButton value="all">{translate('shuoshi.designer.condition.all')}</ToggleButton>
          <ToggleButton value="any">{translate('shuoshi.designer.condition.any')}</ToggleButton>
        </ToggleButtonGroup>
      </Stack>
      <Stack spacing={1}>
        {group.items.map((item, index) => (
          <ConditionItem
            key={index}
            depth={depth}
            disabled={disabled}
            condition={item}
            fields={fields}
            onChange={(next) => update(group.items.map((old, i) => (i === index ? next : old)))}
            onRemove={() => update(group.items.filter((_old, i) => i !== index))}
          />
        ))}
      </Stack>
      {/* Read-only shows the condition without ways to grow or shrink it, like the other editors. */}
      {disabled ? null : (
        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
          <Button size="small" startIcon={<AddIcon />} disabled={!comparison} onClick={() => comparison && update([...group.items, comparison])}>
            {translate('shuoshi.designer.condition.add')}
          </Button>
          {depth < 2 ? (
            <Button size="small" startIcon={<AddIcon />} disabled={!comparison} onClick={() => comparison && update([...group.items, { any: [comparison] }])}>
              {translate('shuoshi.designer.condition.add_group')}
            </Button>
          ) : null}
        </Stack>
      )}
    </Box>
  );
}

/**
 * Builds a transition's condition over the case fields without JSON: rows of field, operator
 * (only those fitting the field's type) and value, combined with all/any, negated with "not",
 * nested one group deep. Disabled, it shows the condition with every input disabled and no add or
 * remove buttons.
 * @example
 * <ConditionBuilder value={transition.condition} fields={workflow.fields} onChange={(condition) => update({ condition })} />
 */
export function ConditionBuilder({ value, fields, onChange, disabled }: { value: Condition | undefined; fields: Fields; onChange(next: Condition | undefined): void; disabled?: boolean }) {
  const translate = useTranslate();
  const comparison = firstComparison(fields);
  if (!value) {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          {translate('shuoshi.designer.condition.none')}
        </Typography>
        {disabled ? null : (
          <Button size="small" startIcon={<AddIcon />} disabled={!comparison} onClick={() => comparison && onChange(comparison)}>
            {translate('shuoshi.designer.condition.add')}
          </Button>
        )}
      </Stack>
    );
  }
  return (
    <Box data-testid="condition-builder">
      <ConditionGroup value={value} fields={fields} depth={0} disabled={disabled === true} onChange={onChange} />
    </Box>
  );
}
