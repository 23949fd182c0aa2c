import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Usage } from './node-usage.js';

/**
 * Asks to confirm a deletion, or refuses it and lists what still needs the node (a transition
 * targets the state, it is the initial state, a transition requires the field...).
 * @example
 * <DeleteDialog name="商会调解" usages={stateUsage(workflow, 'chamber_mediation')} onConfirm={remove} onClose={close} />
 */
export function DeleteDialog({ name, usages, onConfirm, onClose }: { name: string; usages: readonly Usage[]; onConfirm(): void; onClose(): void }) {
  const translate = useTranslate();
  const refused = usages.length > 0;
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{translate(refused ? 'shuoshi.designer.delete.refused_title' : 'shuoshi.designer.delete.title', { name })}</DialogTitle>
      <DialogContent>
        {refused ? (
          <>
            <Alert severity="warning" sx={{ mb: 1 }}>
              {translate('shuoshi.designer.delete.refused', { name })}
            </Alert>
            <List dense>
              {usages.map((usage, index) => (
                <ListItem key={index}>{translate(`shuoshi.designer.usage.${usage.key}`, usage.values)}</ListItem>
              ))}
            </List>
          </>
        ) : (
          <Typography>{translate('shuoshi.designer.delete.confirm', { name })}</Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate(refused ? 'shuoshi.designer.action.close' : 'ra.action.cancel')}</Button>
        {refused ? null : (
          <Button color="error" variant="contained" onClick={onConfirm}>
            {translate('ra.action.delete')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
