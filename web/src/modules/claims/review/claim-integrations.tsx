import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import { PRE_LINE } from './pre-line';
import { type ClaimDetail, integrationDocumentUrl } from './api';
import { formatFileSize } from '../../../lib/file-size';

/** "Integrazioni": each request to the merchant (what, by when) and the document he sent. */
export function ClaimIntegrations({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation('claims-review');
  return (
    <section aria-labelledby="claim-integrations" className="mb-5">
      <h2 id="claim-integrations" className="h3">
        {t('integrations.title')}
      </h2>
      {claim.integrations.length === 0 ? (
        <div className="sportello-empty">
          <p className="mb-0">{t('integrations.empty')}</p>
        </div>
      ) : (
        <>
          <p>{t('integrations.intro')}</p>
          <ul className="list-unstyled mb-0">
            {claim.integrations.map((integration) => (
              <li key={integration.id} className="sportello-panel mb-3">
                <h3 className="h5">{t('integrations.item', { date: formatDate(integration.requestedAt) })}</h3>
                <dl className="row mb-0">
                  <div className="col-12 mb-2">
                    <dt className="small fw-normal">{t('integrations.requestText')}</dt>
                    <dd className="mb-0" style={PRE_LINE}>{integration.requestText}</dd>
                  </div>
                  <div className="col-12 col-md-4 mb-2">
                    <dt className="small fw-normal">{t('integrations.deadline')}</dt>
                    <dd className="mb-0 fw-semibold">{formatDate(integration.deadline)}</dd>
                  </div>
                  <div className="col-12 col-md-4 mb-2">
                    <dt className="small fw-normal">{t('integrations.submitted')}</dt>
                    <dd className="mb-0 fw-semibold">{integration.submittedAt ? formatDateTime(integration.submittedAt) : t('integrations.notSubmitted')}</dd>
                  </div>
                  <div className="col-12 col-md-4 mb-2">
                    <dt className="small fw-normal">{t('integrations.document')}</dt>
                    <dd className="mb-0">
                      {integration.document ? (
                        <a href={integrationDocumentUrl(claim.id, integration.id)} download={integration.document.fileName}>
                          {t('integrations.download', { fileName: integration.document.fileName, size: formatFileSize(integration.document.sizeBytes) })}
                        </a>
                      ) : (
                        t('integrations.noDocument')
                      )}
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
