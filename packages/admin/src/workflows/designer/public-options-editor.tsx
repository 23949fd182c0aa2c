import { Checkbox, FormControlLabel, Stack } from '@mui/material';
import type { Workflow } from '@shuoshi/engine';
import { useTranslate } from 'react-admin';

type PublicOptions = NonNullable<Workflow['public']>;

const OPTIONS = [
  { key: 'disclosure', label: 'shuoshi.designer.public_options.disclosure' },
  { key: 'showStaffNames', label: 'shuoshi.designer.public_options.show_staff_names' },
] as const;

/**
 * What the public sees: closed matters on the anonymised result list (结果公示) and staff names
 * for a worker looking up the status. A cleared box drops its key, and no key left drops the
 * whole object; with `keepFalse` (a township overlay) a cleared box is written as `false`,
 * since an overlay can replace the template's options but not remove them.
 * @example
 * <PublicOptionsEditor value={workflow.public} keepFalse={workflow.extends !== undefined} onChange={(next) => update({ public: next })} />
 */
export function PublicOptionsEditor({ value, onChange, keepFalse, disabled }: { value: PublicOptions | undefined; onChange(next: PublicOptions | undefined): void; keepFalse?: boolean; disabled?: boolean }) {
  const translate = useTranslate();
  const options = value ?? {};
  const set = (key: keyof PublicOptions, checked: boolean) => {
    const next: PublicOptions = { ...options };
    if (checked) next[key] = true;
    else if (keepFalse) next[key] = false;
    else delete next[key];
    onChange(Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <Stack data-testid="public-options-editor">
      {OPTIONS.map(({ key, label }) => (
        <FormControlLabel key={key} disabled={disabled} control={<Checkbox checked={options[key] === true} onChange={(e) => set(key, e.target.checked)} />} label={translate(label)} />
      ))}
    </Stack>
  );
}
