import { Chip, MenuItem, TextField } from '@mui/material';

/**
 * A multiple choice among ids (roles, fields, events) shown by their labels; an empty choice
 * gives undefined, since the language refuses empty lists where a list is optional.
 * @example
 * <MultiPicker label="可操作角色" value={state.roles} choices={roleChoices} onChange={(roles) => update({ roles })} />
 */
export function MultiPicker({ label, value, choices, onChange, disabled, helperText, name }: { label: string; value: readonly string[] | undefined; choices: ReadonlyArray<{ id: string; label: string }>; onChange(next: string[] | undefined): void; disabled?: boolean; helperText?: string; name?: string }) {
  const selected = value ?? [];
  const labelOf = (id: string) => choices.find((c) => c.id === id)?.label ?? id;
  // Values not among the choices (an unknown role) stay visible so validation can point at them.
  const all = [...choices, ...selected.filter((id) => !choices.some((c) => c.id === id)).map((id) => ({ id, label: id }))];
  return (
    <TextField
      select
      size="small"
      fullWidth
      label={label}
      value={[...selected]}
      disabled={disabled}
      helperText={helperText}
      onChange={(e) => {
        const next = typeof e.target.value === 'string' ? e.target.value.split(',') : (e.target.value as unknown as string[]);
        onChange(next.length > 0 ? next : undefined);
      }}
      slotProps={{
        select: { multiple: true, renderValue: (ids) => (ids as string[]).map((id) => <Chip key={id} size="small" label={labelOf(id)} sx={{ mr: 0.5 }} />) },
        htmlInput: { 'data-testid': name },
      }}
    >
      {all.map((choice) => (
        <MenuItem key={choice.id} value={choice.id}>
          {choice.label}
        </MenuItem>
      ))}
    </TextField>
  );
}
