import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Skiplink, SkiplinkItem } from 'design-react-kit';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useNavigationType } from 'react-router-dom';
import { api, setUnauthorizedHandler } from '../api/client';
import { clearUserData, useRefreshSession, useSession } from '../session/session';
import { PageLoading } from '../ui/page-loading';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { SimulatedDateBanner } from './simulated-date-banner';

/** Skip link, header, <main id="main">, footer; session-wide behaviour (401, logout, focus on navigation). */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const refreshSession = useRefreshSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const navigationType = useNavigationType();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // A 401 anywhere: the session has ended (expired, closed by the owner, signed out elsewhere).
  useEffect(() => {
    setUnauthorizedHandler(() => {
      clearUserData(queryClient);
      void refreshSession().catch(() => undefined);
      navigate('/accedi', { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate, queryClient, refreshSession]);

  // After a client-side navigation, move focus to the new content so screen readers start there.
  // Not on the first page load, nor on a redirect nobody asked for (e.g. / → /accedi on arrival):
  // there the skip link must stay the first stop.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const focusInPage = document.activeElement !== null && document.activeElement !== document.body;
    if (navigationType === 'REPLACE' && !focusInPage) return;
    mainRef.current?.focus();
  }, [location.pathname, navigationType]);

  const logout = useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout', undefined, { redirectOnUnauthorized: false }),
    onSettled: async () => {
      clearUserData(queryClient);
      await refreshSession().catch(() => undefined);
      navigate('/accedi', { replace: true });
    },
  });

  return (
    <>
      {/* nav mode: design-react-kit's Skiplink drops its children otherwise */}
      <Skiplink nav ariaLabel={t('skipLinks')}>
        {/* A plain fragment link: <main tabIndex={-1}> receives focus natively. */}
        <SkiplinkItem navItem href="#main">
          {t('skipLink')}
        </SkiplinkItem>
      </Skiplink>
      <SiteHeader session={session.data} onLogout={() => logout.mutate()} loggingOut={logout.isPending} />
      <SimulatedDateBanner session={session.data} receivedAt={session.dataUpdatedAt} />
      <main id="main" ref={mainRef} tabIndex={-1} className="sportello-main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter session={session.data} />
    </>
  );
}
