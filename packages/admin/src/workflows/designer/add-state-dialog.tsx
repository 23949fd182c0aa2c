import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useForm } from 'react-hook-form';
import { useTranslate } from 'react-admin';

const IDENTIFIER = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * What the add-state dialog gives back: the new state's id and titles.
 * @example
 * const value: NewState = { id: 'chamber_mediation', zh: '商会调解', en: 'Chamber mediation' };
 */
export type NewState = { id: string; zh: string; en: string };

/**
 * Asks for a new state's id (lower snake case, not taken) and its titles in both languages.
 * @example
 * <AddStateDialog taken={Object.keys(workflow.states)} suggested="new_state" onAdd={add} onClose={close} />
 */
export function AddStateDialog({ taken, suggested, onAdd, onClose }: { taken: readonly string[]; suggested: string; onAdd(state: NewState): void; onClose(): void }) {
  const translate = useTranslate();
  const { register, handleSubmit, formState } = useForm<NewState>({ defaultValues: { id: suggested, zh: '', en: '' }, mode: 'onChange' });
  const id = register('id', {
    required: translate('shuoshi.designer.id.required'),
    validate: (value) => (!IDENTIFIER.test(value) ? translate('shuoshi.designer.id.invalid', { id: value }) : taken.includes(value) ? translate('shuoshi.designer.id.taken', { id: value }) : true),
  });
  const zh = register('zh', { validate: (value) => value.trim() !== '' || translate('shuoshi.designer.add_state.title_required') });
  const en = register('en', { validate: (value) => value.trim() !== '' || translate('shuoshi.designer.add_state.title_required') });
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <form
        onSubmit={(event) => {
          event.stopPropagation();
          void handleSubmit(onAdd)(event);
        }}
      >
        <DialogTitle>{translate('shuoshi.designer.add_state.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField size="small" label={translate('shuoshi.designer.add_state.id')} {...id} error={formState.errors.id !== undefined} helperText={formState.errors.id?.message ?? translate('shuoshi.designer.id.help')} slotProps={{ htmlInput: { 'data-testid': 'new-state-id' } }} />
            <TextField size="small" label={translate('shuoshi.designer.add_state.zh')} {...zh} error={formState.errors.zh !== undefined} helperText={formState.errors.zh?.message} slotProps={{ htmlInput: { 'data-testid': 'new-state-zh' } }} />
            <TextField size="small" label={translate('shuoshi.designer.add_state.en')} {...en} error={formState.errors.en !== undefined} helperText={formState.errors.en?.message} slotProps={{ htmlInput: { 'data-testid': 'new-state-en' } }} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained">
            {translate('shuoshi.designer.add_state.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
