import { useTranslation } from 'react-i18next';

/**
 * "Entra con SPID" / "Entra con CIE" in the style of the official buttons (blue, the mark on the
 * left). They are plain links: the sign-in is a full-page round trip through the identity provider.
 * The marks are drawn here (Bootstrap Italia ships no SPID/CIE sprite) and hidden from assistive
 * technology: the text names the button.
 */
export function SpidButton() {
  const { t } = useTranslation();
  return (
    <a href="/api/auth/oidc/spid/start" className="btn btn-primary sportello-idp-button">
      <span className="sportello-idp-mark" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="28" height="28" focusable="false">
          <circle cx="12" cy="12" r="12" fill="#fff" />
          <circle cx="12" cy="8.4" r="3.3" fill="#0066cc" />
          <path d="M6.3 18.6c0-3.4 2.6-5.8 5.7-5.8s5.7 2.4 5.7 5.8z" fill="#0066cc" />
        </svg>
      </span>
      <span className="sportello-idp-text">{t('login.spid')}</span>
    </a>
  );
}

export function CieButton() {
  const { t } = useTranslation();
  return (
    <a href="/api/auth/oidc/cie/start" className="btn btn-primary sportello-idp-button">
      <span className="sportello-idp-mark" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="28" height="28" focusable="false">
          <rect x="1" y="4" width="22" height="16" rx="2.5" fill="#fff" />
          <rect x="3.8" y="7.6" width="6.2" height="5.2" rx="1" fill="#0066cc" />
          <path d="M12.6 8.6h7.2M12.6 11.8h7.2M3.8 16.2h16" stroke="#0066cc" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </span>
      <span className="sportello-idp-text">{t('login.cie')}</span>
    </a>
  );
}
