import type { LocalizedText } from '@shuoshi/engine';
import { BilingualInput } from './bilingual-input.js';

/**
 * Two text boxes for an optional `{ zh, en }` text (a description): both left empty give
 * undefined, so the key disappears; once one is written the other is marked until it is too.
 * @example
 * <OptionalBilingualInput label="环节说明" value={state.description} onChange={(description) => update(withKey(state, 'description', description))} />
 */
export function OptionalBilingualInput({ label, value, onChange, disabled, name, multiline }: { label: string; value: LocalizedText | undefined; onChange(next: LocalizedText | undefined): void; disabled?: boolean; name?: string; multiline?: boolean }) {
  const text = value ?? { zh: '', en: '' };
  // The language wants both texts once there is one: mark the missing one, not an unused pair.
  const started = text.zh.trim() !== '' || text.en.trim() !== '';
  return (
    <BilingualInput
      label={label}
      name={name}
      value={text}
      disabled={disabled}
      multiline={multiline}
      markEmpty={started}
      onChange={(next) => onChange(next.zh.trim() === '' && next.en.trim() === '' ? undefined : next)}
    />
  );
}
