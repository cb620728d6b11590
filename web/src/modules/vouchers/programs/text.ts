import { useTranslation } from 'react-i18next';
import { en, it, type ProgramsMessages } from './messages';

/** The module's texts in the language the app is in (re-rendered when it changes). */
export function useProgramsText(): ProgramsMessages {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? en : it;
}
