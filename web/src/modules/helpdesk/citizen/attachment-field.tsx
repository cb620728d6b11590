import { Button } from 'design-react-kit';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_ACCEPT, formatFileSize } from './attachment';

interface AttachmentFieldProps {
  id: string;
  file: File | null;
  onChange: (file: File | null) => void;
  error?: string;
  disabled?: boolean;
  /** 0–100 while the request with the file is being sent. */
  progress: number | null;
}

/** "Allegato" (seed 004 §2.2): optional, the accepted extensions and the 1MB limit said beside it. */
export function AttachmentField({ id, file, onChange, error, disabled, progress }: AttachmentFieldProps) {
  const { t } = useTranslation('helpdesk-citizen');
  const input = useRef<HTMLInputElement>(null);
  const hintId = `${id}-hint`;
  const chosenId = `${id}-chosen`;
  const errorId = `${id}-error`;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="form-label fw-semibold">
        {t('newRequest.attachment')}
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        className={`form-control${error ? ' is-invalid' : ''}`}
        accept={ATTACHMENT_ACCEPT}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, file ? chosenId : null, error ? errorId : null].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
      <small id={hintId} className="form-text d-block">
        {t('newRequest.attachmentExtensions')}
        <br />
        {t('newRequest.attachmentMaxSize')}
      </small>
      {file && (
        <div className="d-flex flex-wrap align-items-center gap-3 mt-2">
          <span id={chosenId}>{t('newRequest.attachmentChosen', { name: file.name, size: formatFileSize(file.size) })}</span>
          <Button
            type="button"
            color="primary"
            outline
            size="xs"
            disabled={disabled}
            onClick={() => {
              if (input.current) input.current.value = '';
              onChange(null);
              input.current?.focus();
            }}
          >
            {t('newRequest.removeAttachment')}
          </Button>
        </div>
      )}
      {progress !== null && (
        <div className="progress mt-2" style={{ height: '0.5rem' }}>
          <div
            className="progress-bar"
            role="progressbar"
            aria-label={t('newRequest.uploading', { percent: progress })}
            aria-valuenow={progress}
            aria-valuemin={0}
            aria-valuemax={100}
            style={{ width: `${progress}%` }}
          />
        </div>
      )}
      {error && (
        <div id={errorId} className="sportello-field-error">
          {error}
        </div>
      )}
    </div>
  );
}
