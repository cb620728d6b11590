import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../core/api/api-error';
import { NotFoundPage } from '../../../core/layout/not-found-page';
import { usePageTitle } from '../../../core/layout/page-title';
import { Breadcrumbs } from '../../../core/ui/breadcrumbs';
import { PageLoading } from '../../../core/ui/page-loading';
import { ProblemAlert } from '../../../core/ui/problem-alert';
import { StatusMessage } from '../../../core/ui/status-message';
import { useRequest } from './api';
import { AssignmentPanel } from './assignment-panel';
import { ForwardingPanel } from './forwarding-panel';
import { NotesThread } from './notes-thread';
import { HELPDESK_DESK_PATH } from './paths';
import type { QueuePageState } from './queue-page';
import { RequestFacts } from './request-facts';
import { RequestHistory } from './request-history';
import { UpdatePanel } from './update-panel';
import './desk.css';

/** What the queue passes to the detail: its query string, so "back" keeps the filters. */
interface RequestPageState {
  from?: string;
}

/**
 * A request in the operator's queue: what the citizen asked, the thread of notes, "OPERATORE",
 * the update (note + "STATO"), at the regional desk "Invia a un'altra ASR", and the history.
 */
export default function RequestPage() {
  const { t } = useTranslation('helpdesk-desk');
  const { requestId = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const request = useRequest(requestId);
  const [message, setMessage] = useState<string | null>(null);
  const title = request.data ? t('detail.title', { number: request.data.number }) : t('service');
  usePageTitle(title);

  const from = (location.state as RequestPageState | null)?.from ?? '';
  const backTo = `${HELPDESK_DESK_PATH}${from.startsWith('?') ? from : ''}`;
  const crumbs = [{ label: t('service'), to: backTo }, { label: title }];

  if (request.isPending) return <PageLoading />;
  // 400: not even a request's id; 404: none, or not in this structure's queue.
  if (isApiError(request.error) && (request.error.status === 404 || request.error.status === 400)) return <NotFoundPage />;
  if (!request.data) {
    return (
      <div className="container-xxl py-4 py-lg-5">
        <Breadcrumbs items={crumbs} />
        <h1>{title}</h1>
        <ProblemAlert error={request.error} />
        <Link to={backTo}>{t('detail.back')}</Link>
      </div>
    );
  }
  const detail = request.data;

  const done = (text: string) => {
    setMessage(text);
    window.setTimeout(() => document.getElementById('request-title')?.focus(), 0);
  };
  // The request left this queue: back to the queue, which says what happened.
  const left = (text: string) => navigate(backTo, { state: { message: text } satisfies QueuePageState });

  return (
    <div className="container-xxl py-4 py-lg-5">
      <Breadcrumbs items={crumbs} />
      <div className="d-flex flex-column flex-md-row justify-content-between align-items-md-center gap-3 mb-3">
        <h1 id="request-title" tabIndex={-1} className="mb-0">
          {title}
        </h1>
        <Link to={backTo} className="btn btn-outline-primary">
          {t('detail.back')}
        </Link>
      </div>
      <StatusMessage message={message} className="mb-3" />
      {request.isRefetchError && <ProblemAlert error={request.error} className="mb-3" />}

      <RequestFacts request={detail} />
      <NotesThread request={detail} />
      <AssignmentPanel key={detail.assignee?.id ?? 'none'} request={detail} onDone={done} />
      <UpdatePanel request={detail} onDone={(text, leftQueue) => (leftQueue ? left(text) : done(text))} />
      {detail.canForward && detail.agencies.length > 0 && <ForwardingPanel request={detail} onDone={left} />}
      <RequestHistory request={detail} />
    </div>
  );
}
