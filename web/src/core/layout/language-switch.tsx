import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES } from '../i18n/i18n';

/** IT / EN: two toggle buttons, each named in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage(i18n.resolvedLanguage);
  return (
    <div className="sportello-lang" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="sportello-lang-button"
          aria-pressed={active === lng}
          aria-label={t(`header.languageName.${lng}`)}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {lng.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
