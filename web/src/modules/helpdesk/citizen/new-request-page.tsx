import { Alert, Button } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../core/layout/page-title';
import { useSession } from '../../../core/session/session';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { useProblemMessage } from '../../../core/ui/problem-alert';
import { type FiledRequest, useCatalogue } from './api';
import './helpdesk-citizen.css';
import { NewRequestForm } from './new-request-form';
import { RequestConfirmation } from './request-confirmation';

/**
 * "Nuova richiesta di assistenza" (seed 004 §2.2): public. An anonymous visitor fills every field
 * and follows the request through the link he is e-mailed; a signed-in person finds his data
 * filled in (still editable but the codice fiscale of his identity) and the request among his.
 */
export default function NewRequestPage() {
  const { t } = useTranslation('helpdesk-citizen');
  const title = t('newRequest.title');
  usePageTitle(title);
  const problem = useProblemMessage();
  const session = useSession();
  const user = session.data?.user ?? null;
  const catalogue = useCatalogue(user?.id ?? null);
  const [filed, setFiled] = useState<{ request: FiledRequest; email: string } | null>(null);

  if (session.isPending || catalogue.isPending) return <PageLoading />;
  const failed = session.isError ? session.error : catalogue.error;
  return (
    <div className="container-xxl py-4 py-lg-5">
      {/* "Home" is the signed-in home page: only who is signed in gets the trail. */}
      {user && <Breadcrumbs items={[{ label: title }]} />}
      <h1>{title}</h1>
      {filed ? (
        <RequestConfirmation filed={filed.request} email={filed.email} signedIn={user !== null} onAnother={() => setFiled(null)} />
      ) : session.data && catalogue.data ? (
        <>
          <p className="lead">{t('newRequest.intro')}</p>
          {catalogue.data.prefill && <p>{t('newRequest.signedIn')}</p>}
          <div className="row">
            <div className="col-12 col-lg-10 col-xl-8">
              <NewRequestForm
                key={user?.id ?? 'anonymous'}
                catalogue={catalogue.data}
                csrfToken={session.data.csrfToken}
                onFiled={(request, email) => setFiled({ request, email })}
              />
            </div>
          </div>
        </>
      ) : (
        <>
          <Alert color="danger">
            {t('newRequest.loadFailed')} {failed ? problem(failed) : null}
          </Alert>
          <Button
            type="button"
            color="primary"
            onClick={() => {
              void session.refetch();
              void catalogue.refetch();
            }}
          >
            {t('newRequest.retry')}
          </Button>
        </>
      )}
    </div>
  );
}
