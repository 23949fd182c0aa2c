import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import { appMessagesEn } from './app-messages-en.js';
import { appMessagesZh } from './app-messages-zh.js';
import { raMessagesZhCn } from './ra-messages-zh-cn.js';

/**
 * The panel's languages: Chinese first (the default), English second.
 * @example
 * LOCALES[0].locale; // 'zh-CN'
 */
export const LOCALES = [
  { locale: 'zh-CN', name: '中文' },
  { locale: 'en', name: 'English' },
] as const;

/**
 * Every message of a language: react-admin's and the panel's.
 * @example
 * messagesOf('en').shuoshi.app.title; // 'Workers speak up'
 */
export function messagesOf(locale: string): TranslationMessages {
  return locale === 'en' ? { ...englishMessages, ...appMessagesEn } : { ...raMessagesZhCn, ...appMessagesZh };
}

/**
 * The i18n provider: zh-CN by default, English on request (the app bar's language menu).
 * @example
 * <Admin i18nProvider={createI18nProvider()} />
 */
export function createI18nProvider(): I18nProvider {
  return polyglotI18nProvider((locale) => messagesOf(locale), 'zh-CN', [...LOCALES]);
}
