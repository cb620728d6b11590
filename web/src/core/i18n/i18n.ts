import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './messages.en';
import { it } from './messages.it';

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'sportello.lang';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'it';
  } catch {
    return 'it'; // storage blocked: Italian
  }
}

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

/** Italian first (the manuals' wording); English on request, remembered in localStorage. */
export function initI18n() {
  const lng = storedLanguage();
  i18next.on('languageChanged', applyLanguage);
  void i18next.use(initReactI18next).init({
    resources: { it: { common: it }, en: { common: en } },
    lng,
    fallbackLng: 'it',
    supportedLngs: [...LANGUAGES],
    ns: ['common'],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

/** For modules: their own namespace, in both languages. */
export function addMessages(namespace: string, messages: Record<Language, object>): void {
  for (const lng of LANGUAGES) i18next.addResourceBundle(lng, namespace, messages[lng], true, true);
}

export function currentLanguage(lng: string | undefined): Language {
  return lng === 'en' ? 'en' : 'it';
}
