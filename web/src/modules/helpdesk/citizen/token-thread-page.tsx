import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { answerByToken, helpdeskCitizenKeys, useThreadByToken } from './api';
import './helpdesk-citizen.css';
import { NEW_REQUEST_PATH } from './paths';
import { ThreadView } from './thread-view';

/**
 * The thread for a citizen who filed without signing in, reached through the signed link of his
 * e-mails (/assistenza/richiesta?token=…): public, the token is the only key.
 */
export default function TokenThreadPage() {
  const { t } = useTranslation('helpdesk-citizen');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const thread = useThreadByToken(token);
  const title = thread.data ? t('thread.title', { number: thread.data.number }) : t('token.title');
  usePageTitle(title);

  if (token !== '' && thread.isPending) return <PageLoading />;
  return (
    <div className="container-xxl py-4 py-lg-5">
      <h1>{title}</h1>
      {token === '' ? (
        <div className="alert alert-danger">{t('token.missing')}</div>
      ) : thread.data ? (
        <ThreadView
          thread={thread.data}
          send={(body) => answerByToken(token, body)}
          onAnswered={(updated) => queryClient.setQueryData(helpdeskCitizenKeys.byToken(token), updated)}
          onRefused={() => void thread.refetch()}
        />
      ) : (
        <>
          <ProblemAlert error={thread.error} />
          <Link to={NEW_REQUEST_PATH}>{t('thread.newRequest')}</Link>
        </>
      )}
    </div>
  );
}
