import { Header, HeaderBrand, HeaderContent, HeaderRightZone, Headers, Icon } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { NotificationBell } from '../notifications/notification-bell';
import { fullName, type Session } from '../session/session';
import { LanguageSwitch } from './language-switch';
import { SportelloLogo } from './sportello-logo';

interface SiteHeaderProps {
  session: Session | undefined;
  onLogout: () => void;
  loggingOut: boolean;
}

/**
 * The slim bar (owner body; current structure, user, Esci, language) and the centre header with the
 * platform brand and the main navigation. The structure's name opens "Seleziona Struttura" (seed 000).
 */
export function SiteHeader({ session, onLogout, loggingOut }: SiteHeaderProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = session?.user ?? null;
  const structure = session?.structure ?? null;
  const canSwitch = user !== null && (session?.structures.length ?? 0) > 1;

  return (
    <header>
      <Headers>
        <Header type="slim" theme="" className="sportello-slim">
          <HeaderContent>
            {session ? (
              <HeaderBrand
                href={session.owner.url}
                responsive
                className="sportello-ellipsis"
              >
                {session.owner.name}
              </HeaderBrand>
            ) : (
              <span />
            )}
            <HeaderRightZone className="sportello-slim-right">
              {structure &&
                (canSwitch ? (
                  <button type="button" className="sportello-slim-action" onClick={() => navigate('/seleziona-struttura')}>
                    <Icon icon="it-pa" size="sm" className="me-1 d-none d-sm-inline" />
                    <span className="sportello-ellipsis">{structure.name}</span>
                    <span className="visually-hidden"> – {t('header.selectStructure')}</span>
                  </button>
                ) : (
                  <span className="sportello-slim-text">
                    <Icon icon="it-pa" size="sm" className="me-1 d-none d-sm-inline" />
                    <span className="visually-hidden">{t('header.structureLabel')} </span>
                    <span className="sportello-ellipsis">{structure.name}</span>
                  </span>
                ))}
              {user && !structure && canSwitch && (
                <button type="button" className="sportello-slim-action" onClick={() => navigate('/seleziona-struttura')}>
                  {t('header.selectStructure')}
                </button>
              )}
              {user && (
                <span className="sportello-slim-text d-none d-lg-inline-flex">
                  <Icon icon="it-user" size="sm" className="me-1" />
                  <span className="visually-hidden">{t('header.userLabel')} </span>
                  {fullName(user)}
                </span>
              )}
              {user && <NotificationBell key={user.id} />}
              {user && (
                <button type="button" className="sportello-slim-action" onClick={onLogout} disabled={loggingOut}>
                  <Icon icon="it-logout" size="sm" className="me-1 d-none d-sm-inline" />
                  {t('header.logout')}
                </button>
              )}
              <LanguageSwitch />
            </HeaderRightZone>
          </HeaderContent>
        </Header>
        <Header type="center" theme="" small>
          <HeaderContent>
            {/* Hand-made brand: HeaderBrand renders a plain <a href> in a centre header (a full reload). */}
            <div className="it-brand-wrapper">
              <Link to="/" aria-label={t('header.brandHome')}>
                <SportelloLogo className="icon sportello-brand-logo" />
                <div className="it-brand-text">
                  <div className="it-brand-title">{t('app.name')}</div>
                  <div className="it-brand-tagline d-none d-md-block">{t('app.tagline')}</div>
                </div>
              </Link>
            </div>
          </HeaderContent>
        </Header>
        <div className="sportello-nav">
          <div className="container-xxl">
            <nav aria-label={t('header.mainNav')}>
              <ul className="sportello-nav-list">
                <li>
                  <NavLink to="/" end className="sportello-nav-link">
                    {t('common.home')}
                  </NavLink>
                </li>
              </ul>
            </nav>
          </div>
        </div>
      </Headers>
    </header>
  );
}
