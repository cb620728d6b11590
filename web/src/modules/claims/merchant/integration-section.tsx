import { useQueryClient } from '@tanstack/react-query';
import { Button, Icon } from 'design-react-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../core/ui/dialog';
import { fieldError, ProblemAlert } from '../../../core/ui/problem-alert';
import { StatusMessage } from '../../../core/ui/status-message';
import { formatDate, formatDateTime } from '../../../lib/format';
import { type ClaimDetail, claimKeys, type Integration, integrationDocumentUrl, integrationTemplateUrl, submitIntegration, uploadIntegrationDocument } from './api';
import { formatFileSize, integrationDocumentProblem } from './integration-document';

const UPLOAD_ID = 'integration-document';

interface IntegrationSectionProps {
  claim: ClaimDetail;
  integration: Integration;
  /** After "Integra documentazione": the claim is back "Da valutare". */
  onSubmitted: (message: string) => void;
}

/**
 * "Integrazione" of a claim "Da integrare" (seed 000 §09): the region's request and deadline,
 * "Download Template" (Word), "Upload del documento (pdf)" — one PDF, replaceable until sent —
 * and "Integra documentazione", after a confirmation. Once sent, only what was sent and when.
 */
export function IntegrationSection({ claim, integration, onSubmitted }: IntegrationSectionProps) {
  const { t } = useTranslation('claims-merchant');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [uploadedMessage, setUploadedMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const document_ = integration.document;
  const active = claim.actions.integrate && integration.submittedAt === null;

  const upload = async (file: File | null, input: HTMLInputElement) => {
    setFailure(null);
    setUploadedMessage(null);
    if (!file) return;
    const problem = integrationDocumentProblem(file);
    setFileError(problem ? t(`integration.${problem}`) : undefined);
    if (problem) return;
    setProgress(0);
    try {
      const detail = await uploadIntegrationDocument(claim.id, file, (sent, total) => setProgress(total > 0 ? Math.round((sent / total) * 100) : 0));
      queryClient.setQueryData(claimKeys.detail(claim.id), detail);
      setUploadedMessage(t('integration.uploadedNow', { name: file.name }));
    } catch (error) {
      // The server's refusal of the file itself (type from the content, size) goes on the field.
      const onFile = fieldError(error, 'file');
      setFileError(onFile);
      setFailure(onFile ? null : error);
    } finally {
      setProgress(null);
      // The same file may be chosen again (e.g. after a network error).
      input.value = '';
    }
  };

  const submit = async () => {
    setSubmitting(true);
    setFailure(null);
    try {
      const detail = await submitIntegration(claim.id);
      queryClient.setQueryData(claimKeys.detail(claim.id), detail);
      void queryClient.invalidateQueries({ queryKey: claimKeys.all });
      setConfirming(false);
      onSubmitted(t('integration.done'));
    } catch (error) {
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  if (!active) {
    return (
      <section aria-labelledby="integration-title" className="sportello-panel mt-5">
        <h2 id="integration-title" className="h3">
          {integration.submittedAt ? t('integration.pastTitle') : t('integration.title')}
        </h2>
        <IntegrationRequest integration={integration} />
        {integration.submittedAt && <p>{t('integration.submitted', { when: formatDateTime(integration.submittedAt) })}</p>}
        {document_ && (
          <p className="mb-0">
            <a href={integrationDocumentUrl(claim.id)} target="_blank" rel="noopener noreferrer">
              {t('integration.view')}: {document_.fileName} ({formatFileSize(document_.sizeBytes)})
            </a>
          </p>
        )}
      </section>
    );
  }

  const hintId = `${UPLOAD_ID}-hint`;
  const errorId = `${UPLOAD_ID}-error`;
  return (
    <section aria-labelledby="integration-title" className="sportello-panel mt-5">
      <h2 id="integration-title" className="h3">
        {t('integration.title')}
      </h2>
      <p>{t('integration.intro')}</p>
      <IntegrationRequest integration={integration} />

      <div className="mb-4">
        <a href={integrationTemplateUrl(claim.id)} className="btn btn-outline-primary btn-icon" download aria-describedby="integration-template-hint">
          <Icon icon="it-download" size="sm" color="primary" aria-hidden="true" className="me-2" />
          {t('integration.template')}
        </a>
        <small id="integration-template-hint" className="form-text d-block mt-1">
          {t('integration.templateHint')}
        </small>
      </div>

      <div className="mb-4">
        <label htmlFor={UPLOAD_ID} className="form-label fw-semibold">
          {t('integration.upload')}
        </label>
        <input
          id={UPLOAD_ID}
          type="file"
          className={`form-control${fileError ? ' is-invalid' : ''}`}
          accept=".pdf,application/pdf"
          disabled={submitting}
          aria-invalid={fileError ? true : undefined}
          aria-describedby={[hintId, fileError ? errorId : null].filter(Boolean).join(' ')}
          onChange={(event) => void upload(event.target.files?.[0] ?? null, event.target)}
        />
        <small id={hintId} className="form-text d-block">
          {t('integration.uploadHint')}
        </small>
        {progress !== null && (
          <div className="progress mt-2" style={{ height: '0.5rem' }}>
            <div
              className="progress-bar"
              role="progressbar"
              aria-label={t('integration.uploading', { percent: progress })}
              aria-valuenow={progress}
              aria-valuemin={0}
              aria-valuemax={100}
              style={{ width: `${progress}%` }}
            />
          </div>
        )}
        {fileError && (
          <div id={errorId} className="sportello-field-error">
            {fileError}
          </div>
        )}
        <StatusMessage message={uploadedMessage} className="mt-2" />
        <p className="mt-2 mb-0">
          {document_ ? (
            <>
              {t('integration.uploaded', { name: document_.fileName, size: formatFileSize(document_.sizeBytes), when: formatDateTime(document_.uploadedAt) })}{' '}
              <a href={integrationDocumentUrl(claim.id)} target="_blank" rel="noopener noreferrer">
                {t('integration.view')}
              </a>
            </>
          ) : (
            t('integration.noDocument')
          )}
        </p>
      </div>

      {/* While the confirmation is open, its own alert says it. */}
      <ProblemAlert error={confirming ? null : failure} className="mb-3" />
      <Button type="button" color="primary" disabled={!document_ || progress !== null} aria-describedby={document_ ? undefined : 'integration-submit-hint'} onClick={() => setConfirming(true)}>
        {t('integration.submit')}
      </Button>
      {!document_ && (
        <small id="integration-submit-hint" className="form-text d-block mt-1">
          {t('integration.submitHint')}
        </small>
      )}

      {confirming && document_ && (
        <Dialog
          title={t('integration.confirmTitle')}
          onClose={() => setConfirming(false)}
          footer={
            <>
              <Button type="button" color="primary" outline onClick={() => setConfirming(false)}>
                {tc('common.cancel')}
              </Button>
              <Button type="button" color="primary" disabled={submitting} aria-busy={submitting || undefined} onClick={() => void submit()}>
                {t('integration.confirm')}
              </Button>
            </>
          }
        >
          <p className="mb-0">{t('integration.confirmText', { name: document_.fileName })}</p>
          <ProblemAlert error={failure} className="mt-3 mb-0" />
        </Dialog>
      )}
    </section>
  );
}

/** What the region asked for and by when. */
function IntegrationRequest({ integration }: { integration: Integration }) {
  const { t } = useTranslation('claims-merchant');
  return (
    <dl className="mb-3">
      <dt className="small fw-normal">{t('integration.request')}</dt>
      <dd className="mb-2" style={{ whiteSpace: 'pre-line' }}>
        {integration.requestText}
      </dd>
      <dt className="small fw-normal">{t('integration.requestedAt')}</dt>
      <dd className="mb-2 fw-semibold">{formatDate(integration.requestedAt)}</dd>
      <dt className="small fw-normal">{t('integration.deadline')}</dt>
      <dd className="mb-0 fw-semibold">{formatDate(integration.deadline)}</dd>
    </dl>
  );
}
