import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Session } from '../session/session';
import { SportelloLogo } from './sportello-logo';

/** The platform logo (home) and the owning body linking to its site (seed 000); the demo notice. */
export function SiteFooter({ session }: { session: Session | undefined }) {
  const { t } = useTranslation();
  return (
    <footer className="it-footer">
      <div className="it-footer-main">
        <div className="container-xxl">
          <div className="row align-items-center py-4">
            <div className="col-12 col-md-6">
              <div className="it-brand-wrapper">
                <Link to="/">
                  <SportelloLogo className="icon sportello-brand-logo" />
                  <div className="it-brand-text">
                    <div className="it-brand-title">{t('app.name')}</div>
                  </div>
                </Link>
              </div>
            </div>
            <div className="col-12 col-md-6 text-md-end mt-3 mt-md-0">
              {session && (
                <a className="sportello-footer-owner" href={session.owner.url}>
                  {session.owner.name}
                </a>
              )}
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container-xxl">
          <p className="sportello-footer-note mb-0 py-3">
            {t('footer.platform')}
            {' · '}
            <Link to="/assistenza/nuova-richiesta" className="sportello-footer-link">
              {t('footer.helpdesk')}
            </Link>
            {session?.demo && (
              <>
                {' · '}
                <span className="sportello-demo-note">{t('footer.demo')}</span>
                {' · '}
                {/* A page of the server, not of this app: a plain link. */}
                <a href="/demo/inbox" className="sportello-footer-link">
                  {t('footer.demoInbox')}
                </a>
                {' · '}
                <Link to="/demo/conferma-otp" className="sportello-footer-link">
                  {t('footer.demoOtp')}
                </Link>
              </>
            )}
          </p>
        </div>
      </div>
    </footer>
  );
}
