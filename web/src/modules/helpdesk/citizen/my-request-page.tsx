import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { answerMyRequest, helpdeskCitizenKeys, useMyRequest } from './api';
import './helpdesk-citizen.css';
import { MY_REQUESTS_PATH } from './paths';
import { ThreadView } from './thread-view';

/** One of the signed-in citizen's requests: its data, the conversation, "Rispondi". */
export default function MyRequestPage() {
  const { t } = useTranslation('helpdesk-citizen');
  const { requestId = '' } = useParams();
  const queryClient = useQueryClient();
  const thread = useMyRequest(requestId);
  const title = thread.data ? t('thread.title', { number: thread.data.number }) : t('myRequests.title');
  usePageTitle(title);

  if (thread.isPending) return <PageLoading />;
  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={[{ label: t('myRequests.title'), to: MY_REQUESTS_PATH }, { label: title }]} />
      <h1>{title}</h1>
      {thread.data ? (
        <ThreadView
          thread={thread.data}
          send={(body) => answerMyRequest(requestId, body)}
          onAnswered={(updated) => {
            queryClient.setQueryData(helpdeskCitizenKeys.mine(requestId), updated);
            // The list shows status and last update.
            void queryClient.invalidateQueries({ queryKey: [...helpdeskCitizenKeys.all, 'list'] });
          }}
          onRefused={() => void thread.refetch()}
        />
      ) : (
        <>
          <ProblemAlert error={thread.error} />
          <Link to={MY_REQUESTS_PATH}>{t('thread.back')}</Link>
        </>
      )}
    </div>
  );
}
