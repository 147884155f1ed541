// One i18next instance for the whole admin; Refine reaches it through the i18nProvider.
import type { I18nProvider } from '@refinedev/core';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import zhCN from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'qt.locale';

function savedLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LOCALES as readonly string[]).includes(saved ?? '') ? (saved as Locale) : DEFAULT_LOCALE;
}

function applyDayjsLocale(locale: string) {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: savedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
applyDayjsLocale(i18n.language);
// `{{value, day}}` in a message: an ISO day as every screen shows days (format.date: 2026年12月31日).
i18n.services.formatter?.add('day', (value: unknown) => {
  const day = typeof value === 'string' || value instanceof Date ? dayjs(value) : null;
  return day?.isValid() ? day.format(i18n.t('format.date')) : String(value ?? '');
});

export const i18nProvider: I18nProvider = {
  translate: (key: string, options?: unknown, defaultMessage?: string) => {
    const text = i18n.t(key, options as Record<string, unknown>);
    return text === key && defaultMessage ? defaultMessage : String(text);
  },
  changeLocale: async (locale: string) => {
    localStorage.setItem(STORAGE_KEY, locale);
    applyDayjsLocale(locale);
    await i18n.changeLanguage(locale);
  },
  getLocale: () => i18n.language,
};

export { i18n };
