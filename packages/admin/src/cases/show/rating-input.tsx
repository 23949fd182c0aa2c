import { Box, FormHelperText, FormLabel, Rating } from '@mui/material';
import { InputHelperText, useInput, useTranslate, type Validator } from 'react-admin';

// MUI takes the hovered star over the clicked one; without a layout (no pointer geometry) the
// hovered star is NaN, so read the clicked radio's value then.
function starsOf(next: number | null, event: { target: EventTarget }): number | null {
  if (next !== null && !Number.isNaN(next)) return next;
  const value = Number.parseFloat((event.target as HTMLInputElement).value);
  return Number.isNaN(value) ? null : value;
}

/**
 * A 1-5 (or min-max) rating input with stars, for `rating` fields.
 * @example
 * <RatingInput source="satisfaction" label="满意度评价" validate={required()} />
 */
export function RatingInput({ source, label, helperText, validate, max = 5 }: { source: string; label: string; helperText?: string; validate?: Validator[]; max?: number }) {
  const translate = useTranslate();
  const { field, fieldState, isRequired } = useInput({ source, ...(validate ? { validate } : {}) });
  const value = typeof field.value === 'number' ? field.value : null;
  const error = fieldState.error?.message;
  return (
    <Box sx={{ mb: 2 }} data-field={source}>
      <FormLabel component="legend" required={isRequired} error={Boolean(fieldState.error)}>
        {label}
      </FormLabel>
      <Rating name={source} value={value} max={max} size="large" onChange={(event, next) => field.onChange(starsOf(next, event))} onBlur={field.onBlur} getLabelText={(n) => translate('shuoshi.rating.stars', { count: n })} />
      {(error || helperText) && (
        <FormHelperText error={Boolean(error)}>
          <InputHelperText helperText={helperText} error={error} />
        </FormHelperText>
      )}
    </Box>
  );
}
