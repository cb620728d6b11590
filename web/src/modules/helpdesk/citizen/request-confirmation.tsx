import { Button } from 'design-react-kit';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { FiledRequest } from './api';
import { MY_REQUESTS_PATH } from './paths';

interface RequestConfirmationProps {
  filed: FiledRequest;
  email: string;
  signedIn: boolean;
  onAnother: () => void;
}

/**
 * After "INVIA": the request number, that it was e-mailed, and the page to follow it (the signed
 * link for who is not signed in). The focus moves to the number, so it is the first thing read.
 */
export function RequestConfirmation({ filed, email, signedIn, onAnother }: RequestConfirmationProps) {
  const { t } = useTranslation('helpdesk-citizen');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section aria-labelledby="helpdesk-done-title" className="sportello-panel">
      <h2 id="helpdesk-done-title" ref={heading} tabIndex={-1} className="h3">
        {t('done.number', { number: filed.number })}
      </h2>
      <p>{t('done.email', { email })}</p>
      <p>{signedIn ? t('done.mine') : t('done.followHint')}</p>
      <div className="d-flex flex-wrap align-items-center gap-3">
        <Link to={filed.link} className="btn btn-primary">
          {t('done.follow', { number: filed.number })}
        </Link>
        {signedIn && (
          <Link to={MY_REQUESTS_PATH} className="btn btn-outline-primary">
            {t('myRequests.title')}
          </Link>
        )}
        <Button type="button" color="primary" outline onClick={onAnother}>
          {t('done.another')}
        </Button>
      </div>
    </section>
  );
}
