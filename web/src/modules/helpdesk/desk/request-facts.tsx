import { Icon } from 'design-react-kit';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { attachmentUrl, type RequestDetail } from './api';
import { formatFileSize } from '../../../lib/file-size';
import { RequestStatusBadge } from './status-badge';

/** The request as the citizen filed it, and where it stands now. */
export function RequestFacts({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('helpdesk-desk');
  const { citizen } = request;
  const facts: [string, ReactNode][] = [
    [t('detail.citizen'), `${citizen.givenName} ${citizen.familyName}`],
    [t('detail.fiscalCode'), <span className="font-monospace">{citizen.fiscalCode}</span>],
    [t('detail.role'), request.role.label],
    [t('detail.email'), <span className="text-break">{citizen.email}</span>],
    [t('detail.phone'), citizen.phone],
    [t('detail.channel'), citizen.signedIn ? t('detail.channelApp') : t('detail.channelEmail')],
    [t('detail.service'), request.service.label],
    [t('detail.category'), request.category.label],
    [t('detail.agency'), request.agency.name],
    [t('detail.queue'), request.queue.name],
    [t('detail.created'), formatDateTime(request.createdAt)],
    [t('detail.status'), <RequestStatusBadge status={request.status} label={request.statusLabel} />],
    [t('detail.assignee'), request.assignee?.name ?? t('detail.nobody')],
  ];
  return (
    <section aria-labelledby="request-facts" className="sportello-panel mb-4">
      <h2 id="request-facts" className="h3">
        {t('detail.facts')}
      </h2>
      <dl className="row mb-0">
        {facts.map(([label, value]) => (
          <div key={label} className="col-12 col-sm-6 col-lg-4 mb-3">
            <dt className="small fw-normal">{label}</dt>
            <dd className="mb-0 fw-semibold">{value}</dd>
          </div>
        ))}
        <div className="col-12 mb-3">
          <dt className="small fw-normal">{t('detail.description')}</dt>
          <dd className="mb-0 helpdesk-note-body">{request.description}</dd>
        </div>
        <div className="col-12">
          <dt className="small fw-normal">{t('detail.attachment')}</dt>
          <dd className="mb-0">
            {request.attachment ? (
              <a href={attachmentUrl(request.id)} download={request.attachment.fileName} className="d-inline-flex align-items-center gap-1">
                <Icon icon="it-download" size="sm" color="primary" aria-hidden="true" />
                {t('detail.download', { name: request.attachment.fileName, size: formatFileSize(request.attachment.sizeBytes) })}
              </a>
            ) : (
              t('detail.noAttachment')
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
