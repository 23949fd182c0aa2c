import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { LocalizedText } from '../api/types.js';
import { publicMessagesEn, publicMessagesZh } from '../i18n/public-messages.js';

/**
 * The languages of the public pages: Chinese (the default) and English.
 * @example
 * const locale: PublicLocale = 'en';
 */
export type PublicLocale = 'zh-CN' | 'en';

// Not a message key: where the public pages remember the language chosen on this device.
const LOCALE_KEY = 'Shuoshi.publicLocale';

/**
 * Looks up a public page's message (`shuoshi.speak.submit`) in a language and fills in its
 * `%{name}` placeholders; an unknown key answers itself, so a missing text shows, not a blank.
 * @example
 * translatePublic('en', 'shuoshi.speak.your_rating', { count: 4 }); // 'Your rating: 4 stars'
 */
export function translatePublic(locale: PublicLocale, key: string, values: Record<string, string | number> = {}): string {
  const messages: unknown = { shuoshi: locale === 'en' ? publicMessagesEn : publicMessagesZh };
  let node: unknown = messages;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  if (typeof node !== 'string') return key;
  return node.replace(/%\{(\w+)\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

/**
 * What the public pages' language context gives: the language, a way to switch it, `t` for
 * messages and `l` for the server's bilingual `{ zh, en }` texts.
 * @example
 * const { t, l } = usePublicI18n();
 */
export interface PublicI18n {
  locale: PublicLocale;
  setLocale(locale: PublicLocale): void;
  t(key: string, values?: Record<string, string | number>): string;
  l(text: LocalizedText | null | undefined): string;
}

const Context = createContext<PublicI18n | null>(null);

function initialLocale(): PublicLocale {
  try {
    return globalThis.localStorage?.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/**
 * Gives the public pages their language (Chinese unless English was chosen on this device).
 * @example
 * <PublicI18nProvider><SpeakPage /></PublicI18nProvider>
 */
export function PublicI18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: PublicLocale }) {
  const [locale, setState] = useState<PublicLocale>(fixed ?? initialLocale);
  const setLocale = useCallback((next: PublicLocale) => {
    setState(next);
    try {
      globalThis.localStorage?.setItem(LOCALE_KEY, next);
    } catch {
      // A private window may refuse storage: the choice then lasts for this page only.
    }
    document.documentElement.lang = next;
  }, []);
  const value = useMemo<PublicI18n>(
    () => ({
      locale,
      setLocale,
      t: (key, values) => translatePublic(locale, key, values),
      l: (text) => (text ? (locale === 'en' ? text.en || text.zh : text.zh || text.en) : ''),
    }),
    [locale, setLocale],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/**
 * The public pages' language context.
 * @example
 * const { t } = usePublicI18n();
 * t('shuoshi.speak.submit');
 */
export function usePublicI18n(): PublicI18n {
  const value = useContext(Context);
  if (!value) throw new Error('usePublicI18n needs a <PublicI18nProvider> above it.');
  return value;
}
