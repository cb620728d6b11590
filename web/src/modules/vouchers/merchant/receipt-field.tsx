import { useTranslation } from 'react-i18next';

/** What the server admits for a receipt (PURCHASE_RECEIPT_POLICY): checked here too, to say it at once. */
export const RECEIPT_MAX_BYTES = 5 * 1024 * 1024;
const RECEIPT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
const RECEIPT_EXTENSIONS = /\.(jpe?g|png|pdf)$/i;

/** The browser's guess (type or extension): the server checks the content anyway. */
export function receiptProblem(file: File): 'receiptType' | 'receiptTooLarge' | null {
  if (!RECEIPT_TYPES.includes(file.type) && !RECEIPT_EXTENSIONS.test(file.name)) return 'receiptType';
  if (file.size > RECEIPT_MAX_BYTES) return 'receiptTooLarge';
  return null;
}

interface ReceiptFieldProps {
  id: string;
  file: File | null;
  onChange: (file: File | null) => void;
  error?: string;
  disabled?: boolean;
  /** 0–100 while uploading. */
  progress: number | null;
}

/** "Allegare lo scontrino" (seed 000 §06): one JPEG, PNG or PDF of at most 5 MB. */
export function ReceiptField({ id, file, onChange, error, disabled, progress }: ReceiptFieldProps) {
  const { t } = useTranslation('vouchers-merchant');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="mb-5">
      <label htmlFor={id} className="form-label fw-semibold">
        {t('purchase.receipt')}
      </label>
      <input
        id={id}
        type="file"
        className={`form-control${error ? ' is-invalid' : ''}`}
        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
        required
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
      <small id={hintId} className="form-text d-block">
        {file && !error ? t('purchase.receiptAttached', { name: file.name }) : t('purchase.receiptHint')}
      </small>
      {progress !== null && (
        <div className="progress mt-2" style={{ height: '0.5rem' }}>
          <div
            className="progress-bar"
            role="progressbar"
            aria-label={t('purchase.receiptUploading', { percent: progress })}
            aria-valuenow={progress}
            aria-valuemin={0}
            aria-valuemax={100}
            style={{ width: `${progress}%` }}
          />
        </div>
      )}
      {error && (
        <div id={errorId} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </div>
  );
}
