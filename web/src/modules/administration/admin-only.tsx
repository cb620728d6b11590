import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { NotFoundPage } from '../../core/layout/not-found-page';
import { usePageTitle } from '../../core/layout/page-title';
import { hasService } from '../../core/session/session';
import { useSignedInSession } from '../../core/session/signed-in';

/**
 * Guards an administrator's page (inside <SignedIn>): anyone else reads that the function is
 * reserved; a tool the server does not offer here (e.g. "Data simulata" outside the demo) does not exist.
 * The page itself is loaded lazily, so other users never download it.
 */
export function AdminOnly({ children, service }: { children: ReactNode; service: string }) {
  const session = useSignedInSession();
  if (!session.user.isAdmin) return <ReservedPage />;
  if (!hasService(session, service)) return <NotFoundPage />;
  return <>{children}</>;
}

function ReservedPage() {
  const { t } = useTranslation('administration');
  usePageTitle(t('reserved.title'));
  return (
    <div className="container-xxl py-5">
      <h1>{t('reserved.title')}</h1>
      <p className="lead">{t('reserved.text')}</p>
      <Link to="/" className="btn btn-primary">
        {t('reserved.backHome')}
      </Link>
    </div>
  );
}
