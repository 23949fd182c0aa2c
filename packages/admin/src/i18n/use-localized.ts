import { useLocaleState } from 'react-admin';
import type { LocalizedText } from '../api/types.js';

/**
 * Picks the text of a bilingual `{ zh, en }` for a locale (Chinese unless the locale is English).
 * @example
 * localize({ zh: '受理', en: 'Intake' }, 'en'); // 'Intake'
 */
export function localize(text: LocalizedText | null | undefined, locale: string): string {
  if (!text) return '';
  return locale.startsWith('en') ? text.en || text.zh : text.zh || text.en;
}

/**
 * A function that picks the current language's text of a bilingual `{ zh, en }`.
 * @example
 * const l = useLocalized();
 * l(record.stateTitle);
 */
export function useLocalized(): (text: LocalizedText | null | undefined) => string {
  const [locale] = useLocaleState();
  return (text) => localize(text, locale);
}
