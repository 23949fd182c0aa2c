import { Box, Button as MuiButton, Stack } from '@mui/material';
import type { FieldDefinition } from '@shuoshi/engine';
import { Form, SaveButton } from 'react-admin';
import { FieldInput, toFieldValue } from '../../cases/show/field-input.js';
import { useLocalized } from '../../i18n/use-localized.js';

/**
 * A form of workflow fields (the case form to open a simulated case, or the fields an event
 * requires), prefilled with sample values; submits the values converted to the field types.
 * @example
 * <SimulatorFieldForm fields={[['title', workflow.fields.title, true]]} defaults={sample} submitLabel="开始模拟" onSubmit={sim.begin} />
 */
export function SimulatorFieldForm({ fields, defaults, submitLabel, onSubmit, onCancel, cancelLabel }: { fields: ReadonlyArray<readonly [string, FieldDefinition, boolean]>; defaults: Record<string, unknown>; submitLabel: string; onSubmit: (data: Record<string, unknown>) => void; onCancel?: () => void; cancelLabel?: string }) {
  const l = useLocalized();
  const submit = (values: Record<string, unknown>) => {
    const data: Record<string, unknown> = {};
    for (const [id, field] of fields) {
      const value = toFieldValue(field, values[id]);
      if (value !== undefined) data[id] = value;
    }
    onSubmit(data);
  };
  return (
    // An empty record: inside a show page the form would otherwise start from the page's record (the workflow's own title…).
    <Form onSubmit={submit} defaultValues={defaults} record={{}} noValidate>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2 }}>
        {fields.map(([id, field, required]) => (
          <Box key={id} data-sim-field={id}>
            <FieldInput id={id} field={field} label={l(field.label)} required={required} optionLabel={(option) => l(option.label)} {...(field.description ? { helperText: l(field.description) } : {})} />
          </Box>
        ))}
      </Box>
      <Stack direction="row" spacing={1}>
        <SaveButton label={submitLabel} icon={<span />} alwaysEnable />
        {onCancel && <MuiButton onClick={onCancel}>{cancelLabel}</MuiButton>}
      </Stack>
    </Form>
  );
}
