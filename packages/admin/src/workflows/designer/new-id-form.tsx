import AddIcon from '@mui/icons-material/Add';
import { Button, Stack, TextField } from '@mui/material';
import { useForm } from 'react-hook-form';
import { useTranslate } from 'react-admin';

const IDENTIFIER = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * A one-line form asking for a new identifier (a field id, an event name), refusing a malformed
 * or taken one with a message that quotes it.
 * @example
 * <NewIdForm label="字段编号" taken={Object.keys(fields)} onAdd={(id) => addField(id)} />
 */
export function NewIdForm({ label, taken, onAdd, buttonLabel, name }: { label: string; taken: readonly string[]; onAdd(id: string): void; buttonLabel: string; name: string }) {
  const translate = useTranslate();
  const { register, handleSubmit, reset, formState } = useForm<{ id: string }>({ defaultValues: { id: '' }, mode: 'onChange' });
  const field = register('id', {
    required: translate('shuoshi.designer.id.required'),
    validate: (id) => (!IDENTIFIER.test(id) ? translate('shuoshi.designer.id.invalid', { id }) : taken.includes(id) ? translate('shuoshi.designer.id.taken', { id }) : true),
  });
  return (
    <Stack
      component="form"
      direction="row"
      spacing={1}
      sx={{ alignItems: 'flex-start' }}
      onSubmit={(event) => {
        event.stopPropagation();
        void handleSubmit(({ id }) => {
          onAdd(id);
          reset();
        })(event);
      }}
    >
      <TextField size="small" label={label} {...field} error={formState.errors.id !== undefined} helperText={formState.errors.id?.message ?? translate('shuoshi.designer.id.help')} slotProps={{ htmlInput: { 'data-testid': `${name}-id` } }} />
      <Button type="submit" variant="outlined" startIcon={<AddIcon />} sx={{ whiteSpace: 'nowrap' }}>
        {buttonLabel}
      </Button>
    </Stack>
  );
}
