import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { Thread, ThreadMessage } from './api';
import { formatFileSize } from './attachment';
import { AnswerForm } from './answer-form';
import { RequestStatusBadge } from './request-status-badge';

interface ThreadViewProps {
  thread: Thread;
  send: (body: string) => Promise<Thread>;
  onAnswered: (thread: Thread) => void;
  onRefused: () => void;
}

/**
 * A request as its citizen sees it: status, what he sent, the conversation with the help desk (its
 * public notes and his answers, never the operators' private notes) and "Rispondi" while open.
 * The caller renders the h1.
 */
export function ThreadView({ thread, send, onAnswered, onRefused }: ThreadViewProps) {
  const { t } = useTranslation('helpdesk-citizen');
  return (
    <>
      <p className="d-flex flex-wrap align-items-center gap-2 mb-4">
        <RequestStatusBadge status={thread.status} label={thread.statusLabel} withName />
        <span>
          {t('thread.createdAt')} {formatDate(thread.createdAt)}
        </span>
      </p>
      {thread.status === 'in_attesa_utente' && thread.canAnswer && (
        // Plain alert styling, no role: it describes the page as it opens, nothing happened.
        <div className="alert alert-warning mb-4">{t('thread.waiting')}</div>
      )}

      <section aria-labelledby="helpdesk-data-title" className="sportello-panel">
        <h2 id="helpdesk-data-title" className="h3">
          {t('thread.data')}
        </h2>
        <dl className="row helpdesk-facts mb-0">
          <Fact label={t('thread.service')} value={thread.service} />
          <Fact label={t('thread.category')} value={thread.category} />
          <Fact label={t('thread.agency')} value={thread.agencyName} />
          <Fact label={t('thread.applicant')} value={`${thread.request.givenName} ${thread.request.familyName}`} />
          <Fact label={t('thread.fiscalCode')} value={thread.request.fiscalCode} />
          <Fact label={t('thread.email')} value={thread.request.email} />
          <Fact label={t('thread.phone')} value={thread.request.phone} />
          <Fact label={t('thread.attachment')}>
            {thread.request.attachment ? (
              <a href={thread.request.attachment.url} download={thread.request.attachment.fileName}>
                {t('thread.download', { name: thread.request.attachment.fileName, size: formatFileSize(thread.request.attachment.sizeBytes) })}
              </a>
            ) : (
              t('thread.noAttachment')
            )}
          </Fact>
          <div className="col-12">
            <dt>{t('thread.description')}</dt>
            <dd className="helpdesk-description">{thread.request.description}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="helpdesk-messages-title" className="mt-5">
        <h2 id="helpdesk-messages-title" className="h3">
          {t('thread.messages')}
        </h2>
        {thread.messages.length === 0 ? (
          <div className="sportello-empty">
            <p className="mb-0">{t('thread.noMessages')}</p>
          </div>
        ) : (
          <>
            <p>{t('thread.messagesIntro')}</p>
            <ol className="helpdesk-thread">
              {thread.messages.map((message) => (
                <MessageItem key={message.id} message={message} />
              ))}
            </ol>
          </>
        )}
      </section>

      {thread.canAnswer ? (
        <AnswerForm send={send} onAnswered={onAnswered} onRefused={onRefused} />
      ) : (
        <div className="alert alert-info mt-4">{t('thread.closed')}</div>
      )}
    </>
  );
}

function Fact({ label, value, children }: { label: string; value?: string; children?: ReactNode }) {
  return (
    <div className="col-12 col-md-6">
      <dt>{label}</dt>
      <dd>{children ?? value}</dd>
    </div>
  );
}

/** Who wrote is said in words (and an edge and a side), never by colour alone. */
function MessageItem({ message }: { message: ThreadMessage }) {
  const { t } = useTranslation('helpdesk-citizen');
  const mine = message.from === 'citizen';
  return (
    <li className={`helpdesk-message ${mine ? 'helpdesk-message-citizen' : 'helpdesk-message-operator'}`}>
      <p className="helpdesk-message-head">
        <strong>{mine ? t('thread.you') : (message.authorName ?? t('service'))}</strong>
        <time dateTime={message.createdAt} className="sportello-muted">
          {t('thread.at', { when: formatDateTime(message.createdAt) })}
        </time>
      </p>
      <p className="helpdesk-message-body">{message.body}</p>
    </li>
  );
}
