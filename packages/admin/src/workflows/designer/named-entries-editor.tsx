import DeleteIcon from '@mui/icons-material/Delete';
import { Accordion, AccordionDetails, Button, Stack } from '@mui/material';
import type { LocalizedText } from '@shuoshi/engine';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { useLocalized } from '../../i18n/use-localized.js';
import { BilingualInput } from './bilingual-input.js';
import { DeleteDialog } from './delete-dialog.js';
import { EntrySummary } from './entry-summary.js';
import { NewIdForm } from './new-id-form.js';
import type { Usage } from './node-usage.js';
import { OptionalBilingualInput } from './optional-bilingual-input.js';
import { withKey } from './with-key.js';

/**
 * A named thing a workflow declares (a custom role, an agency, a host action).
 * @example
 * const entry: NamedEntry = { title: { zh: '人大联络站', en: "People's congress liaison station" } };
 */
export type NamedEntry = { title: LocalizedText; description?: LocalizedText };

type Entries = Record<string, NamedEntry>;

/**
 * Named entries by id (custom roles, outside agencies, host actions): each with a bilingual name
 * and an optional description; add one by id, remove one after confirmation, refused while the
 * workflow still names it (`usageOf`). No entries left gives undefined, so the key disappears.
 * @example
 * <NamedEntriesEditor name="agency" value={workflow.agencies} taken={agencyIds} usageOf={(id) => titledUsages(workflow, entryUsage(workflow, 'agencies', id), l)} newIdLabel="新单位编号" addLabel="添加单位" onChange={(agencies) => update({ agencies })} />
 */
export function NamedEntriesEditor({ name, value, taken, usageOf, newIdLabel, addLabel, onChange, disabled }: { name: string; value: Entries | undefined; taken: readonly string[]; usageOf(id: string): Usage[]; newIdLabel: string; addLabel: string; onChange(next: Entries | undefined): void; disabled?: boolean }) {
  const translate = useTranslate();
  const l = useLocalized();
  const [open, setOpen] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ id: string; usages: Usage[] } | null>(null);
  const entries = value ?? {};
  const set = (next: Entries) => onChange(Object.keys(next).length > 0 ? next : undefined);
  const setEntry = (id: string, entry: NamedEntry) => set({ ...entries, [id]: entry });
  const removingName = removing ? l(entries[removing.id]?.title) || removing.id : '';
  return (
    <Stack spacing={1} data-testid={`${name}-entries`}>
      {Object.entries(entries).map(([id, entry]) => (
        <Accordion key={id} expanded={open === id} onChange={() => setOpen(open === id ? null : id)} disableGutters variant="outlined" data-testid={`${name}-${id}`}>
          <EntrySummary id={id} name={l(entry.title) || id} />
          <AccordionDetails>
            <Stack spacing={1.5}>
              <BilingualInput label={translate('shuoshi.designer.entry.title')} value={entry.title} disabled={disabled} onChange={(title) => setEntry(id, { ...entry, title })} name={`${name}-${id}-title`} />
              <OptionalBilingualInput
                label={translate('shuoshi.designer.entry.description')}
                value={entry.description}
                disabled={disabled}
                multiline
                onChange={(description) => setEntry(id, withKey(entry, 'description', description))}
                name={`${name}-${id}-description`}
              />
              {disabled ? null : (
                <Button size="small" color="error" startIcon={<DeleteIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => setRemoving({ id, usages: usageOf(id) })}>
                  {translate('shuoshi.designer.entry.delete')}
                </Button>
              )}
            </Stack>
          </AccordionDetails>
        </Accordion>
      ))}
      {disabled ? null : (
        <NewIdForm
          name={`new-${name}`}
          label={newIdLabel}
          buttonLabel={addLabel}
          taken={taken}
          onAdd={(id) => {
            // The id stands in for the name so the entry is valid at once; the form opens to rename it.
            setEntry(id, { title: { zh: id, en: id } });
            setOpen(id);
          }}
        />
      )}
      {/* With usages the dialog refuses and lists them; without, it asks to confirm. */}
      {removing ? (
        <DeleteDialog
          name={removingName}
          usages={removing.usages}
          onClose={() => setRemoving(null)}
          onConfirm={() => {
            const { [removing.id]: _removed, ...rest } = entries;
            set(rest);
            setRemoving(null);
          }}
        />
      ) : null}
    </Stack>
  );
}
