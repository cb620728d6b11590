import { Alert, Button } from 'design-react-kit';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { NotFoundPage } from '../layout/not-found-page';
import { usePageTitle } from '../layout/page-title';
import { useProblemMessage } from '../ui/problem-alert';
import { PageLoading } from '../ui/page-loading';
import { hasService, mustChooseStructure, type Session, type SessionStructure, type SessionUser, useSession } from './session';

export type SignedInSession = Session & { user: SessionUser };
export type InStructureSession = SignedInSession & { structure: SessionStructure };

const SignedInContext = createContext<SignedInSession | null>(null);

/** The session of a page rendered inside <SignedIn>. */
export function useSignedInSession(): SignedInSession {
  const session = useContext(SignedInContext);
  if (!session) throw new Error('useSignedInSession outside <SignedIn>');
  return session;
}

/** The session of a page rendered inside <SignedIn structure>. */
export function useStructureSession(): InStructureSession {
  const session = useSignedInSession();
  if (!session.structure) throw new Error('useStructureSession without a structure: wrap the page in <SignedIn structure>');
  return session as InStructureSession;
}

interface SignedInProps {
  children: ReactNode;
  /** Send the user to "Seleziona Struttura" first if he has several and none is chosen. */
  chooseStructure?: boolean;
  /** The page needs a current structure and this service in it; otherwise it does not exist for him. */
  service?: string;
}

/** Guards a page: the login page if nobody is signed in, the structure choice when due. */
export function SignedIn({ children, chooseStructure = false, service }: SignedInProps) {
  const session = useSession();
  if (session.isPending) return <PageLoading />;
  if (session.isError) return <SessionUnavailable error={session.error} retry={() => void session.refetch()} />;
  const data = session.data;
  if (!data.user) return <Navigate to="/accedi" replace />;
  if ((chooseStructure || service) && mustChooseStructure(data)) return <Navigate to="/seleziona-struttura" replace />;
  if (service && (!data.structure || !hasService(data, service))) return <NotFoundPage />;
  return <SignedInContext.Provider value={data as SignedInSession}>{children}</SignedInContext.Provider>;
}

function SessionUnavailable({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  const message = useProblemMessage();
  usePageTitle(t('errors.sessionTitle'));
  return (
    <div className="container-xxl py-5">
      <h1>{t('errors.sessionTitle')}</h1>
      <p>{t('errors.sessionText')}</p>
      <Alert color="danger">{message(error)}</Alert>
      <Button color="primary" onClick={retry}>
        {t('common.retry')}
      </Button>
    </div>
  );
}
